import type { Corpus, Document } from '../document.js';
import { createTextIndex } from '../search/create-text-index.js';
import { boundedEditDistance } from '../search/edit-distance.js';
import { isStopword } from '../search/stopwords.js';
import { tokenTerms } from '../search/tokenize.js';
import type { Outcome } from '../user-error.js';
import { chooseStrongestQuote } from './choose-strongest-quote.js';
import { extractQuotes } from './extract-quotes.js';
import { createSpeakerFinder } from './find-speaker.js';
import { groupQuotes, type QuoteGroups } from './group-quotes.js';
import { MAX_SPEAKER_LENGTH, MAX_TOPIC_LENGTH, quoteMessages } from './quote-messages.js';
import type { Quote, QuoteBook, SpeakerCount, SpeakerQuotes } from './quote-types.js';

const SUGGESTED_SPEAKERS = 3;
/** How long `prepare` extracts before letting other work run, in milliseconds. */
const SLICE_MS = 20;

export interface QuoteBookOptions {
  /** Quotes extracted by an earlier run (the cache), read only when a command first needs every quote; null when unusable. */
  cached?: () => readonly Quote[] | null;
  /** Called once with every quote after a full extraction, so they can be cached. */
  onExtracted?: (quotes: readonly Quote[]) => void;
  /** Extraction progress over the documents, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** Extracts one document's quotes; the default is `extractQuotes` with the corpus's people table. */
  extract?: (document: Document) => Quote[];
}

/** A quote book that extracts lazily: nothing before a command asks, one document for `strongestIn`/`inDocument`. */
export interface LazyQuoteBook extends QuoteBook {
  /** Extracts every document in short slices that let other work run between them; resolves when the book is complete. */
  prepare(): Promise<void>;
  /** Whether every quote has been extracted (or read from the cache). */
  complete(): boolean;
  /** Stops a background `prepare` (the book was replaced); asking the book still works, extracting then. */
  abandon(): void;
}

/** Serves a corpus's quotes by id, speaker (fuzzy), topic, document or at random; extracts them only when first needed, unless given. */
export function createQuoteBook(corpus: Corpus, source: readonly Quote[] | QuoteBookOptions = {}): LazyQuoteBook {
  const options: QuoteBookOptions = Array.isArray(source) ? { cached: () => source } : (source as QuoteBookOptions);
  const extract = options.extract ?? ((document: Document) => extractQuotes(document, corpus.gazetteer));
  const documentsById = new Map(corpus.documents.map((document) => [document.id, document]));
  // Quotes of documents asked for one at a time, reused by the full extraction.
  const perDocument = new Map<string, Quote[]>();
  let groups: QuoteGroups | undefined;
  let finder: ReturnType<typeof createSpeakerFinder> | undefined;
  let textIndex: ReturnType<typeof createTextIndex> | undefined;
  let preparing: Promise<void> | undefined;
  let cacheTried = false;
  let abandoned = false;

  const quotesOfDocument = (document: Document): Quote[] => {
    let quotes = perDocument.get(document.id);
    if (!quotes) {
      quotes = extract(document);
      perDocument.set(document.id, quotes);
    }
    return quotes;
  };

  const finish = (all: readonly Quote[], extracted: boolean): QuoteGroups => {
    groups = groupQuotes(all);
    perDocument.clear();
    if (extracted) options.onExtracted?.(all);
    return groups;
  };

  /** The cached quotes, read at most once. */
  const fromCache = (): QuoteGroups | undefined => {
    if (groups || cacheTried) return groups;
    cacheTried = true;
    const cached = options.cached?.();
    return cached ? finish(cached, false) : undefined;
  };

  const book = (): QuoteGroups => {
    const ready = groups ?? fromCache();
    if (ready) return ready;
    const all: Quote[] = [];
    corpus.documents.forEach((document, at) => {
      for (const quote of quotesOfDocument(document)) all.push(quote);
      options.onProgress?.(at + 1, corpus.documents.length);
    });
    return finish(all, true);
  };

  const topSpeakers = (): string[] =>
    book()
      .counts.slice(0, SUGGESTED_SPEAKERS)
      .map((entry) => entry.speaker);

  const bySpeaker = (name: string): SpeakerQuotes => {
    const wanted = name.trim();
    if (!wanted) return problem('speaker_empty', quoteMessages.speakerEmpty(topSpeakers()));
    if (wanted.length > MAX_SPEAKER_LENGTH) return problem('speaker_too_long', quoteMessages.speakerTooLong());
    const { bySpeaker: speakers } = book();
    finder ??= createSpeakerFinder(corpus.gazetteer, [...speakers.keys()]);
    const match = finder.find(wanted);
    if (match.kind === 'unknown') {
      // Suggest people who can actually be quoted, when one is close.
      const quoted = match.suggestions.filter((suggestion) => speakers.has(suggestion));
      if (quoted.length > 0) return problem('speaker_unknown', quoteMessages.speakerUnknown(wanted, quoted), quoted);
      // No name is close: list who can be quoted rather than an unrelated "did you mean".
      const known = book().counts.map((entry) => entry.speaker);
      return problem('speaker_unknown', quoteMessages.speakerNotInCorpus(wanted, known), known);
    }
    const found = speakers.get(match.name);
    if (!found) {
      // Everyone who can be quoted, never just the top few: the closest names first, then the most quoted.
      const everyone = closestFirst(match.name, book().counts);
      return problem('speaker_no_quotes', quoteMessages.speakerWithoutQuotes(match.name, everyone), everyone);
    }
    return { ok: true, speaker: match.name, quotes: [...found] };
  };

  const inDocument = (docId: string): Quote[] => {
    if (groups) return [...(groups.byDocument.get(docId) ?? [])];
    const document = documentsById.get(docId);
    return document ? [...quotesOfDocument(document)] : [];
  };

  return {
    all: () => [...book().all],
    byId: (id) => book().byId.get(id),
    bySpeaker,
    about(topic, speaker) {
      const wanted = topic.trim();
      if (!wanted) return problem('topic_empty', quoteMessages.topicEmpty());
      if (wanted.length > MAX_TOPIC_LENGTH) return problem('topic_too_long', quoteMessages.topicTooLong(wanted.length));
      const { all, byId } = book();
      let pool: readonly Quote[] = all;
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
      let pool: readonly Quote[] = book().all;
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
    speakers: () => book().counts.map((entry) => ({ ...entry })),
    strongestIn: (docId) => chooseStrongestQuote(inDocument(docId)),
    inDocument,
    complete: () => groups !== undefined,
    prepare() {
      preparing ??= (async () => {
        // Background work: never start inside the caller's turn.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (abandoned || fromCache()) return;
        let sliceStart = Date.now();
        for (const document of corpus.documents) {
          if (groups || abandoned) return;
          quotesOfDocument(document);
          if (Date.now() - sliceStart >= SLICE_MS) {
            await new Promise<void>((resolve) => setImmediate(resolve));
            sliceStart = Date.now();
          }
        }
        if (!abandoned) book();
      })();
      return preparing;
    },
    abandon: () => {
      abandoned = true;
    },
  };
}

function problem(code: string, message: string, suggestions?: string[]): Outcome<never> {
  return { ok: false, problem: suggestions ? { code, message, suggestions } : { code, message } };
}

/** How close a quoted speaker's name is to `name`: the smallest edit distance between any of their words. */
function nameDistance(name: string, speaker: string): number {
  const words = (text: string) =>
    text
      .toLowerCase()
      .split(/[\s-]+/)
      .filter(Boolean);
  let best = Number.POSITIVE_INFINITY;
  for (const a of words(name)) for (const b of words(speaker)) best = Math.min(best, boundedEditDistance(a, b, 8));
  return best;
}

/** Every quoted speaker, the names closest to `name` first, then by how often they are quoted. */
function closestFirst(name: string, counts: readonly SpeakerCount[]): string[] {
  return counts
    .map((entry, rank) => ({ speaker: entry.speaker, rank, distance: nameDistance(name, entry.speaker) }))
    .sort((a, b) => a.distance - b.distance || a.rank - b.rank)
    .map((entry) => entry.speaker);
}
