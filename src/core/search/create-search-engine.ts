import type { Corpus } from '../document.js';
import { buildInvertedIndex, type InvertedIndex } from './build-inverted-index.js';
import { createVocabularyCorrector, type VocabularyCorrector } from './correct-word.js';
import { createDocumentFilter, documentDate } from './filter-documents.js';
import { indexCacheKey, loadIndexCache, saveIndexCache } from './index-cache.js';
import { keepPhraseMatches } from './keep-phrase-matches.js';
import { listPassages, paragraphCounter } from './list-passages.js';
import { makeSnippet } from './make-snippet.js';
import { queryGaps } from './measure-proximity.js';
import { parseQuery } from './parse-query.js';
import { rankPassages, WORDS_TIER } from './rank-passages.js';
import { resolveQueryWords } from './resolve-query-words.js';
import { createPassageScorer } from './score-passages.js';
import { searchMessages } from './search-messages.js';
import type { MatchCounts, SearchEngine, SearchHit, SearchOptions, SearchResult } from './search-types.js';
import { createSuggester } from './suggest-names.js';
import { tokenTerms } from './tokenize.js';

export interface SearchEngineOptions {
  /** Folder for the index cache (the app passes `.readout-cache/`); no cache when absent. */
  cacheDir?: string;
  onProgress?: (done: number, total: number) => void;
  /**
   * The index cache key, when the caller already has one for this corpus and code (the app passes its snapshot key);
   * by default a hash of the fingerprint and every passage.
   */
  cacheKey?: string;
  /** Tells whether the index was loaded from the cache or built, for logs and tests. */
  onIndex?: (source: 'cache' | 'built') => void;
}

export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 50;
const INVISIBLE_OR_SPACE = /^[\s\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]*$/;

/** Display score: the number of query words matched, plus BM25 squashed into [0, 1) so it never crosses a tier. */
function displayScore(key: number): number {
  // Rank keys are words × 10^8 + closeness × 10^4 + BM25 (see rankPassages).
  const tier = Math.floor(key / WORDS_TIER);
  const bm25 = key % 10_000;
  return Math.round((tier + bm25 / (bm25 + 10)) * 1000) / 1000;
}

/** Builds (or loads from the cache) the passage index of a corpus and answers queries over it. */
export function createSearchEngine(corpus: Corpus, options: SearchEngineOptions = {}): SearchEngine {
  const passages = listPassages(corpus);
  const index = obtainIndex(corpus, passages.count, passages.textOf, options);
  const documentFrequency = (termId: number) => index.offsets[termId + 1]! - index.offsets[termId]!;
  // The corrector and the autocomplete lists are built on first use: most lookups spell every word as the
  // corpus does, and a one-shot lookup never autocompletes. The running bot builds them in the background (`prepare`).
  let vocabulary: VocabularyCorrector | undefined;
  const corrector: VocabularyCorrector = {
    correct: (word, skip) => {
      vocabulary ??= createVocabularyCorrector(index.terms, documentFrequency);
      return vocabulary.correct(word, skip);
    },
  };
  const scorer = createPassageScorer(index, passages.documentOf);
  const filter = createDocumentFilter(corpus.documents, corpus.gazetteer);
  let suggester: ReturnType<typeof createSuggester> | undefined;
  const suggest: SearchEngine['suggest'] = (kind, prefix, limit) => {
    suggester ??= createSuggester(corpus.documents, filter);
    return suggester(kind, prefix, limit);
  };
  const firstPassage = new Uint32Array(corpus.documents.length + 1);
  const paragraphs = paragraphCounter(corpus);
  corpus.documents.forEach((_document, at) => {
    firstPassage[at + 1] = firstPassage[at]! + paragraphs(at);
  });

  const hitFor = (passage: number, key: number, isMatch: (term: string) => boolean, moreInDocument: number): SearchHit => {
    const document = corpus.documents[passages.documentOf[passage]!]!;
    const paragraph = passages.paragraphOf[passage]!;
    const { snippet, highlights } = makeSnippet(passages.textOf(passage), isMatch);
    return {
      docId: document.id,
      title: document.title,
      eventDate: document.eventDate,
      place: document.place,
      source: document.source,
      paragraph,
      snippet,
      highlights,
      score: displayScore(key),
      moreInDocument,
    };
  };

  /** A document by id or unique id prefix, for `--doc`. */
  const findDocument = (
    id: string,
  ): { ok: true; at: number } | { ok: false; problem: ReturnType<typeof searchMessages.unknownDocument> } => {
    const wanted = id.trim();
    const exact = corpus.documents.findIndex((document) => document.id === wanted);
    if (exact >= 0) return { ok: true, at: exact };
    const prefixed = wanted.length === 0 ? [] : corpus.documents.flatMap((document, at) => (document.id.startsWith(wanted) ? [at] : []));
    if (prefixed.length === 1) return { ok: true, at: prefixed[0]! };
    const ids = (prefixed.length > 1 ? prefixed.map((at) => corpus.documents[at]!) : corpus.documents).map((document) => document.id);
    return { ok: false, problem: searchMessages.unknownDocument(wanted, ids.slice(0, 5), prefixed.length > 1) };
  };

  /**
   * The passages a query matches: for filters alone, every paragraph of the allowed documents (newest
   * document first); otherwise the scored passages that hold a query word and every quoted phrase.
   */
  const match = (query: string, doc: string | undefined) => {
    if (INVISIBLE_OR_SPACE.test(query)) return { ok: false as const, problem: searchMessages.emptyQuery() };
    const parsed = parseQuery(query);
    if (!parsed.ok) return parsed;
    const { words, phrases, filters, onlyStopwords } = parsed.query;
    const filtered = filter.apply(filters);
    if (!filtered.ok) return filtered;
    let allowed = filtered.allowed;
    const only = doc === undefined ? null : findDocument(doc);
    if (only && !only.ok) return only;
    if (only) {
      const one = new Uint8Array(corpus.documents.length);
      one[only.at] = allowed === null ? 1 : allowed[only.at]!;
      allowed = one;
    }
    if (words.length === 0) {
      if (filters.length === 0) {
        return { ok: false as const, problem: onlyStopwords ? searchMessages.onlyStopwords(query) : searchMessages.noWords(query) };
      }
      const documents = corpus.documents
        .map((document, at) => ({ document, at }))
        .filter(({ at }) => allowed?.[at] === 1)
        .sort((a, b) => (documentDate(b.document) ?? '').localeCompare(documentDate(a.document) ?? '') || a.at - b.at);
      const listed: number[] = [];
      for (const { at } of documents) for (let p = firstPassage[at]!; p < firstPassage[at + 1]!; p++) listed.push(p);
      return { ok: true as const, kind: 'filters' as const, listed };
    }
    const resolved = resolveQueryWords(index, corrector, words);
    const scored = scorer.score(resolved.words, allowed);
    const count = keepPhraseMatches(index, scored, phrases, words, resolved, passages.textOf);
    return { ok: true as const, kind: 'words' as const, count, scored, resolved, words, only };
  };

  return {
    search(query: string, searchOptions: SearchOptions = {}): SearchResult {
      const limit = clampInteger(searchOptions.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
      const offset = clampInteger(searchOptions.offset, 0, 0, Number.MAX_SAFE_INTEGER);
      const matched = match(query, searchOptions.doc);
      if (!matched.ok) return matched;
      if (matched.kind === 'filters') {
        // Filters alone list the matching documents' paragraphs, newest document first.
        const listed = matched.listed;
        const hits = listed.slice(offset, offset + limit).map((passage) => hitFor(passage, 0, () => false, 0));
        return { ok: true, query, total: listed.length, hits, corrections: [] };
      }
      const { count, scored, resolved, words, only } = matched;
      const { passages: found, keys } = scored;
      const page = rankPassages({
        index,
        count,
        passages: found,
        keys,
        documentOf: passages.documentOf,
        words: resolved.words,
        gaps: queryGaps(tokenTerms(query.slice(0, 2000)), words),
        offset,
        limit,
        diversify: only === null,
      });
      const highlightTerms = new Set<string>();
      for (const terms of resolved.terms) for (const term of terms) highlightTerms.add(term);
      const isMatch = (term: string) => highlightTerms.has(term);
      const hits = page.map(({ at, moreInDocument }) => hitFor(found[at]!, keys[at]!, isMatch, moreInDocument));
      return { ok: true, query, total: count, hits, corrections: resolved.corrections };
    },
    countMatches(query: string): MatchCounts {
      const matched = match(query, undefined);
      if (!matched.ok) return matched;
      const perDocument = new Uint32Array(corpus.documents.length);
      const add = (passage: number) => {
        perDocument[passages.documentOf[passage]!]!++;
      };
      let total: number;
      let corrections: { from: string; to: string }[] = [];
      if (matched.kind === 'filters') {
        for (const passage of matched.listed) add(passage);
        total = matched.listed.length;
      } else {
        for (let i = 0; i < matched.count; i++) add(matched.scored.passages[i]!);
        total = matched.count;
        corrections = matched.resolved.corrections;
      }
      const documents = corpus.documents.flatMap((document, at) =>
        perDocument[at]! > 0 ? [{ docId: document.id, date: documentDate(document), passages: perDocument[at]! }] : [],
      );
      return { ok: true, query, total, documents, corrections };
    },
    suggest,
    prepare() {
      corrector.correct('readout');
      suggest('document', 'readout', 1);
    },
  };
}

function clampInteger(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

function obtainIndex(corpus: Corpus, count: number, textOf: (passage: number) => string, options: SearchEngineOptions): InvertedIndex {
  const { cacheDir } = options;
  if (cacheDir === undefined) {
    const built = buildInvertedIndex(count, textOf, options.onProgress);
    options.onIndex?.('built');
    return built;
  }
  const key =
    options.cacheKey ??
    indexCacheKey(
      corpus.fingerprint,
      (function* () {
        for (let passage = 0; passage < count; passage++) yield textOf(passage);
      })(),
    );
  const cached = loadIndexCache(cacheDir, key);
  if (cached && cached.passageCount === count) {
    // One "all done" tick, so a progress display started by the caller completes.
    options.onProgress?.(count, count);
    options.onIndex?.('cache');
    return cached;
  }
  const built = buildInvertedIndex(count, textOf, options.onProgress);
  saveIndexCache(cacheDir, key, built);
  options.onIndex?.('built');
  return built;
}
