/**
 * `npm run bench:start [-- --sizes=100000,1000000 --runs=3 --quote-sizes=100000]`: from process start to the first answer of
 * `readout lookup` over seeds folders of Brown-corpus text, cold (empty cache) and warm, through tsx and as
 * compiled JavaScript; peak RSS from /usr/bin/time. Writes its section of docs/benchmarks.md. Numbers, not a test.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { loadBrownSentences } from './load-brown.js';
import { writeBenchSeeds } from './write-bench-seeds.js';
import { type StartRow, writeStartReport } from './write-start-report.js';

const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(ROOT, 'bench', '.cache');
const argument = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const SIZES = (argument('sizes') ?? '100000,1000000').split(',').map(Number);
const RUNS = Number(argument('runs') ?? 3);
/** Sizes at which the first /quote is measured too (at 1M it extracts for minutes on a shared machine). */
const QUOTE_SIZES = (argument('quote-sizes') ?? '100000').split(',').map(Number);
const OUTPUT = argument('out') ?? join(ROOT, 'docs', 'benchmarks.md');
const QUERY = 'election year:2016';

interface Run {
  firstAnswerMs: number;
  exitMs: number;
  peakRssMb: number;
  cpuMs: number;
}

/** Compiles src/ to JavaScript once, as a built start would run it. */
function compile(): string {
  const out = join(WORK, 'dist');
  const config = join(WORK, 'tsconfig.bench.json');
  mkdirSync(WORK, { recursive: true });
  writeFileSync(
    config,
    JSON.stringify({
      extends: '../../tsconfig.json',
      compilerOptions: { noEmit: false, outDir: 'dist', rootDir: '../../src' },
      include: ['../../src'],
    }),
  );
  rmSync(out, { recursive: true, force: true });
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', config], { cwd: ROOT, stdio: 'inherit' });
  // The stores read their .sql migrations from `../../src/store` beside a built dist/ (tsc does not copy them).
  const sources = join(WORK, 'src');
  if (!existsSync(sources)) symlinkSync(join(ROOT, 'src'), sources);
  return join(out, 'cli.js');
}

function runOnce(entry: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const timeFile = join(WORK, `time-${process.pid}.txt`);
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    let firstAnswerMs = -1;
    let stderr = '';
    const child = spawn('/usr/bin/time', ['-f', '%M %U %S', '-o', timeFile, process.execPath, entry, ...args], { cwd: ROOT, env });
    child.stdout.on('data', () => {
      if (firstAnswerMs < 0) firstAnswerMs = Number(process.hrtime.bigint() - started) / 1e6;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('exit', (code) => {
      const exitMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0 || firstAnswerMs < 0) {
        fail(new Error(`${entry} ${args.join(' ')} exited with ${code}: ${stderr}`));
        return;
      }
      const [rssKb, user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
      done({ firstAnswerMs, exitMs, peakRssMb: rssKb! / 1024, cpuMs: (user! + system!) * 1000 });
    });
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function benchSize(passages: number, sentences: string[], entries: { name: string; entry: string }[]): Promise<StartRow[]> {
  const seeds = join(WORK, `start-seeds-${passages}`);
  const written = writeBenchSeeds(seeds, passages, sentences);
  process.stderr.write(`${passages} passages: ${written.files} files in ${seeds}\n`);
  const rows: StartRow[] = [];
  for (const { name, entry } of entries) {
    const cache = join(WORK, `start-cache-${passages}-${name}`);
    rmSync(cache, { recursive: true, force: true });
    const env = { ...process.env, READOUT_CACHE_DIR: cache, DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'warn' };
    const lookup = ['lookup', QUERY, '--json', '--seeds', seeds];
    const cold = await runOnce(entry, lookup, env);
    process.stderr.write(`  ${name} cold: ${(cold.firstAnswerMs / 1000).toFixed(2)} s, ${cold.peakRssMb.toFixed(0)} MB\n`);
    const warm: Run[] = [];
    for (let run = 0; run < RUNS; run++) warm.push(await runOnce(entry, lookup, env));
    process.stderr.write(`  ${name} warm: ${warm.map((r) => (r.firstAnswerMs / 1000).toFixed(2)).join(', ')} s\n`);
    // The first /quote after a warm start extracts the quotes once (and caches them); the next reads the cache.
    const quote = ['quote', '--random', '--json', '--seeds', seeds];
    const withQuotes = QUOTE_SIZES.includes(passages);
    const firstQuote = withQuotes ? await runOnce(entry, quote, env) : undefined;
    const cachedQuote = withQuotes ? await runOnce(entry, quote, env) : undefined;
    rows.push({
      passages,
      files: written.files,
      runner: name,
      coldMs: cold.firstAnswerMs,
      coldCpuMs: cold.cpuMs,
      coldRssMb: cold.peakRssMb,
      warmMs: median(warm.map((r) => r.firstAnswerMs)),
      warmCpuMs: median(warm.map((r) => r.cpuMs)),
      warmRssMb: Math.max(...warm.map((r) => r.peakRssMb)),
      ...(firstQuote && cachedQuote
        ? {
            firstQuoteMs: firstQuote.firstAnswerMs,
            firstQuoteCpuMs: firstQuote.cpuMs,
            cachedQuoteMs: cachedQuote.firstAnswerMs,
            quoteRssMb: Math.max(firstQuote.peakRssMb, cachedQuote.peakRssMb),
          }
        : {}),
    });
  }
  return rows;
}

const loadStart = loadavg()[0]!;
const sentences = loadBrownSentences();
const entries = [{ name: 'tsx', entry: join(ROOT, 'bin', 'readout.js') }];
if (argument('compiled') !== 'no') entries.push({ name: 'compiled', entry: compile() });
const rows: StartRow[] = [];
for (const size of SIZES) rows.push(...(await benchSize(size, sentences, entries)));
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGb: Math.round(totalmem() / 1024 ** 3),
  node: process.version,
  date: new Date().toISOString(),
  load: [loadStart, loadavg()[0]!] as [number, number],
};
const existing = existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : '';
writeFileSync(OUTPUT, writeStartReport(existing, rows, machine, { runs: RUNS, query: QUERY }));
process.stderr.write(`wrote ${OUTPUT}\n`);
