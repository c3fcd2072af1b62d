import { describe, expect, it } from 'vitest';
import { createActionTable } from '../../src/commands/action-table.js';
import { openStore } from '../../src/store/index.js';
import { FakeClock } from '../fakes/fake-clock.js';

describe('the action table', () => {
  it('gives back what was put, until it expires', () => {
    const clock = new FakeClock(new Date('2026-01-01T00:00:00Z'));
    const table = createActionTable<string>({ maxEntries: 10, ttlMs: 60_000, clock });
    const key = table.put('lookup belt and road --offset 5');
    expect(table.get(key)).toBe('lookup belt and road --offset 5');
    clock.advance(59_999);
    expect(table.get(key)).toBe('lookup belt and road --offset 5');
    clock.advance(1);
    expect(table.get(key)).toBeUndefined();
  });

  it('stays bounded, pushing out the oldest entries first', () => {
    const clock = new FakeClock(new Date('2026-01-01T00:00:00Z'));
    const table = createActionTable<number>({ maxEntries: 3, ttlMs: 60_000, clock });
    const keys = [1, 2, 3, 4, 5].map((n) => table.put(n));
    expect(table.size).toBe(3);
    expect(keys.map((key) => table.get(key))).toEqual([undefined, undefined, 3, 4, 5]);
  });

  it('answers undefined for keys it never gave out', () => {
    const table = createActionTable<number>({ maxEntries: 3, ttlMs: 1_000, clock: new FakeClock(new Date(0)) });
    expect(table.get('nope')).toBeUndefined();
  });
});

describe('the action table with a store', () => {
  const makeStore = () => openStore('sqlite::memory:', { clock: new FakeClock(new Date('2026-01-01T00:00:00Z')) });

  it('lets another process (another table on the same store) load what one put, until it expires there', async () => {
    const clock = new FakeClock(new Date('2026-01-01T00:00:00Z'));
    const store = await openStore('sqlite::memory:', { clock });
    const one = createActionTable<{ command: string }>({ maxEntries: 10, ttlMs: 60_000, clock, store, namespace: 'slack' });
    const two = createActionTable<{ command: string }>({ maxEntries: 10, ttlMs: 60_000, clock, store, namespace: 'slack' });
    const key = one.put({ command: 'lookup belt and road' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(two.get(key)).toBeUndefined();
    expect(await two.load(key)).toEqual({ command: 'lookup belt and road' });
    // Another table's namespace does not see it.
    const other = createActionTable({ maxEntries: 10, ttlMs: 60_000, clock, store, namespace: 'discord-pages' });
    expect(await other.load(key)).toBeUndefined();
    clock.advance(60_000);
    const three = createActionTable({ maxEntries: 10, ttlMs: 60_000, clock, store, namespace: 'slack' });
    expect(await three.load(key)).toBeUndefined();
    await store.close();
  });

  it('still answers from memory when the store write fails, and reports the failure', async () => {
    const store = await makeStore();
    await store.close();
    const errors: unknown[] = [];
    const table = createActionTable<number>({
      maxEntries: 3,
      ttlMs: 1_000,
      clock: new FakeClock(new Date(0)),
      store,
      onStoreError: (error) => errors.push(error),
    });
    const key = table.put(7);
    expect(await table.load(key)).toBe(7);
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors).toHaveLength(1);
  });
});
