/**
 * `npm run bench:digest [-- --stores=sqlite,postgres --quick --size=10000 --block-sizes=1000,10000
 * --scenarios=instant,limited,day,blocks,two,two-limited --real-time --only=limited --limit-modes=window,bucket
 * --out=docs/benchmarks.md]`: the digest engine
 * against a fake platform on loopback (Discord's and Slack's message endpoints, optionally limited to
 * 50 requests per rolling second). Prints each result and writes the digest section of docs/benchmarks.md.
 * Not a test: numbers only.
 *
 * - `--size`: slots of the fan-out scenarios (default 10,000; `--quick` 1,000); the limited two-process run
 *   takes 2,000 (500 with `--quick`) or `--size` if smaller. `--block-sizes`: the tick-block runs' sizes.
 * - `--scenarios`: which to run (default all): `instant` (Slack, no limit, burst), `limited` (Discord at
 *   50/s, burst, /lookup probed), `day` (the day spread), `blocks`, `two` (two processes, Slack, no limit), `two-limited` (two processes,
 *   Discord at 50/s shared).
 * - Time: on SQLite the day is simulated (the store follows the clock the bench moves). A Postgres store's
 *   time is the server's `now()`, which a digest run reads and the bench cannot move, so its scenarios run at
 *   real time, the subscriptions chosen to fall due 20 s or more after the database's now
 *   (bench/digest-timeline.ts). The day spread would take a day so, and is not run on Postgres. `--real-time`
 *   runs SQLite's scenarios the same way, for a like-for-like comparison.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { openStore } from '../src/store/open-store.js';
import { benchServices, freshDatabase } from './digest-bench-env.js';
import type { LimitMode } from './digest-fake-platform.js';
import { startPlatformProcess } from './digest-platform-process.js';
import { placeDigestSection, writeDigestReport } from './digest-report.js';
import { type BenchContext, blockScenario, dayScenario, runsAtRealTime, type StoreKind } from './digest-scenarios.js';
import { twoProcessScenario } from './digest-two-process.js';

const argument = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const QUICK = process.argv.includes('--quick');
// `--only=limited`: just the 50 requests/s Discord fan-out against both ways of counting (or those `--limit-modes`
// names: window, bucket), and the tick-block runs; printed, and the report is left alone (the other tables stay
// as the last full run wrote them).
const ONLY_LIMITED = argument('only') === 'limited';
const LIMIT_MODES = (argument('limit-modes') ?? 'window,bucket').split(',') as LimitMode[];
const OUTPUT = argument('out') ?? 'docs/benchmarks.md';
const POSTGRES_URL = argument('postgres') ?? process.env.READOUT_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SIZE = Number(argument('size') ?? (QUICK ? 1_000 : 10_000));
const TWO_LIMITED_SIZE = Math.min(QUICK ? 500 : 2_000, SIZE);
const SCENARIOS = new Set((argument('scenarios') ?? 'instant,limited,day,blocks,two,two-limited').split(','));
const REAL_TIME_SQLITE = process.argv.includes('--real-time');
const BLOCK_SIZES = (argument('block-sizes') ?? (QUICK ? '1000,10000' : '1000,10000,100000'))
  .split(',')
  .map(Number)
  .filter((n) => n > 0);

/** Which stores can run here: Postgres only when the server answers and this build has its store. */
async function availableStores(): Promise<{ stores: StoreKind[]; skipped: string[] }> {
  const wanted = (argument('stores') ?? 'sqlite,postgres').split(',') as StoreKind[];
  const stores: StoreKind[] = [];
  const skipped: string[] = [];
  for (const kind of wanted) {
    if (kind === 'sqlite') {
      stores.push(kind);
      continue;
    }
    try {
      const db = await freshDatabase('postgres', POSTGRES_URL);
      try {
        await (await openStore(db.url)).close();
        stores.push(kind);
      } finally {
        await db.drop();
      }
    } catch (error) {
      skipped.push(`postgres (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    }
  }
  return { stores, skipped };
}

const log = (label: string, value: unknown) => console.log(`${label}: ${JSON.stringify(value)}`);
const startedAt = new Date();
const loadStart = loadavg()[0]!;
const { stores, skipped } = await availableStores();
if (skipped.length > 0) console.log(`Skipped: ${skipped.join('; ')}`);
const platform = await startPlatformProcess();
const services = await benchServices();
const ctx: BenchContext = { platform, services, postgresUrl: POSTGRES_URL, realTimeSqlite: REAL_TIME_SQLITE };

const instant = [];
const limited = [];
const days = [];
const blocks = [];
const twoProcess = [];
for (const store of stores) {
  if (ONLY_LIMITED) {
    for (const limitMode of LIMIT_MODES) {
      const result = await dayScenario(ctx, { store, platform: 'discord', count: SIZE, limit: 50, spread: 'burst', limitMode });
      log(`limited burst ${store} ${limitMode}`, result);
    }
    for (const count of BLOCK_SIZES) {
      const result = await blockScenario(ctx, { store, count });
      log(`block ${store} ${count}`, {
        ...result,
        first: { ...result.first, lateMs: undefined },
        burst: { ...result.burst, lateMs: undefined },
      });
    }
    continue;
  }
  if (SCENARIOS.has('instant')) {
    const fast = await dayScenario(ctx, { store, platform: 'slack', count: SIZE, limit: 0, spread: 'burst' });
    log(`instant burst ${store}`, fast);
    instant.push(fast);
  }
  if (SCENARIOS.has('limited')) {
    const slow = await dayScenario(ctx, { store, platform: 'discord', count: SIZE, limit: 50, spread: 'burst', probeLookup: true });
    log(`limited burst ${store}`, slow);
    limited.push(slow);
  }
  if (SCENARIOS.has('day') && runsAtRealTime(ctx, store)) {
    skipped.push(`${store}, day spread (at real time it would take a day)`);
  } else if (SCENARIOS.has('day')) {
    const day = await dayScenario(ctx, { store, platform: 'slack', count: SIZE, limit: 0, spread: 'day' });
    log(`instant day ${store}`, day);
    days.push(day);
  }
  for (const count of SCENARIOS.has('blocks') ? BLOCK_SIZES : []) {
    const result = await blockScenario(ctx, { store, count });
    log(`block ${store} ${count}`, {
      ...result,
      first: { ...result.first, lateMs: undefined },
      burst: { ...result.burst, lateMs: undefined },
    });
    blocks.push(result);
  }
  if (SCENARIOS.has('two')) {
    const two = await twoProcessScenario(ctx, { store, platform: 'slack', count: SIZE, limit: 0 });
    log(`two processes ${store}`, two);
    twoProcess.push(two);
  }
  if (SCENARIOS.has('two-limited')) {
    const twoLimited = await twoProcessScenario(ctx, { store, platform: 'discord', count: TWO_LIMITED_SIZE, limit: 50 });
    log(`two processes limited ${store}`, twoLimited);
    twoProcess.push(twoLimited);
  }
}
if (skipped.length > 0) console.log(`Not run: ${skipped.join('; ')}`);
await platform.close();
await services.store.close();
if (ONLY_LIMITED) process.exit(0);

const machine = `${cpus()[0]?.model.split(' ')[0] ?? 'unknown'} ${cpus()[0]?.model.includes('EPYC') ? 'EPYC' : ''}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`;
const section = writeDigestReport({
  machine,
  startedAt,
  load: [loadStart, loadavg()[0]!],
  skipped,
  instant,
  limited,
  days,
  blocks,
  twoProcess,
  quick: QUICK || SIZE < 10_000,
});
let existing = '';
try {
  existing = readFileSync(OUTPUT, 'utf8');
} catch {}
writeFileSync(OUTPUT, placeDigestSection(existing, section));
console.log(`Wrote the digest section of ${OUTPUT}.`);
