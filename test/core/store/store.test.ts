import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, MIGRATIONS, openStore, type Store, slotKey } from '../../../src/core/store/index.js';
import { UserError } from '../../../src/core/user-error.js';
import { FakeClock } from '../../fakes/fake-clock.js';

const channel = { platform: 'slack', workspace: 'T1', channel: 'C1' } as const;
const MIN = 60_000;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'readout-store-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function memoryStore(clock = new FakeClock('2026-04-24T06:00:00Z')): Store {
  const store = openStore('sqlite::memory:', { clock });
  cleanups.push(() => store.close());
  return store;
}

describe('openStore', () => {
  it.each([
    ['postgres://user:secret@db/readout', 'store_not_implemented', /Postgres, which is not supported yet/],
    ['postgresql://db/readout', 'store_not_implemented', /not supported yet/],
    ['mysql://db/readout', 'store_unknown_url', /Use sqlite:\.\/data\/readout\.db/],
    ['sqlite:', 'store_unknown_url', /not a database I can open/],
  ])('refuses %s with a clear user error', (url, code, message) => {
    let caught: unknown;
    try {
      openStore(url);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).code).toBe(code);
    expect((caught as UserError).message).toMatch(message);
    expect((caught as UserError).message).not.toContain('secret');
  });

  it('creates the folder and the file on first use, in WAL mode, with the schema versioned', () => {
    const dir = tempDir();
    const file = join(dir, 'nested', 'data', 'readout.db');
    const store = openStore(`sqlite:${file}`);
    store.upsertSubscription({ ...channel, time: '09:00', timezone: 'Asia/Almaty', postEmpty: false });
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(
      MIGRATIONS.map((m) => ({ version: m.version })),
    );
    db.close();
    // Opening again applies nothing twice and keeps the data.
    const again = openStore(`sqlite://${file}`);
    expect(again.listSubscriptions()).toHaveLength(1);
    again.close();
  });

  it('applies only the pending steps, each once, and refuses a schema newer than it knows', () => {
    const db = new Database(':memory:');
    const steps = [
      { version: 1, name: 'a', sql: 'CREATE TABLE a (x INTEGER)' },
      { version: 2, name: 'b', sql: 'CREATE TABLE b (x INTEGER)' },
    ];
    expect(applyMigrations(db, steps.slice(0, 1))).toBe(1);
    expect(applyMigrations(db, steps)).toBe(2);
    expect(applyMigrations(db, steps)).toBe(2);
    expect(() => applyMigrations(db, steps.slice(0, 1))).toThrow(/schema version 2/);
    db.close();
  });

  it('rolls back a failing step entirely', () => {
    const db = new Database(':memory:');
    const steps = [
      { version: 1, name: 'ok', sql: 'CREATE TABLE a (x INTEGER)' },
      { version: 2, name: 'broken', sql: 'CREATE TABLE b (x INTEGER); CREATE TABLE a (y INTEGER)' },
    ];
    expect(() => applyMigrations(db, steps)).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('a', 'b')").all()).toEqual([]);
    db.close();
  });
});

describe('subscriptions', () => {
  it('subscribes, changes, pauses with a reason, resumes, lists and unsubscribes', () => {
    const clock = new FakeClock('2026-04-24T06:00:00Z');
    const store = memoryStore(clock);
    const created = store.upsertSubscription({ ...channel, time: '09:00', timezone: 'Asia/Almaty', postEmpty: false });
    expect(created).toMatchObject({ ...channel, status: 'active', pausedReason: null, createdAt: '2026-04-24T06:00:00.000Z' });
    clock.advance(MIN);
    const changed = store.upsertSubscription({ ...channel, time: '17:30', timezone: 'Europe/London', postEmpty: true });
    expect(changed).toMatchObject({ time: '17:30', timezone: 'Europe/London', postEmpty: true, createdAt: created.createdAt });
    expect(changed.updatedAt).toBe('2026-04-24T06:01:00.000Z');
    expect(store.setSubscriptionStatus(channel, 'paused', 'channel_not_found')).toMatchObject({
      status: 'paused',
      pausedReason: 'channel_not_found',
    });
    // Changing the time keeps a pause unless the caller says otherwise.
    expect(store.upsertSubscription({ ...channel, time: '08:00', timezone: 'Europe/London', postEmpty: true }).status).toBe('paused');
    expect(store.listSubscriptions({ status: 'active' })).toEqual([]);
    expect(store.setSubscriptionStatus(channel, 'active')).toMatchObject({ status: 'active', pausedReason: null });
    store.upsertSubscription({ platform: 'discord', workspace: 'G1', channel: 'D1', time: '07:00', timezone: 'UTC', postEmpty: false });
    expect(store.listSubscriptions().map((s) => s.platform)).toEqual(['discord', 'slack']);
    expect(store.listSubscriptions({ platform: 'discord' })).toHaveLength(1);
    expect(store.removeSubscription(channel)).toBe(true);
    expect(store.removeSubscription(channel)).toBe(false);
    expect(store.getSubscription(channel)).toBeUndefined();
    expect(store.setSubscriptionStatus(channel, 'paused', 'x')).toBeUndefined();
  });
});

describe('the slot ledger', () => {
  const date = '2026-04-24';
  const key = slotKey(channel, date);
  const t0 = new Date('2026-04-24T04:00:00Z');
  const at = (minutes: number) => new Date(t0.getTime() + minutes * MIN);

  it('uses platform:workspace:channel:date keys', () => {
    expect(key).toBe('slack:T1:C1:2026-04-24');
  });

  it('lets exactly one caller claim, until the lease runs out', () => {
    const store = memoryStore();
    expect(store.claimSlot(channel, date, 'a', 5 * MIN, t0)).toMatchObject({ key, state: 'claimed', attempts: 1, claimedBy: 'a' });
    expect(store.claimSlot(channel, date, 'b', 5 * MIN, at(1))).toBeUndefined();
    // Even the same owner does not get a held slot twice (a duplicate cron fire in one process).
    expect(store.claimSlot(channel, date, 'a', 5 * MIN, at(1))).toBeUndefined();
    // The holder crashed: after its lease, another takes over and sees that this is a second attempt.
    expect(store.claimSlot(channel, date, 'b', 5 * MIN, at(5))).toMatchObject({ claimedBy: 'b', attempts: 2 });
    // The old holder can no longer record anything.
    expect(store.finishSlot(key, 'a', { state: 'posted', messageId: 'x' }, at(6))).toBe(false);
    expect(store.finishSlot(key, 'b', { state: 'posted', messageId: 'm1' }, at(6))).toBe(true);
    expect(store.getSlot(key)).toMatchObject({ state: 'posted', messageId: 'm1', leaseUntil: null, attempts: 2 });
  });

  it.each(['posted', 'skipped_late', 'skipped_empty', 'failed', 'paused'] as const)('never claims a %s slot again', (state) => {
    const store = memoryStore();
    store.claimSlot(channel, date, 'a', 5 * MIN, t0);
    expect(store.finishSlot(key, 'a', { state, reason: 'r' }, at(1))).toBe(true);
    expect(store.claimSlot(channel, date, 'b', 5 * MIN, at(60 * 24))).toBeUndefined();
    expect(store.finishSlot(key, 'a', { state: 'posted', messageId: 'again' }, at(2))).toBe(false);
    expect(store.getSlot(key)?.state).toBe(state);
  });

  it('gives a claim back, keeping others off until the retry time', () => {
    const store = memoryStore();
    store.claimSlot(channel, date, 'a', 5 * MIN, t0);
    expect(store.releaseSlot(key, 'b', { reason: 'not mine' })).toBe(false);
    expect(store.releaseSlot(key, 'a', { reason: 'http_503', retryAt: at(2) })).toBe(true);
    expect(store.getSlot(key)).toMatchObject({ state: 'claimed', claimedBy: null, reason: 'http_503', leaseUntil: at(2).toISOString() });
    expect(store.claimSlot(channel, date, 'b', 5 * MIN, at(1))).toBeUndefined();
    expect(store.claimSlot(channel, date, 'b', 5 * MIN, at(2))).toMatchObject({ attempts: 2, claimedBy: 'b', reason: 'http_503' });
  });

  it('lists slots by channel and date', () => {
    const store = memoryStore();
    store.claimSlot(channel, '2026-04-23', 'a', MIN, t0);
    store.claimSlot(channel, '2026-04-24', 'a', MIN, t0);
    store.claimSlot({ ...channel, channel: 'C2' }, '2026-04-24', 'a', MIN, t0);
    expect(store.listSlots({ channel: 'C1' }).map((s) => s.localDate)).toEqual(['2026-04-24', '2026-04-23']);
    expect(store.listSlots({ localDate: '2026-04-24' })).toHaveLength(2);
    expect(store.listSlots()).toHaveLength(3);
  });

  it('does not let two connections to one file both win a claim', () => {
    const file = join(tempDir(), 'shared.db');
    const one = openStore(`sqlite:${file}`);
    const two = openStore(`sqlite:${file}`);
    cleanups.push(
      () => one.close(),
      () => two.close(),
    );
    const winners = [];
    for (let i = 0; i < 50; i++) {
      const localDate = `2026-05-${String((i % 28) + 1).padStart(2, '0')}`;
      const ref = { ...channel, channel: `C${Math.floor(i / 28)}` };
      const first = i % 2 === 0 ? one : two;
      const second = i % 2 === 0 ? two : one;
      const a = first.claimSlot(ref, localDate, 'p1', 5 * MIN, t0);
      const b = second.claimSlot(ref, localDate, 'p2', 5 * MIN, t0);
      winners.push(Number(a !== undefined) + Number(b !== undefined));
    }
    expect(winners.every((count) => count === 1)).toBe(true);
    expect(two.listSlots()).toHaveLength(50);
  });
});
