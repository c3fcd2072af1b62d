import { LRUCache } from 'lru-cache';
import type { Corpus } from '../document.js';
import { buildInvertedIndex, type InvertedIndex } from './build-inverted-index.js';
import { createVocabularyCorrector, type VocabularyCorrector } from './correct-word.js';
import { createDocumentFilter, documentDate } from './filter-documents.js';
import { indexCacheKey, loadIndexCache, saveIndexCache } from './index-cache.js';
import { keepPhraseMatches } from './keep-phrase-matches.js';
import { type AcronymTable, learnAcronyms, readTermsFile } from './learn-acronyms.js';
import { listPassages, paragraphCounter } from './list-passages.js';
import { makeSnippet } from './make-snippet.js';
import { queryGaps } from './measure-proximity.js';
import { parseQuery } from './parse-query.js';
import { PREFERRED_TIER, rankPassages, WORDS_TIER } from './rank-passages.js';
import { readSpeakerIntent } from './read-speaker-intent.js';
import { expandAcronyms, resolveQueryWords } from './resolve-query-words.js';
import { createPassageScorer } from './score-passages.js';
import { searchMessages } from './search-messages.js';
import type { MatchCounts, SearchEngine, SearchEngineHooks, SearchHit, SearchOptions, SearchResult } from './search-types.js';
import { createSuggester } from './suggest-names.js';
import { tokenTerms } from './tokenize.js';

export interface SearchEngineOptions extends SearchEngineHooks {
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
/** Passages of a query word read for acronym definitions: an acronym's own postings are few; a common word's are capped. */
const ACRONYM_PASSAGES = 200;
/** Passages of a multi-word query's rarest word read for a long form's definition. */
const LONG_FORM_PASSAGES = 50;
/** Query words whose acronym definitions are remembered (a long-running bot sees many words). */
const ACRONYM_CACHE_WORDS = 2_000;
export const MAX_LIMIT = 50;
const INVISIBLE_OR_SPACE = /^[\s\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]*$/;

/** Display score: the number of query words matched, plus BM25 squashed into [0, 1) so it never crosses a tier. */
function displayScore(key: number): number {
  // Rank keys are (preferred) + words × 10^8 + closeness × 10^4 + BM25 (see rankPassages).
  const tier = Math.floor((key % PREFERRED_TIER) / WORDS_TIER);
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
  // Acronyms are learned only where they can be: from the passages that hold a query word (the acronym's own
  // postings hold its definition, "Standard Gauge Railway (SGR)"), never by reading the whole corpus, so a lookup
  // still decodes only what it shows. The optional terms.json is read once.
  let fileTerms: AcronymTable | undefined;
  const learnedFrom = new LRUCache<string, AcronymTable>({ max: ACRONYM_CACHE_WORDS });
  const definitionsNear = (word: string, cap: number): AcronymTable => {
    const key = `${cap}:${word}`;
    let table = learnedFrom.get(key);
    if (!table) {
      const termId = index.termIds.get(word);
      const texts: string[] = [];
      if (termId !== undefined) {
        const end = Math.min(index.offsets[termId + 1]!, index.offsets[termId]! + cap);
        for (let at = index.offsets[termId]!; at < end; at++) texts.push(passages.textOf(index.postings[at]!));
      }
      table = learnAcronyms(texts);
      learnedFrom.set(key, table);
    }
    return table;
  };
  /**
   * The acronyms a query can use: terms.json; definitions in the passages of each word typed as an acronym (in
   * capitals: "SGR"); and, for a query of several words, definitions in the passages of its rarest word, which
   * hold "Standard Gauge Railway (SGR)" if any passage does.
   */
  const acronymTableFor = (query: string, words: readonly string[]): AcronymTable => {
    fileTerms ??= readTermsFile(corpus.dir).table;
    const table: AcronymTable = new Map([...fileTerms].map(([acronym, forms]) => [acronym, [...forms]]));
    const typedAsAcronyms = new Set(
      [...query.matchAll(/(?<![\p{L}\p{N}])\p{Lu}{2,8}(?![\p{L}\p{N}])/gu)].map((match) => match[0].toLowerCase()),
    );
    const sources = words.flatMap((word) => {
      if (typedAsAcronyms.has(word)) return [definitionsNear(word, ACRONYM_PASSAGES)];
      // In lower case, only what an earlier lookup in capitals learned (peek: no passage is read for it).
      const learned = learnedFrom.peek(`${ACRONYM_PASSAGES}:${word}`);
      return learned ? [learned] : [];
    });
    if (words.length >= 2) {
      const rarest = [...words].sort((a, b) => documentFrequencyOf(a) - documentFrequencyOf(b))[0]!;
      sources.push(definitionsNear(rarest, LONG_FORM_PASSAGES));
    }
    for (const source of sources) {
      for (const [acronym, forms] of source) {
        const known = table.get(acronym) ?? [];
        for (const form of forms) if (!known.some((other) => other.toLowerCase() === form.toLowerCase())) known.push(form);
        table.set(acronym, known);
      }
    }
    return table;
  };
  const documentFrequencyOf = (word: string) => {
    const termId = index.termIds.get(word);
    return termId === undefined ? Number.POSITIVE_INFINITY : documentFrequency(termId);
  };
  const documentIndex = new Map(corpus.documents.map((document, at) => [document.id, at]));
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

  /** Positions of the scored passages in which `speaker` is quoted. */
  const quotedPositions = (speaker: string, matched: Uint32Array, count: number): Set<number> => {
    const quoted = new Set<number>();
    for (const { docId, paragraph } of options.quotedPassages?.(speaker) ?? []) {
      const at = documentIndex.get(docId);
      if (at !== undefined) quoted.add(firstPassage[at]! + paragraph);
    }
    const positions = new Set<number>();
    for (let i = 0; i < count; i++) if (quoted.has(matched[i]!)) positions.add(i);
    return positions;
  };

  /**
   * The passages a query matches: for filters alone, every paragraph of the allowed documents (newest
   * document first); otherwise the scored passages that hold a query word and every quoted phrase.
   */
  const match = (query: string, doc: string | undefined, searched: string = query) => {
    if (INVISIBLE_OR_SPACE.test(query)) return { ok: false as const, problem: searchMessages.emptyQuery() };
    const parsed = parseQuery(searched);
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
    const expansions = expandAcronyms(index, resolved, words, () => acronymTableFor(query, words));
    const scored = scorer.score(resolved.words, allowed);
    const count = keepPhraseMatches(index, scored, phrases, words, resolved, passages.textOf);
    return { ok: true as const, kind: 'words' as const, count, scored, resolved, words, only, expansions };
  };

  return {
    search(query: string, searchOptions: SearchOptions = {}): SearchResult {
      const limit = clampInteger(searchOptions.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
      const offset = clampInteger(searchOptions.offset, 0, 0, Number.MAX_SAFE_INTEGER);
      // "what did Ruto say about debt": search "Ruto debt", with the passages quoting Ruto first.
      const intent = options.quotedPassages ? readSpeakerIntent(query, corpus.gazetteer) : null;
      const matched = match(query, searchOptions.doc, intent?.query ?? query);
      if (!matched.ok) return matched;
      if (matched.kind === 'filters') {
        // Filters alone list the matching documents' paragraphs, newest document first.
        const listed = matched.listed;
        const hits = listed.slice(offset, offset + limit).map((passage) => hitFor(passage, 0, () => false, 0));
        return { ok: true, query, total: listed.length, hits, corrections: [], unmatched: [], expansions: [] };
      }
      const { count, scored, resolved, words, only, expansions } = matched;
      const { passages: found, keys } = scored;
      let seen = 0;
      for (let i = 0; i < count; i++) seen |= scored.masks[i]!;
      const unmatched = words.filter((_, bit) => (seen & (1 << bit)) === 0);
      const preferred = intent ? quotedPositions(intent.speaker, found, count) : undefined;
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
        // The speaker's quotes lead even when one document holds them all, so pages are not spread over documents then.
        diversify: only === null && !preferred?.size,
        ...(preferred ? { preferred } : {}),
      });
      const highlightTerms = new Set<string>();
      for (const terms of resolved.terms) for (const term of terms) highlightTerms.add(term);
      const isMatch = (term: string) => highlightTerms.has(term);
      const hits = page.map(({ at, moreInDocument }) => hitFor(found[at]!, keys[at]!, isMatch, moreInDocument));
      return {
        ok: true,
        query,
        total: count,
        hits,
        corrections: resolved.corrections,
        unmatched,
        expansions,
        ...(intent ? { speaker: intent.speaker } : {}),
      };
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
