import { readFileSync } from 'node:fs';
import type { Corpus } from '../../../src/core/document.js';
import type { Quote } from '../../../src/core/quotes/quote-types.js';

/** One hand label: a sentence of a seed document (by its text or a unique prefix) and who, if anyone, said it. */
export interface QuoteLabel {
  docId: string;
  text: string;
  isQuote: boolean;
  speaker: string | null;
  note?: string;
}

export interface LabelScore {
  sentences: number;
  labelledQuotes: number;
  extracted: number;
  truePositives: number;
  rightSpeaker: number;
  precision: number;
  recall: number;
  speakerPrecision: number;
  speakerRecall: number;
  /** Sentences with no label, and labels that match no sentence: both mean the labels need updating. */
  unlabelled: string[];
  staleLabels: string[];
  errors: string[];
}

export function readLabels(path = new URL('../../fixtures/quote-labels.json', import.meta.url)): QuoteLabel[] {
  return JSON.parse(readFileSync(path, 'utf8')) as QuoteLabel[];
}

/** Scores extracted quotes against the labels, sentence by sentence, keyed by text so index shifts do not matter. */
export function scoreLabels(corpus: Corpus, quotes: Quote[], labels: QuoteLabel[]): LabelScore {
  const byId = new Map(quotes.map((quote) => [quote.id, quote]));
  const used = new Set<QuoteLabel>();
  const score: LabelScore = {
    sentences: 0,
    labelledQuotes: 0,
    extracted: quotes.length,
    truePositives: 0,
    rightSpeaker: 0,
    precision: 0,
    recall: 0,
    speakerPrecision: 0,
    speakerRecall: 0,
    unlabelled: [],
    staleLabels: [],
    errors: [],
  };
  for (const doc of corpus.documents) {
    for (const paragraph of doc.paragraphs) {
      for (const sentence of paragraph.sentences) {
        score.sentences++;
        const label = labels.find((candidate) => candidate.docId === doc.id && sentence.text.startsWith(candidate.text));
        if (!label) {
          score.unlabelled.push(`${sentence.id}: ${sentence.text.slice(0, 60)}`);
          continue;
        }
        used.add(label);
        const quote = byId.get(sentence.id);
        if (label.isQuote) score.labelledQuotes++;
        if (quote && label.isQuote) score.truePositives++;
        if (quote && label.isQuote && quote.speaker === label.speaker) score.rightSpeaker++;
        if (Boolean(quote) !== label.isQuote || (quote && quote.speaker !== label.speaker)) {
          score.errors.push(
            `${sentence.id} expected ${label.speaker ?? 'none'} got ${quote?.speaker ?? 'none'}: ${sentence.text.slice(0, 60)}`,
          );
        }
      }
    }
  }
  score.staleLabels = labels.filter((label) => !used.has(label)).map((label) => `${label.docId}: ${label.text}`);
  score.precision = ratio(score.truePositives, score.extracted);
  score.recall = ratio(score.truePositives, score.labelledQuotes);
  score.speakerPrecision = ratio(score.rightSpeaker, score.extracted);
  score.speakerRecall = ratio(score.rightSpeaker, score.labelledQuotes);
  return score;
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);
