import { describe, expect, it } from 'vitest';
import { createActionTable } from '../../src/commands/action-table.js';
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
