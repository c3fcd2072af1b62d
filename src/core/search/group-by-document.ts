import { selectTop } from './select-top.js';

/**
 * The page [offset, offset + limit) of matching passages grouped by document: documents by their best
 * passage, passages within a document best first. `passages` must be ascending, so each document's
 * passages form one run; returns positions into the arrays. Only the runs that can reach the page are
 * sorted, so a common word over a million passages stays cheap.
 */
export function pageByDocument(
  count: number,
  passages: Uint32Array,
  keys: Float64Array,
  documentOf: Uint32Array,
  offset: number,
  limit: number,
): number[] {
  if (count === 0 || limit <= 0) return [];
  const runStart: number[] = [];
  const runBest: number[] = [];
  let current = -1;
  for (let i = 0; i < count; i++) {
    const document = documentOf[passages[i]!]!;
    const key = keys[i]!;
    if (document !== current) {
      current = document;
      runStart.push(i);
      runBest.push(key);
    } else if (key > runBest[runBest.length - 1]!) runBest[runBest.length - 1] = key;
  }
  runStart.push(count);
  // Each document brings at least one passage, so the first offset+limit documents cover the page.
  const top = selectTop(runBest.length, (run) => runBest[run]!, offset + limit);
  const page: number[] = [];
  for (const run of top) {
    const members: number[] = [];
    for (let i = runStart[run]!; i < runStart[run + 1]!; i++) members.push(i);
    members.sort((a, b) => keys[b]! - keys[a]! || a - b);
    for (const member of members) page.push(member);
    if (page.length >= offset + limit) break;
  }
  return page.slice(offset, offset + limit);
}
