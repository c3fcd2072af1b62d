// `npm run bench:store`: how fast each store moves subscriptions (import/export of 100k JSON lines, the
// path an operator takes from SQLite to Postgres) and serves the ledger. Prints a Markdown table for
// docs/benchmarks.md. Postgres runs when READOUT_BENCH_DATABASE_URL (or READOUT_TEST_DATABASE_URL) is set,
// in its own schema, dropped at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import pg from 'pg';
import { exportSubscriptions } from '../src/cli/export-subscriptions.js';
import { importSubscriptions } from '../src/cli/import-subscriptions.js';
import { slotKey } from '../src/core/store/slot-key.js';
import type { Store } from '../src/core/store/store-types.js';
import { openStore } from '../src/store/index.js';

const COUNT = Number(process.argv[2] ?? 100_000);
const SLOTS = 5_000;
const ZONES = [
  'Asia/Almaty',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Asia/Dubai',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Moscow',
  'Africa/Nairobi',
  'Africa/Lagos',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'America/Mexico_City',
  'Australia/Sydney',
  'Pacific/Auckland',
  'Asia/Singapore',
  'Asia/Jakarta',
  'UTC',
];

function lines(count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      platform: (['slack', 'discord'] as const)[i % 2],
      workspace: `W${i % 500}`,
      channel: `C${i}`,
      time: i % 5 === 0 ? `${String(6 + (i % 12)).padStart(2, '0')}:30` : '09:00',
      timezone: ZONES[i % ZONES.length],
      status: i % 50 === 0 ? 'paused' : 'active',
      postEmpty: i % 3 === 0,
    }),
  );
}

let longestBlockMs = 0;
/** Runs one phase; returns its result and seconds, and keeps the longest event-loop block seen in it. */
async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const started = performance.now();
  const result = await fn();
  // One more turn, so a block that ends the phase is sampled too.
  await new Promise((resolve) => setTimeout(resolve, 5));
  delay.disable();
  longestBlockMs = delay.max / 1e6;
  return [result, (performance.now() - started) / 1000];
}

async function measure(name: string, store: Store) {
  const input = lines(COUNT);
  const [report, importS] = await timed(() => importSubscriptions(store, Readable.from(input)));
  if (report.created !== COUNT || report.bad.length > 0) throw new Error(`import went wrong: ${JSON.stringify(report).slice(0, 200)}`);
  const [again, reimportS] = await timed(() => importSubscriptions(store, Readable.from(input)));
  if (again.updated !== COUNT) throw new Error('re-import did not update every line');
  let bytes = 0;
  const [exported, exportS] = await timed(() =>
    exportSubscriptions(store, async (chunk) => {
      bytes += chunk.length;
    }),
  );
  if (exported !== COUNT) throw new Error('export lost lines');
  const dueBy = new Date('2026-04-24T09:00:00Z');
  const [duePages, dueS] = await timed(async () => {
    let pages = 0;
    let after: Awaited<ReturnType<Store['listDueSubscriptions']>>[number] | undefined;
    for (;;) {
      const page = await store.listDueSubscriptions({ dueBy, limit: 1_000, ...(after ? { after } : {}) });
      if (page.length === 0) return pages;
      pages++;
      after = page[page.length - 1];
    }
  });
  const dueBlockMs = longestBlockMs;
  const [, nextDueS] = await timed(async () => {
    const later = new Date('2026-04-25T09:00:00Z');
    let after: Awaited<ReturnType<Store['listSubscriptions']>>[number] | undefined;
    for (;;) {
      const page = await store.listSubscriptions({ limit: 1_000, ...(after ? { after } : {}) });
      if (page.length === 0) return;
      await store.setNextDueBatch(page.map((ref) => ({ ref, nextDueAt: later })));
      after = page[page.length - 1];
    }
  });
  const nextDueBlockMs = longestBlockMs;
  const [, claimS] = await timed(async () => {
    for (let i = 0; i < SLOTS; i++) {
      const ref = { platform: 'slack' as const, workspace: 'W0', channel: `C${i}` };
      const claim = await store.claimSlot(ref, '2026-04-24', 'bench', 60_000, { dueAt: dueBy });
      if (!claim) throw new Error('claim lost');
      await store.finishSlot(slotKey(ref, '2026-04-24'), claim.token, { state: 'posted', messageId: `m${i}` });
    }
  });
  return {
    name,
    importS,
    reimportS,
    exportS,
    exportMb: bytes / 1e6,
    dueS,
    duePages,
    nextDueS,
    dueBlockMs,
    nextDueBlockMs,
    claimsPerS: SLOTS / claimS,
  };
}

const fmt = (n: number, digits = 2) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const rows = [];
const dir = mkdtempSync(join(tmpdir(), 'readout-store-bench-'));
const sqlite = await openStore(`sqlite:${join(dir, 'bench.db')}`);
rows.push(await measure('SQLite (file, WAL)', sqlite));
await sqlite.close();
rmSync(dir, { recursive: true, force: true });

const pgUrl = process.env['READOUT_BENCH_DATABASE_URL'] || process.env['READOUT_TEST_DATABASE_URL'];
if (pgUrl) {
  const schema = `readout_bench_${process.pid}`;
  const url = new URL(pgUrl);
  url.searchParams.set('schema', schema);
  const store = await openStore(url.toString());
  try {
    rows.push(await measure(`Postgres ${url.host} (pool)`, store));
  } finally {
    await store.close();
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }
}

console.log(
  `Machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}`,
);
console.log(`Date: ${new Date().toISOString()}; load average (1 min) at end: ${fmt(loadavg()[0] ?? 0)}`);
console.log(
  `Subscriptions: ${COUNT.toLocaleString('en-US')} JSON lines (20 zones, most at 09:00 local); ledger: ${SLOTS.toLocaleString('en-US')} claim + finish pairs, one after another.\n`,
);
console.log(
  '| store | import (new) | re-import (all updates) | export | due scan (pages of 1,000) | next due for all (batches of 1,000) | claim + finish |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.name} | ${fmt(r.importS)} s (${fmt(COUNT / r.importS, 0)} lines/s) | ${fmt(r.reimportS)} s | ${fmt(r.exportS)} s (${fmt(r.exportMb, 1)} MB) | ${fmt(r.dueS)} s (${r.duePages} pages; longest block ${fmt(r.dueBlockMs, 0)} ms) | ${fmt(r.nextDueS)} s (longest block ${fmt(r.nextDueBlockMs, 0)} ms) | ${fmt(r.claimsPerS, 0)} slots/s |`,
  );
}
