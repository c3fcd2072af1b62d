/**
 * `npm run bench [-- --sizes=1000,10000]`: readout's index against a plain full fuse.js scan over the
 * same Brown-derived passages; prints a table and writes docs/benchmarks.md. Not a test: numbers only.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import Fuse from 'fuse.js';
import type { Corpus } from '../src/core/document.js';
import { createSearchEngine } from '../src/core/search/create-search-engine.js';
import { compareCorrection } from './compare-correction.js';
import { DIGEST_START_MARK } from './digest-report.js';
import { loadBrownSentences } from './load-brown.js';
import { makeBenchCorpus } from './make-bench-corpus.js';
import { mb, memoryInUse, percentile, timed } from './measure.js';
import { type BenchQuery, QUERY_MIX } from './query-mix.js';
import { type SizeResult, writeReport } from './write-report.js';
import { START_MARK } from './write-start-report.js';

const argument = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const SIZES = (argument('sizes') ?? '1000,10000,100000,1000000').split(',').map(Number);
const ROUNDS = Number(argument('rounds') ?? 5);
const OUTPUT = argument('out') ?? 'docs/benchmarks.md';
const COLD_FILTERS = [
  'election year:2016',
  'tax country:Japan',
  'music person:grant',
  'church place:lyon',
  'army from:2016-01-01 to:2016-12-31',
  'goverment source:herald',
];

/** The fuse.js scan is linear in the corpus: at large sizes it runs a sample of the mix, within a time budget. */
function fuseSample(size: number): { queries: BenchQuery[]; budgetMs: number } {
  if (size <= 10_000) return { queries: QUERY_MIX, budgetMs: 120_000 };
  const perKind = size <= 100_000 ? 2 : 1;
  const kinds = ['exact', 'misspelled', 'multi-word', 'filtered'] as const;
  const queries = kinds.flatMap((kind) => QUERY_MIX.filter((query) => query.kind === kind).slice(0, perKind));
  return { queries, budgetMs: size <= 100_000 ? 120_000 : 90_000 };
}

function passesFilter(corpus: Corpus, documentIndex: number, filter: BenchQuery['filter']): boolean {
  if (!filter) return true;
  const document = corpus.documents[documentIndex]!;
  switch (filter.key) {
    case 'year':
      return filter.value.split('|').some((year) => document.eventDate?.startsWith(year));
    case 'person':
      return document.people.includes(filter.value);
    case 'country':
      return document.countries.includes(filter.value);
    case 'place':
      return document.place === filter.value;
  }
}

function benchSize(size: number, sentences: string[]): SizeResult {
  const corpus = makeBenchCorpus(size, sentences);
  const before = memoryInUse();
  const build = timed(() => createSearchEngine(corpus));
  const engine = build.result;
  const after = memoryInUse();
  const indexBytes = after - before;

  // Warm-up once (JIT, lazily built fuse.js filter indexes), then measure every query ROUNDS times.
  for (const query of QUERY_MIX) engine.search(query.text);
  const latencies: number[] = [];
  const cpuTimes: number[] = [];
  const samples: { text: string; ms: number }[] = [];
  const medianOf = new Map<string, number>();
  const totals = new Map<string, number>();
  for (const query of QUERY_MIX) {
    const runs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const run = timed(() => engine.search(query.text, { limit: 5 }));
      runs.push(run.ms);
      cpuTimes.push(run.cpuMs);
      if (run.result.ok) totals.set(query.text, run.result.total);
    }
    latencies.push(...runs);
    for (const run of runs) samples.push({ text: query.text, ms: run });
    medianOf.set(query.text, percentile(runs, 50));
  }
  // Filter results are memoized per combination (paging repeats them), so the mix above measures warm
  // filters; these combinations are new to the engine and run once each.
  const coldFilterTimes = COLD_FILTERS.map((text) => timed(() => engine.search(text, { limit: 5 })).ms);
  const slowest = [...samples].sort((a, b) => b.ms - a.ms).slice(0, 5);
  console.log(`  slowest readout samples: ${slowest.map((sample) => `${sample.text} ${sample.ms.toFixed(1)} ms`).join('; ')}`);
  const suggestTimes: number[] = [];
  for (const prefix of ['al', 'nov', 'kenia', 'brown-12', 'jurry election']) {
    suggestTimes.push(
      timed(() => engine.suggest(prefix.startsWith('brown') || prefix.includes(' ') ? 'document' : 'person', prefix, 10)).ms,
    );
  }

  // The baseline: one fuse.js instance over every passage text, scanned in full per query.
  const texts: string[] = [];
  const documentOf: number[] = [];
  corpus.documents.forEach((document, at) => {
    for (const paragraph of document.paragraphs) {
      texts.push(paragraph.text);
      documentOf.push(at);
    }
  });
  const fuseBefore = memoryInUse();
  const fuseBuild = timed(() => new Fuse(texts, { includeScore: true, ignoreLocation: true, threshold: 0.3 }));
  const fuseBytes = memoryInUse() - fuseBefore;
  const { queries, budgetMs } = fuseSample(size);
  const fuseTimes: number[] = [];
  const sampled: string[] = [];
  let spent = 0;
  for (const query of queries) {
    if (spent > budgetMs) break;
    const run = timed(() =>
      fuseBuild.result
        .search(query.words)
        .filter((hit) => passesFilter(corpus, documentOf[hit.refIndex]!, query.filter))
        .slice(0, 5),
    );
    spent += run.ms;
    fuseTimes.push(run.ms);
    sampled.push(query.text);
  }
  const readoutOnSample = sampled.map((text) => medianOf.get(text) ?? 0);

  return {
    size,
    documents: corpus.documents.length,
    buildMs: build.ms,
    indexMb: mb(indexBytes),
    heapAfterBuildMb: mb(after),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: Math.max(...latencies),
    cpuP50: percentile(cpuTimes, 50),
    cpuP95: percentile(cpuTimes, 95),
    suggestMaxMs: Math.max(...suggestTimes),
    coldFilterMaxMs: Math.max(...coldFilterTimes),
    fuse: {
      buildMs: fuseBuild.ms,
      indexMb: mb(fuseBytes),
      queries: fuseTimes.length,
      p50: percentile(fuseTimes, 50),
      p95: percentile(fuseTimes, 95),
      max: Math.max(0, ...fuseTimes),
      readoutP50: percentile(readoutOnSample, 50),
      readoutP95: percentile(readoutOnSample, 95),
    },
    totals: Object.fromEntries(totals),
  };
}

const loadAtStart = loadavg()[0] ?? 0;
const sentences = loadBrownSentences();
console.log(`Brown corpus: ${sentences.length} sentences. Sizes: ${SIZES.join(', ')}; ${ROUNDS} rounds of ${QUERY_MIX.length} queries.`);
const results: SizeResult[] = [];
for (const size of SIZES) {
  const result = benchSize(size, sentences);
  results.push(result);
  console.log(
    `${size.toLocaleString('en')} passages: build ${(result.buildMs / 1000).toFixed(2)} s, index ${result.indexMb.toFixed(0)} MB, ` +
      `p50 ${result.p50.toFixed(2)} ms, p95 ${result.p95.toFixed(2)} ms, max ${result.max.toFixed(2)} ms | ` +
      `fuse.js scan (${result.fuse.queries} queries): p50 ${result.fuse.p50.toFixed(0)} ms, p95 ${result.fuse.p95.toFixed(0)} ms`,
  );
}
// Query-word correction alone, readout's shards against fuse.js shards, over the 100k vocabulary.
const correctionSize = SIZES.includes(100_000) ? 100_000 : (SIZES[SIZES.length - 1] ?? 1000);
const correctionTexts = makeBenchCorpus(correctionSize, sentences).documents.flatMap((document) => document.paragraphs.map((p) => p.text));
const correction = { size: correctionSize, ...compareCorrection(correctionTexts) };
console.log(
  `Correction over ${correction.vocabulary} terms: shards ${correction.shardsMsPerWord.toFixed(2)} ms/word (${correction.shardsRight}/${correction.words} right), ` +
    `fuse.js shards ${correction.fuseMsPerWord.toFixed(2)} ms/word (${correction.fuseRight}/${correction.words} right)`,
);
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGb: totalmem() / 1024 ** 3,
  node: process.version,
  date: new Date().toISOString(),
  load: [loadAtStart, loadavg()[0] ?? 0] as [number, number],
};
// The burst (npm run bench:burst), start-up (npm run bench:start) and digest (npm run bench:digest) benchmarks keep their own sections of the same page.
const previous = existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : '';
// (bench/burst.ts keeps its marker to itself, so it is spelled out here.)
const BURST_START_MARK = '<!-- bench:burst:start -->';
const sectionStarts = [BURST_START_MARK, START_MARK, DIGEST_START_MARK].map((mark) => previous.indexOf(mark)).filter((at) => at >= 0);
const kept = sectionStarts.length > 0 ? `\n${previous.slice(Math.min(...sectionStarts)).trimEnd()}\n` : '';
writeFileSync(OUTPUT, `${writeReport(results, machine, { rounds: ROUNDS, queries: QUERY_MIX, correction }).trimEnd()}\n${kept}`);
console.log(`Wrote ${OUTPUT}.`);
