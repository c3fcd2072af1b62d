/**
 * What the lookup extras (acronym expansion, unmatched words) cost per query: the benchmark's query mix and three
 * repeated queries over 100k in-memory Brown passages. Prints milliseconds; docs/search.md quotes a run.
 *   npx tsx bench/lookup-extras.ts
 */
import { createSearchEngine } from '../src/core/search/create-search-engine.js';
import { loadBrownSentences } from './load-brown.js';
import { makeBenchCorpus } from './make-bench-corpus.js';
import { QUERY_MIX } from './query-mix.js';

const corpus = makeBenchCorpus(100_000, loadBrownSentences());
const engine = createSearchEngine(corpus);
const started = performance.now();
engine.search('jury');
console.log(`first query: ${(performance.now() - started).toFixed(1)} ms`);
const runs: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const query of QUERY_MIX) {
    const t = performance.now();
    engine.search(query.text);
    runs.push(performance.now() - t);
  }
}
runs.sort((a, b) => a - b);
const at = (q: number) => runs[Math.min(runs.length - 1, Math.floor(runs.length * q))]!.toFixed(2);
console.log(`query mix x3 (${runs.length} queries): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`);
for (const query of ['jury', 'president kennedy', 'civil rights movement', 'SGR railway']) {
  engine.search(query);
  const t = performance.now();
  for (let i = 0; i < 50; i++) engine.search(query);
  console.log(`${query}: ${((performance.now() - t) / 50).toFixed(2)} ms per query, repeated`);
}
