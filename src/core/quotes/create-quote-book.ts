import type { Corpus } from '../document.js';
import { createTextIndex } from '../search/create-text-index.js';
import { isStopword } from '../search/stopwords.js';
import { tokenTerms } from '../search/tokenize.js';
import type { Outcome } from '../user-error.js';
import { chooseStrongestQuote } from './choose-strongest-quote.js';
import { extractQuotes } from './extract-quotes.js';
import { createSpeakerFinder } from './find-speaker.js';
import { MAX_SPEAKER_LENGTH, MAX_TOPIC_LENGTH, quoteMessages } from './quote-messages.js';
import type { Quote, QuoteBook, SpeakerCount, SpeakerQuotes } from './quote-types.js';

const SUGGESTED_SPEAKERS = 3;

/** Serves a corpus's quotes by id, speaker (fuzzy), topic, document or at random; extracts them unless given. */
export function createQuoteBook(corpus: Corpus, quotes?: Quote[]): QuoteBook {
  const all = quotes ?? corpus.documents.flatMap((doc) => extractQuotes(doc, corpus.gazetteer));
  const byId = new Map(all.map((quote) => [quote.id, quote]));
  const bySpeakerName = new Map<string, Quote[]>();
  for (const quote of all) bySpeakerName.set(quote.speaker, [...(bySpeakerName.get(quote.speaker) ?? []), quote]);
  const counts: SpeakerCount[] = [...bySpeakerName]
    .map(([speaker, list]) => ({ speaker, count: list.length }))
    .sort((a, b) => b.count - a.count || a.speaker.localeCompare(b.speaker));
  const topSpeakers = (): string[] => counts.slice(0, SUGGESTED_SPEAKERS).map((entry) => entry.speaker);
  const finder = createSpeakerFinder(corpus.gazetteer, [...bySpeakerName.keys()]);
  // Built on first use: most invocations ask by speaker or at random.
  let textIndex: ReturnType<typeof createTextIndex> | undefined;

  const bySpeaker = (name: string): SpeakerQuotes => {
    const wanted = name.trim();
    if (!wanted) return problem('speaker_empty', quoteMessages.speakerEmpty(topSpeakers()));
    if (wanted.length > MAX_SPEAKER_LENGTH) return problem('speaker_too_long', quoteMessages.speakerTooLong());
    const match = finder.find(wanted);
    if (match.kind === 'unknown') {
      // Suggest people who can actually be quoted; the most quoted when no name is close.
      const quoted = match.suggestions.filter((suggestion) => bySpeakerName.has(suggestion));
      if (quoted.length > 0) return problem('speaker_unknown', quoteMessages.speakerUnknown(wanted, quoted), quoted);
      // No name is close: list who can be quoted rather than an unrelated "did you mean".
      const known = counts.map((entry) => entry.speaker);
      return problem('speaker_unknown', quoteMessages.speakerNotInCorpus(wanted, known), known);
    }
    const found = bySpeakerName.get(match.name);
    if (!found) {
      return problem('speaker_no_quotes', quoteMessages.speakerWithoutQuotes(match.name, topSpeakers()), topSpeakers());
    }
    return { ok: true, speaker: match.name, quotes: [...found] };
  };

  return {
    all: () => [...all],
    byId: (id) => byId.get(id),
    bySpeaker,
    about(topic, speaker) {
      const wanted = topic.trim();
      if (!wanted) return problem('topic_empty', quoteMessages.topicEmpty());
      if (wanted.length > MAX_TOPIC_LENGTH) return problem('topic_too_long', quoteMessages.topicTooLong(wanted.length));
      let pool: Quote[] = all;
      let speakerName: string | undefined;
      if (speaker !== undefined) {
        const found = bySpeaker(speaker);
        if (!found.ok) return found;
        pool = found.quotes;
        speakerName = found.speaker;
      }
      textIndex ??= createTextIndex(all.map((quote) => ({ id: quote.id, text: quote.text })));
      const allowed = new Set(pool.map((quote) => quote.id));
      if (tokenTerms(wanted).every((term) => isStopword(term))) {
        return problem('topic_common_words', quoteMessages.topicOnlyCommonWords(wanted));
      }
      const hits = textIndex.match(wanted, all.length);
      const matched = hits.flatMap((hit) => (allowed.has(hit.id) ? [byId.get(hit.id)!] : []));
      if (matched.length === 0) return problem('topic_no_quotes', quoteMessages.topicNoQuotes(wanted, speakerName));
      return { ok: true, quotes: matched };
    },
    random(random, speaker) {
      let pool: Quote[] = all;
      if (speaker !== undefined) {
        const found = bySpeaker(speaker);
        if (!found.ok) return undefined;
        pool = found.quotes;
      }
      if (pool.length === 0) return undefined;
      const draw = random();
      // A source outside [0, 1) still yields a quote rather than undefined.
      const at = Number.isFinite(draw) ? Math.min(pool.length - 1, Math.max(0, Math.floor(draw * pool.length))) : 0;
      return pool[at];
    },
    speakers: () => counts.map((entry) => ({ ...entry })),
    strongestIn: (docId) => chooseStrongestQuote(all.filter((quote) => quote.docId === docId)),
  };
}

function problem(code: string, message: string, suggestions?: string[]): Outcome<never> {
  return { ok: false, problem: suggestions ? { code, message, suggestions } : { code, message } };
}
