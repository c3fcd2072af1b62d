import Fuse from 'fuse.js';
import type { Document, Gazetteer } from '../document.js';
import type { Outcome } from '../user-error.js';
import { foldText } from './fold-text.js';
import type { Filter, FilterKey } from './parse-query.js';
import { searchMessages } from './search-messages.js';

export type NameKind = 'person' | 'country' | 'place' | 'source';

/** One way of writing a name (canonical or alias), folded for matching. */
interface NameEntry {
  label: string;
  canonical: string;
}

export interface DocumentFilter {
  /** Folded text of one filter value resolved to the canonical names it stands for, best first. */
  resolve(kind: NameKind, value: string): string[];
  /** Which documents pass all filters: one byte per document, or null when there are no filters. */
  apply(filters: readonly Filter[]): Outcome<{ allowed: Uint8Array | null }>;
  /** Canonical names of a kind with their aliases, for suggestions. */
  entries(kind: NameKind): readonly NameEntry[];
  fuse(kind: NameKind): Fuse<NameEntry>;
  /** The values a filter can take in this corpus, for messages: names sorted, years ascending, the date range. */
  known(key: FilterKey): string[];
}

/** fuse.js score (0 exact, 1 anything) up to which a filter value is taken as a typo of a name: tokaev -> Tokayev. */
const NAME_THRESHOLD = 0.34;
/** Looser, for "did you mean" only; beyond it a suggestion would puzzle ("obama" is not "Omamo"), so the known values are listed. */
const SUGGEST_THRESHOLD = 0.38;
/** Filter combinations remembered (a few KB each at most, one byte per document). */
const MEMO_SIZE = 32;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "Wang Yu Fei" and "Wang Yi" share a word: a suggestion worth making even when fuse.js scores it loosely. */
function sharesWord(label: string, value: string): boolean {
  const words = new Set(
    foldText(value)
      .split(' ')
      .filter((word) => word.length >= 3),
  );
  return label.split(' ').some((word) => words.has(word));
}

/** True when `value` is a real YYYY-MM-DD calendar date (2023-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The date a document is filed under: the event, else the publication. */
export function documentDate(document: Document): string | null {
  return document.eventDate ?? document.publishedDate;
}

/**
 * Resolves fuzzy filter values (person:tokaev) to canonical names through fuse.js over the gazetteer's
 * names and aliases and the documents' own metadata: short fields, where fuse.js is strongest.
 */
export function createDocumentFilter(documents: readonly Document[], gazetteer: Gazetteer): DocumentFilter {
  const lists = new Map<NameKind, NameEntry[]>();
  const fuses = new Map<NameKind, Fuse<NameEntry>>();

  const entries = (kind: NameKind): NameEntry[] => {
    const cached = lists.get(kind);
    if (cached) return cached;
    const seen = new Set<string>();
    const list: NameEntry[] = [];
    const add = (name: string | null | undefined, canonical: string | null | undefined) => {
      if (!name || !canonical) return;
      const label = foldText(name);
      const key = `${label}\u0000${canonical}`;
      if (label.length === 0 || seen.has(key)) return;
      seen.add(key);
      list.push({ label, canonical });
    };
    if (kind === 'person') {
      for (const person of gazetteer.people) {
        add(person.name, person.name);
        for (const alias of person.aliases) add(alias, person.name);
      }
      for (const document of documents) for (const name of document.people) add(name, name);
    } else if (kind === 'country') {
      for (const country of gazetteer.countries) {
        add(country.name, country.name);
        for (const alias of country.aliases) add(alias, country.name);
      }
      for (const document of documents) for (const name of document.countries) add(name, name);
    } else if (kind === 'place') {
      for (const place of gazetteer.places) {
        add(place.name, place.name);
        for (const alias of place.aliases) add(alias, place.name);
      }
      for (const document of documents) add(document.place, document.place);
    } else {
      for (const document of documents) add(document.source, document.source);
    }
    lists.set(kind, list);
    return list;
  };

  const fuse = (kind: NameKind): Fuse<NameEntry> => {
    let instance = fuses.get(kind);
    if (!instance) {
      instance = new Fuse(entries(kind), { keys: ['label'], includeScore: true, ignoreLocation: true, threshold: NAME_THRESHOLD });
      fuses.set(kind, instance);
    }
    return instance;
  };

  const resolve = (kind: NameKind, value: string): string[] => {
    const folded = foldText(value);
    if (folded.length === 0) return [];
    const list = entries(kind);
    const names: string[] = [];
    const push = (name: string) => {
      if (!names.includes(name)) names.push(name);
    };
    // Exact spelling first, then a whole word of a name (person:ruto), then fuse.js for typos.
    for (const entry of list) if (entry.label === folded) push(entry.canonical);
    if (names.length > 0) return names;
    for (const entry of list) if (` ${entry.label} `.includes(` ${folded} `)) push(entry.canonical);
    if (names.length > 0) return names;
    for (const result of fuse(kind).search(folded, { limit: 5 })) {
      if ((result.score ?? 1) <= NAME_THRESHOLD) push(result.item.canonical);
    }
    return names.slice(0, 1);
  };

  // Folded place and source per document, computed once: filters run over every document per query.
  const foldedCache = new Map<'place' | 'source', string[]>();
  const foldedField = (field: 'place' | 'source'): string[] => {
    let folded = foldedCache.get(field);
    if (!folded) {
      const byValue = new Map<string, string>();
      folded = documents.map((document) => {
        const value = document[field] ?? '';
        let text = byValue.get(value);
        if (text === undefined) {
          text = ` ${foldText(value)} `;
          byValue.set(value, text);
        }
        return text;
      });
      foldedCache.set(field, folded);
    }
    return folded;
  };

  const nameTest = (kind: NameKind, names: readonly string[]): ((document: Document, at: number) => boolean) => {
    switch (kind) {
      case 'person':
        return (document) => names.some((name) => document.people.includes(name));
      case 'country':
        return (document) => names.some((name) => document.countries.includes(name));
      case 'place':
      case 'source': {
        const folded = foldedField(kind);
        const wanted = names.map((name) => ` ${foldText(name)} `);
        return (_, at) => wanted.some((name) => folded[at]!.includes(name));
      }
    }
  };

  let dateCache: string[] | null = null;
  const documentDates = (): string[] => {
    dateCache ??= documents.map((document) => documentDate(document) ?? '');
    return dateCache;
  };
  const memo = new Map<string, Uint8Array>();
  const remember = (signature: string, allowed: Uint8Array) => {
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
    memo.set(signature, allowed);
  };

  const knownValues = (key: FilterKey): string[] => {
    const sorted = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b));
    switch (key) {
      case 'person':
        return sorted(documents.flatMap((document) => document.people));
      case 'country':
        return sorted(documents.flatMap((document) => document.countries));
      case 'place':
      case 'source':
        return sorted(documents.map((document) => document[key]));
      case 'year':
        return sorted(documentDates().map((date) => date.slice(0, 4)));
      case 'from':
      case 'to': {
        const dates = sorted(documentDates());
        return dates.length > 0 ? [`${dates[0]} to ${dates[dates.length - 1]}`] : [];
      }
    }
  };

  const allowedOrProblem = (filters: readonly Filter[], allowed: Uint8Array): Outcome<{ allowed: Uint8Array }> => {
    if (allowed.includes(1) || documents.length === 0) return { ok: true, allowed };
    // Every filter value is real, but together they leave no document: say what each filter could be.
    const keys = [...new Set(filters.map((filter) => filter.key))];
    return {
      ok: false,
      problem: searchMessages.filtersMatchNothing(
        filters,
        keys.map((key) => ({ key, values: knownValues(key) })),
      ),
    };
  };

  return {
    resolve,
    entries,
    fuse,
    known: knownValues,
    apply(filters) {
      if (filters.length === 0) return { ok: true, allowed: null };
      // "More results" repeats the same filters page after page: answer those from a small memo.
      const signature = filters.map((filter) => `${filter.key}:${filter.value}`).join('\u0000');
      const known = memo.get(signature);
      if (known) return allowedOrProblem(filters, known);
      const tests: ((document: Document, at: number) => boolean)[] = [];
      const years: string[] = [];
      let from: string | null = null;
      let to: string | null = null;
      const byKind = new Map<NameKind, string[][]>();
      for (const filter of filters) {
        const key: FilterKey = filter.key;
        if (key === 'year') {
          if (!/^\d{4}$/.test(filter.value)) return { ok: false, problem: searchMessages.badYear(filter.value) };
          years.push(filter.value);
        } else if (key === 'from' || key === 'to') {
          if (!isCalendarDate(filter.value)) return { ok: false, problem: searchMessages.badDate(key, filter.value) };
          if (key === 'from') from = filter.value;
          else to = filter.value;
        } else {
          const names = resolve(key, filter.value);
          if (names.length === 0) {
            // Too far to resolve on its own, but a looser match still makes a useful "did you mean".
            const suggestions = new Fuse(entries(key), { keys: ['label'], ignoreLocation: true, includeScore: true, threshold: 0.6 })
              .search(foldText(filter.value).slice(0, 32), { limit: 3 })
              .filter((result) => (result.score ?? 1) <= SUGGEST_THRESHOLD || sharesWord(result.item.label, filter.value))
              .map((result) => result.item.canonical);
            return { ok: false, problem: searchMessages.unknownValue(key, filter.value, [...new Set(suggestions)], knownValues(key)) };
          }
          byKind.set(key, [...(byKind.get(key) ?? []), names]);
        }
      }
      if (from !== null && to !== null && from > to) return { ok: false, problem: searchMessages.reversedRange(from, to) };
      // A document has one date, place and source, so repeated year:/place:/source: widen; person:/country: narrow.
      const dates = documentDates();
      if (years.length > 0) tests.push((_, at) => years.some((year) => dates[at]!.startsWith(year)));
      if (from !== null) {
        const start = from;
        tests.push((_, at) => dates[at]! >= start);
      }
      if (to !== null) {
        const end = to;
        tests.push((_, at) => dates[at] !== '' && dates[at]! <= end);
      }
      for (const [kind, groups] of byKind) {
        if (kind === 'place' || kind === 'source') tests.push(nameTest(kind, groups.flat()));
        else for (const names of groups) tests.push(nameTest(kind, names));
      }
      const allowed = new Uint8Array(documents.length).fill(1);
      for (const test of tests) {
        for (let at = 0; at < documents.length; at++) if (allowed[at] === 1 && !test(documents[at]!, at)) allowed[at] = 0;
      }
      remember(signature, allowed);
      return allowedOrProblem(filters, allowed);
    },
  };
}
