// `npm run bench:ops`: how long the operator page takes to answer with 100k subscriptions and a day of
// 10k digest outcomes in a SQLite file (the store a single process uses). Prints a Markdown table for
// docs/benchmarks.md. Arguments: subscriptions, outcomes (default 100000 10000).
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { startOpsPageHarness } from '../test/ops/ops-page-harness.js';

const SUBSCRIPTIONS = Number(process.argv[2] ?? 100_000);
const OUTCOMES = Number(process.argv[3] ?? 10_000);
const RUNS = 30;

const seedStarted = performance.now();
const harness = await startOpsPageHarness({ subscriptions: SUBSCRIPTIONS, outcomes: OUTCOMES });
const seedSeconds = (performance.now() - seedStarted) / 1000;

const paths = [
  '/ops',
  '/ops/now.json',
  '/ops/digest.json',
  '/ops/failures.json',
  '/ops/subscriptions.json?platform=slack&state=active',
  '/ops/changes.json',
];
const rows: string[] = [];
for (const path of paths) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS + 3; i++) {
    const started = performance.now();
    const response = await fetch(`${harness.url}${path}`);
    const body = await response.arrayBuffer();
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    bytes = body.byteLength;
    if (i >= 3) times.push(ms);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)]!.toFixed(1);
  rows.push(`| \`${path}\` | ${at(0.5)} | ${at(0.95)} | ${times[times.length - 1]!.toFixed(1)} | ${(bytes / 1024).toFixed(0)} KiB |`);
}
const csvStarted = performance.now();
const csv = await (await fetch(`${harness.url}/ops/subscriptions.csv`)).text();
const csvSeconds = (performance.now() - csvStarted) / 1000;
await harness.close();

process.stdout.write(
  [
    `Operator page, SQLite file, ${SUBSCRIPTIONS.toLocaleString('en')} subscriptions, ${OUTCOMES.toLocaleString('en')} outcomes on one day (seeded in ${seedSeconds.toFixed(1)} s); ${RUNS} requests each after 3 warm-up, one at a time; ${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(1)}.`,
    '',
    '| Request | p50 ms | p95 ms | max ms | Size |',
    '|---|---:|---:|---:|---:|',
    ...rows,
    '',
    `Full CSV download (${(csv.split('\r\n').length - 2).toLocaleString('en')} rows): ${csvSeconds.toFixed(1)} s.`,
    '',
  ].join('\n'),
);
