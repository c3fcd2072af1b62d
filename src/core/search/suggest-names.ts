import Fuse from 'fuse.js';
import type { Document } from '../document.js';
import type { DocumentFilter, NameKind } from './filter-documents.js';
import { foldText } from './fold-text.js';

export type SuggestKind = NameKind | 'document';

/**
 * Above this many candidates only prefix matching runs: a fuzzy scan would miss the autocomplete
 * budget (fuse.js over 10,000 document titles takes over 100 ms on the 2-core machine).
 */
const FUZZY_LIMIT = { name: 20_000, document: 2_000 };
/** fuse.js score (0 exact, 1 anything) above which a fuzzy suggestion is noise rather than a typo. */
const FUZZY_THRESHOLD = 0.34;

/**
 * Autocomplete for option values: prefix matches on a name or any of its words first (fast, what a
 * typing user expects), then fuse.js fuzzy matches to forgive typos. Returns canonical names, or
 * `id — title` for documents.
 */
export function createSuggester(documents: readonly Document[], filter: DocumentFilter) {
  // Folded once up front: autocomplete must answer its first keystroke as fast as its last.
  const labels = new Map<SuggestKind, { label: string; value: string }[]>();
  for (const kind of ['person', 'country', 'place', 'source'] as const) {
    labels.set(
      kind,
      filter.entries(kind).map((entry) => ({ label: entry.label, value: entry.canonical })),
    );
  }
  labels.set(
    'document',
    documents.map((document) => ({ label: foldText(`${document.id} ${document.title}`), value: `${document.id} — ${document.title}` })),
  );
  const labelsFor = (kind: SuggestKind) => labels.get(kind) ?? [];
  // What an empty box offers: names alphabetically, documents in corpus order.
  const initials = new Map<SuggestKind, string[]>();
  const initial = (kind: SuggestKind): string[] => {
    let values = initials.get(kind);
    if (!values) {
      values = [...new Set(labelsFor(kind).map((entry) => entry.value))];
      if (kind !== 'document') values.sort((a, b) => a.localeCompare(b));
      initials.set(kind, values);
    }
    return values;
  };
  let titles: Fuse<{ label: string; value: string }> | null = null;
  const documentFuse = () => {
    // Titles are long: field-length norm would sink every match, and extended search ANDs the typed words.
    titles ??= new Fuse(labelsFor('document'), {
      keys: ['label'],
      includeScore: true,
      ignoreLocation: true,
      ignoreFieldNorm: true,
      useExtendedSearch: true,
      threshold: FUZZY_THRESHOLD,
    });
    return titles;
  };

  return function suggest(kind: SuggestKind, prefix: string, limit = 10): string[] {
    const wanted = Math.max(0, Math.min(limit, 50));
    const folded = foldText(prefix);
    const labels = labelsFor(kind);
    const out: string[] = [];
    const push = (value: string) => {
      if (out.length < wanted && !out.includes(value)) out.push(value);
    };
    if (folded.length === 0) return initial(kind).slice(0, wanted);
    for (const entry of labels) if (entry.label.startsWith(folded)) push(entry.value);
    for (const entry of labels) if (entry.label.includes(` ${folded}`)) push(entry.value);
    if (out.length < wanted && labels.length <= (kind === 'document' ? FUZZY_LIMIT.document : FUZZY_LIMIT.name)) {
      const pattern = folded.slice(0, 32);
      const results =
        kind === 'document'
          ? documentFuse()
              .search(pattern, { limit: wanted * 2 })
              .map((result) => ({ value: result.item.value, score: result.score }))
          : filter
              .fuse(kind)
              .search(pattern, { limit: wanted * 2 })
              .map((result) => ({ value: result.item.canonical, score: result.score }));
      for (const result of results) if ((result.score ?? 1) <= FUZZY_THRESHOLD) push(result.value);
    }
    return out;
  };
}
