import type { Document, Gazetteer } from '../document.js';
import { createSearchEngine } from '../search/create-search-engine.js';

/** Tells, for one new document, whether a follow's filters (the `/lookup` syntax) match it; an empty filter matches all. */
export function createFollowMatcher(document: Document, gazetteer: Gazetteer): (filter: string) => boolean {
  // The same engine `/lookup` uses, over this one document: a follow matches what a lookup would find in it.
  const engine = createSearchEngine({ dir: '', documents: [document], gazetteer, warnings: [], fingerprint: `follow:${document.id}` });
  const verdicts = new Map<string, boolean>();
  return (filter) => {
    const text = filter.trim();
    if (text.length === 0) return true;
    const known = verdicts.get(text);
    if (known !== undefined) return known;
    const counted = engine.countMatches(text);
    const verdict = counted.ok && counted.documents.length > 0;
    verdicts.set(text, verdict);
    return verdict;
  };
}
