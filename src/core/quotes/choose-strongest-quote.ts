import type { Quote } from './quote-types.js';
import { REPORTING_VERBS } from './reporting-verbs.js';

const STRONG_FORMS = new Set(REPORTING_VERBS.filter((verb) => verb.strength === 'strong').flatMap((verb) => verb.forms));
const POSITION_WEIGHT: Record<Quote['cue']['position'], number> = { before: 3, after: 2, middle: 2, continuation: 0 };

/** Mid-length sentences read best on their own: long enough to say something, short enough for a digest line. */
function lengthWeight(text: string): number {
  if (text.length >= 80 && text.length <= 300) return 2;
  return text.length >= 40 && text.length <= 450 ? 1 : 0;
}

/** The quote that best represents a document: its main speaker's, openly attributed with a strong verb, of middling length. */
export function chooseStrongestQuote(quotes: readonly Quote[]): Quote | undefined {
  const counts = new Map<string, number>();
  for (const quote of quotes) counts.set(quote.speaker, (counts.get(quote.speaker) ?? 0) + 1);
  // The main speaker has the most quotes; on a tie, the one quoted first.
  let main: string | undefined;
  for (const quote of quotes) {
    if (main === undefined || (counts.get(quote.speaker) ?? 0) > (counts.get(main) ?? 0)) main = quote.speaker;
  }
  let best: Quote | undefined;
  let bestScore = -1;
  for (const quote of quotes) {
    if (quote.speaker !== main) continue;
    const score = POSITION_WEIGHT[quote.cue.position] + (STRONG_FORMS.has(quote.cue.verb) ? 2 : 0) + lengthWeight(quote.text);
    if (score > bestScore) {
      best = quote;
      bestScore = score;
    }
  }
  return best;
}
