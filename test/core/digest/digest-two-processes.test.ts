import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store/index.js';
import { dueMinutesAgo, localDateOfDue } from '../../cli/fixtures/digest-child-runs.js';
import { FakeClock } from '../../fakes/fake-clock.js';

const run = promisify(execFile);
const worker = join(import.meta.dirname, 'digest-race-worker.ts');
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * Two digest engines on one database, started together behind a barrier at `at`. A run takes its time from the
 * database, so `at` is the database's time: a fixed instant for SQLite (its clock is the one the test gives it),
 * the server's own `now()` for Postgres. The subscriptions fell due two minutes before `at` and were made a day
 * earlier (`backdate` moves them there on a server whose clock the test cannot set).
 */
async function race(databaseUrl: string, count: number, options: { at?: Date; backdate?: (url: string) => Promise<void> } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'readout-digest-race-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const probe = await openStore(databaseUrl);
  const at = options.at ?? (await probe.now());
  await probe.close();
  const store = await openStore(databaseUrl, { clock: new FakeClock(new Date(at.getTime() - 86_400_000)) });
  for (let i = 0; i < count; i++)
    await store.upsertSubscription({
      platform: 'slack',
      workspace: 'T1',
      channel: `C${String(i).padStart(4, '0')}`,
      ...dueMinutesAgo(at),
      postEmpty: true,
    });
  await options.backdate?.(databaseUrl);
  const barrier = join(dir, 'go');
  const owners = ['proc-a', 'proc-b'];
  const runs = owners.map((owner) =>
    run(process.execPath, ['--import', 'tsx', worker, databaseUrl, owner, at.toISOString(), barrier], { cwd: process.cwd() }),
  );
  while (!owners.every((owner) => existsSync(`${barrier}.${owner}.ready`))) await new Promise((r) => setTimeout(r, 5));
  writeFileSync(barrier, '');
  const results = (await Promise.all(runs)).map((r) => JSON.parse(r.stdout) as { posted: string[]; unsettled: unknown[] });
  const slots = await store.listSlots({ localDate: localDateOfDue(at) });
  await store.close();
  return { results, slots };
}

function expectSplitOnce(
  results: { posted: string[]; unsettled: unknown[] }[],
  slots: { state: string; postedAt: string | null }[],
  count: number,
) {
  const [a, b] = results;
  expect(a!.posted.filter((key) => b!.posted.includes(key))).toEqual([]);
  expect(a!.posted.length + b!.posted.length).toBe(count);
  // Both really raced: neither process won everything.
  expect(a!.posted.length).toBeGreaterThan(0);
  expect(b!.posted.length).toBeGreaterThan(0);
  expect([...a!.unsettled, ...b!.unsettled]).toEqual([]);
  expect(slots).toHaveLength(count);
  expect(slots.every((slot) => slot.state === 'posted' && slot.postedAt !== null)).toBe(true);
}

describe('two digest processes on one SQLite file', () => {
  it('split the due slots while racing for them: every slot posted once and recorded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'readout-digest-db-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const count = 600;
    const { results, slots } = await race(`sqlite:${join(dir, 'readout.db')}`, count, { at: new Date('2026-04-24T09:00:30Z') });
    expectSplitOnce(results, slots, count);
  });
});

const postgresUrl = process.env.READOUT_TEST_DATABASE_URL;

describe.skipIf(!postgresUrl)('two digest processes on one Postgres database', () => {
  it('split the due slots while racing for them: every slot posted once and recorded', async () => {
    // A database of its own, dropped at the end.
    const { default: pg } = await import('pg');
    const name = `readout_race_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    cleanups.push(async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    });
    const url = new URL(postgresUrl!);
    url.pathname = `/${name}`;
    const count = 600;
    const { results, slots } = await race(url.toString(), count, {
      backdate: async () => {
        const client = new pg.Client({ connectionString: url.toString() });
        await client.connect();
        await client.query(
          "UPDATE subscriptions SET created_at = created_at - interval '1 day', updated_at = updated_at - interval '1 day', schedule_since = schedule_since - interval '1 day'",
        );
        await client.end();
      },
    });
    expectSplitOnce(results, slots, count);
  });
});
