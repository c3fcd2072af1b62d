import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/logger.js';
import type { Store } from '../../src/core/store/store-types.js';
import { UserError } from '../../src/core/user-error.js';
import { applySqliteMigrations, openStore, SQLITE_MIGRATIONS } from '../../src/store/index.js';
import { startRetentionSweep } from '../../src/store/start-retention-sweep.js';
import { FakeClock } from '../fakes/fake-clock.js';
import { storeContract } from './store-contract.js';

const channel = { platform: 'slack', workspace: 'T1', channel: 'C1' } as const;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'readout-store-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

storeContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'readout-contract-'));
  const clock = new FakeClock('2026-04-24T06:00:00Z');
  const open: Store[] = [];
  return {
    leaseMs: 5 * 60_000,
    async connect() {
      const store = await openStore(`sqlite:${join(dir, 'readout.db')}`, { clock });
      open.push(store);
      return store;
    },
    async elapse(ms) {
      clock.advance(ms);
    },
    async dispose() {
      for (const store of open) await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('openStore (SQLite)', () => {
  it.each([
    ['mysql://db/readout', 'store_unknown_url', /Use sqlite:\.\/data\/readout\.db/],
    ['sqlite:', 'store_unknown_url', /not a database I can open/],
  ])('refuses %s with a clear user error', async (url, code, message) => {
    const caught = await openStore(url).catch((error: unknown) => error);
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).code).toBe(code);
    expect((caught as UserError).message).toMatch(message);
  });

  it('says plainly when DATABASE_URL points at a file that is not a database', async () => {
    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, 'these are my notes, not a database\n'.repeat(200));
    const caught = await openStore(`sqlite:${file}`).catch((error: unknown) => error);
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).message).toMatch(/The file .*notes\.txt is not a readout database/);
  });

  it('creates the folder and the file on first use, in WAL mode, with the schema versioned', async () => {
    const file = join(tempDir(), 'nested', 'data', 'readout.db');
    const store = await openStore(`sqlite:${file}`);
    await store.upsertSubscription({ ...channel, time: '09:00', timezone: 'Asia/Almaty', postEmpty: false });
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(
      SQLITE_MIGRATIONS.map((m) => ({ version: m.version })),
    );
    db.close();
    // Opening again applies nothing twice and keeps the data.
    const again = await openStore(`sqlite://${file}`);
    expect(await again.listSubscriptions()).toHaveLength(1);
    await again.close();
  });

  it('moves open slots of a version-4 file into the explicit states, searched first, and keeps each schedule epoch', async () => {
    const file = join(tempDir(), 'v4.db');
    const db = new Database(file);
    applySqliteMigrations(
      db,
      SQLITE_MIGRATIONS.filter((m) => m.version <= 4),
    );
    db.prepare(
      "INSERT INTO subscriptions (platform, workspace, channel, time, timezone, created_at, updated_at) VALUES ('slack', 'T1', 'C1', '09:00', 'UTC', '2026-01-01T00:00:00.000Z', '2026-01-05T00:00:00.000Z')",
    ).run();
    const slot = db.prepare(
      "INSERT INTO digest_slots (key, platform, workspace, channel, local_date, state, attempts, claimed_by, lease_until, updated_at) VALUES (?, 'slack', 'T1', 'C1', ?, ?, ?, ?, ?, '2026-01-06T09:00:00.000Z')",
    );
    slot.run('slack:T1:C1:2026-01-04', '2026-01-04', 'posted', 1, null, null);
    slot.run('slack:T1:C1:2026-01-05', '2026-01-05', 'claimed', 2, null, '2026-01-06T09:05:00.000Z');
    slot.run('slack:T1:C1:2026-01-06', '2026-01-06', 'claimed', 1, 'host:1:x', '2026-01-06T09:05:00.000Z');
    db.close();
    const store = await openStore(`sqlite:${file}`);
    expect(await store.getSubscription(channel)).toMatchObject({ scheduleSince: '2026-01-05T00:00:00.000Z' });
    expect(await store.getSlot('slack:T1:C1:2026-01-04')).toMatchObject({ state: 'posted', token: 1, uncertain: false });
    // Given back after some error the old ledger did not describe, or held mid-post: both are searched before posting.
    expect(await store.getSlot('slack:T1:C1:2026-01-05')).toMatchObject({ state: 'retry_uncertain', token: 2, uncertain: true });
    expect(await store.getSlot('slack:T1:C1:2026-01-06')).toMatchObject({ state: 'sending', token: 1, uncertain: true, pagesSent: 0 });
    await store.close();
  });

  it('upgrades a version-1 file, keeping its subscriptions and slots', async () => {
    const file = join(tempDir(), 'old.db');
    const db = new Database(file);
    applySqliteMigrations(db, SQLITE_MIGRATIONS.slice(0, 1));
    db.prepare(
      "INSERT INTO subscriptions VALUES ('slack', 'T1', 'C1', '09:00', 'UTC', 'active', NULL, 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')",
    ).run();
    db.prepare(
      "INSERT INTO digest_slots VALUES ('slack:T1:C1:2026-01-02', 'slack', 'T1', 'C1', '2026-01-02', 'posted', 'm1', NULL, 1, 'p', NULL, '2026-01-02T09:00:01.000Z')",
    ).run();
    db.close();
    const store = await openStore(`sqlite:${file}`);
    expect(await store.getSubscription(channel)).toMatchObject({ time: '09:00', nextDueAt: null });
    expect(await store.getSlot('slack:T1:C1:2026-01-02')).toMatchObject({ state: 'posted', messageId: 'm1' });
    await store.close();
  });

  it('applies only the pending steps, each once, and refuses a schema newer than it knows', () => {
    const db = new Database(':memory:');
    const steps = [
      { version: 1, name: 'a', sql: 'CREATE TABLE a (x INTEGER)' },
      { version: 2, name: 'b', sql: 'CREATE TABLE b (x INTEGER)' },
    ];
    expect(applySqliteMigrations(db, steps.slice(0, 1))).toBe(1);
    expect(applySqliteMigrations(db, steps)).toBe(2);
    expect(applySqliteMigrations(db, steps)).toBe(2);
    expect(() => applySqliteMigrations(db, steps.slice(0, 1))).toThrow(/schema version 2/);
    db.close();
  });

  it('rolls back a failing step entirely', () => {
    const db = new Database(':memory:');
    const steps = [
      { version: 1, name: 'ok', sql: 'CREATE TABLE a (x INTEGER)' },
      { version: 2, name: 'broken', sql: 'CREATE TABLE b (x INTEGER); CREATE TABLE a (y INTEGER)' },
    ];
    expect(() => applySqliteMigrations(db, steps)).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('a', 'b')").all()).toEqual([]);
    db.close();
  });
});

describe('the retention sweep', () => {
  it('deletes slot records older than the retention at start, keeping newer ones, and logs what it removed', async () => {
    const clock = new FakeClock('2026-01-01T09:00:00Z');
    const store = await openStore('sqlite::memory:', { clock });
    await store.claimSlot(channel, '2026-01-01', 'a', 60_000);
    await store.finishSlot('slack:T1:C1:2026-01-01', 1, { state: 'posted', messageId: 'm' });
    clock.advance(91 * 86_400_000);
    await store.claimSlot(channel, '2026-04-02', 'a', 60_000);
    const logged: Record<string, unknown>[] = [];
    const logger = { ...silentLogger, info: (fields: Record<string, unknown>) => void logged.push(fields) };
    const sweep = startRetentionSweep({ store, retentionDays: 90, logger });
    await sweep.first;
    sweep.stop();
    expect((await store.listSlots()).map((slot) => slot.localDate)).toEqual(['2026-04-02']);
    expect(logged).toEqual([expect.objectContaining({ slots: 1, actions: 0, retentionDays: 90 })]);
    await store.close();
  });
});
