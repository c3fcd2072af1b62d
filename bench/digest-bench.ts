/**
 * `npm run bench:digest [-- --stores=sqlite,postgres --quick --block-sizes=1000,10000 --out=docs/benchmarks.md]`: the digest engine
 * against a fake platform on loopback (Discord's and Slack's message endpoints, optionally limited to
 * 50 requests per rolling second). Prints each result and writes the digest section of docs/benchmarks.md.
 * Not a test: numbers only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { openStore } from '../src/store/open-store.js';
import { benchServices, freshDatabase } from './digest-bench-env.js';
import { startPlatformProcess } from './digest-platform-process.js';
import { placeDigestSection, writeDigestReport } from './digest-report.js';
import { type BenchContext, blockScenario, dayScenario, type StoreKind, twoProcessScenario } from './digest-scenarios.js';

const argument = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const QUICK = process.argv.includes('--quick');
// `--only=limited`: just the 50 requests/s Discord fan-out against both ways of counting, and the tick-block runs;
// printed, and the report is left alone (the other tables stay as the last full run wrote them).
const ONLY_LIMITED = argument('only') === 'limited';
const OUTPUT = argument('out') ?? 'docs/benchmarks.md';
const POSTGRES_URL = argument('postgres') ?? process.env.READOUT_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SIZE = QUICK ? 1_000 : 10_000;
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
const ctx: BenchContext = { platform, services, postgresUrl: POSTGRES_URL };

const instant = [];
const limited = [];
const days = [];
const blocks = [];
const twoProcess = [];
for (const store of stores) {
  if (ONLY_LIMITED) {
    for (const limitMode of ['window', 'bucket'] as const) {
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
  const fast = await dayScenario(ctx, { store, platform: 'slack', count: SIZE, limit: 0, spread: 'burst' });
  log(`instant burst ${store}`, fast);
  instant.push(fast);
  const slow = await dayScenario(ctx, { store, platform: 'discord', count: SIZE, limit: 50, spread: 'burst', probeLookup: true });
  log(`limited burst ${store}`, slow);
  limited.push(slow);
  const day = await dayScenario(ctx, { store, platform: 'slack', count: SIZE, limit: 0, spread: 'day' });
  log(`instant day ${store}`, day);
  days.push(day);
  for (const count of BLOCK_SIZES) {
    const result = await blockScenario(ctx, { store, count });
    log(`block ${store} ${count}`, {
      ...result,
      first: { ...result.first, lateMs: undefined },
      burst: { ...result.burst, lateMs: undefined },
    });
    blocks.push(result);
  }
  const two = await twoProcessScenario(ctx, { store, platform: 'slack', count: SIZE, limit: 0 });
  log(`two processes ${store}`, two);
  twoProcess.push(two);
  const twoLimited = await twoProcessScenario(ctx, { store, platform: 'discord', count: QUICK ? 500 : 2_000, limit: 50 });
  log(`two processes limited ${store}`, twoLimited);
  twoProcess.push(twoLimited);
}
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
  quick: QUICK,
});
let existing = '';
try {
  existing = readFileSync(OUTPUT, 'utf8');
} catch {}
writeFileSync(OUTPUT, placeDigestSection(existing, section));
console.log(`Wrote the digest section of ${OUTPUT}.`);
