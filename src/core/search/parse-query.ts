import type { Outcome } from '../user-error.js';
import { boundedEditDistance } from './edit-distance.js';
import { searchMessages } from './search-messages.js';
import { isStopword } from './stopwords.js';
import { type Token, tokenize } from './tokenize.js';

export const FILTER_KEYS = ['person', 'country', 'place', 'source', 'year', 'from', 'to'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface Filter {
  key: FilterKey;
  value: string;
}

export interface ParsedQuery {
  /** Distinct folded query words that are not stopwords, at most MAX_QUERY_WORDS. */
  words: string[];
  /** Each quoted phrase as its folded words, stopwords included (they must match in place). */
  phrases: string[][];
  filters: Filter[];
  /** True when the text had words, but only stopwords. */
  onlyStopwords: boolean;
}

/** Query words beyond this are dropped: a pasted page must not cost more than a short query. */
export const MAX_QUERY_WORDS = 32;
/** Longer input is cut before parsing; 32 words never need more. */
const MAX_QUERY_CHARS = 2000;

const SPACED_FILTER = new RegExp(`(?<![\\p{L}\\p{N}])(${FILTER_KEYS.join('|')}):\\s+(?=\\S)`, 'giu');
const DOUBLE_QUOTES = /[“”„‟″«»＂]/g;
const SEGMENT = /(\p{L}[\p{L}\p{N}_-]*):(?:"([^"]*)"?|(\S*))|"([^"]*)"?|(\S+)/gu;

/** Parses query text into words, quoted phrases and filters; unknown filters and empty values are problems. */
export function parseQuery(text: string): Outcome<{ query: ParsedQuery }> {
  // "person: tokayev" means person:tokayev; only known filter names are joined to the next word.
  const source = text.slice(0, MAX_QUERY_CHARS).replace(DOUBLE_QUOTES, '"').replace(SPACED_FILTER, '$1:');
  const words: string[] = [];
  const phrases: string[][] = [];
  const filters: Filter[] = [];
  let sawStopword = false;
  const addWords = (terms: string[]) => {
    for (const term of terms) {
      if (isStopword(term)) sawStopword = true;
      else if (!words.includes(term) && words.length < MAX_QUERY_WORDS) words.push(term);
    }
  };

  for (const match of source.matchAll(SEGMENT)) {
    const [, key, quotedValue, bareValue, phrase, bare] = match;
    if (key !== undefined) {
      const name = key.toLowerCase();
      const value = (quotedValue ?? bareValue ?? '').trim();
      if (!isFilterKey(name)) {
        // "said: ..." or "http://..." are not filter attempts; anything else that looks like `word:value` is.
        if (value.length === 0 || value.startsWith('//')) {
          addWords(tokenize(match[0]).map((token) => token.term));
          continue;
        }
        return { ok: false, problem: searchMessages.unknownFilter(name, closestFilters(name)) };
      }
      if (value.length === 0) return { ok: false, problem: searchMessages.missingValue(name) };
      filters.push({ key: name, value });
    } else if (phrase !== undefined) {
      const terms = tokenize(phrase).map((token) => token.term);
      if (terms.length === 1) addWords(terms);
      else if (terms.length > 1) {
        phrases.push(terms.slice(0, MAX_QUERY_WORDS));
        addWords(terms);
      }
    } else if (bare !== undefined) {
      for (const run of splitCjkRuns(tokenize(bare))) {
        // Chinese is indexed one character at a time, so a run of characters must match as a phrase.
        if (run.length > 1) phrases.push(run.slice(0, MAX_QUERY_WORDS));
        addWords(run);
      }
    }
  }
  return { ok: true, query: { words, phrases, filters, onlyStopwords: words.length === 0 && sawStopword } };
}

const CJK_CHAR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;

/** Groups adjacent Chinese/Japanese characters into runs; every other word is a run of one. */
function splitCjkRuns(tokens: Token[]): string[][] {
  const runs: string[][] = [];
  let previous: Token | null = null;
  for (const token of tokens) {
    const joins = previous !== null && CJK_CHAR.test(token.term) && CJK_CHAR.test(previous.term) && previous.end === token.start;
    const last = runs[runs.length - 1];
    if (joins && last) last.push(token.term);
    else runs.push([token.term]);
    previous = token;
  }
  return runs;
}

function isFilterKey(name: string): name is FilterKey {
  return (FILTER_KEYS as readonly string[]).includes(name);
}

function closestFilters(name: string): string[] {
  return FILTER_KEYS.map((key) => ({ key, distance: boundedEditDistance(name, key, 3) }))
    .filter((entry) => entry.distance <= 2 || entry.key.startsWith(name) || name.startsWith(entry.key))
    .sort((a, b) => a.distance - b.distance)
    .map((entry) => `${entry.key}:`);
}
