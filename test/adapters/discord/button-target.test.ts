import { describe, expect, it } from 'vitest';
import { type ButtonTarget, decodeButtonTarget, encodeButtonTarget } from '../../../src/adapters/discord/button-target.js';
import { createActionTable } from '../../../src/commands/action-table.js';
import { FakeClock } from '../../fakes/fake-clock.js';

function table(clock = new FakeClock(), maxEntries = 100) {
  return createActionTable<ButtonTarget>({ maxEntries, ttlMs: 60_000, clock });
}

describe('button targets', () => {
  it.each([
    { target: { kind: 'action', button: 'more', action: { command: 'lookup', args: 'trade --offset 5' } }, inline: true },
    { target: { kind: 'action', button: 'post', action: { command: 'quote', args: '--id doc1:p3:s0' } }, inline: true },
    { target: { kind: 'action', button: 'shuffle', action: { command: 'quote', args: '' } }, inline: true },
    { target: { kind: 'action', button: 'open', action: { command: 'doc', args: 'x'.repeat(120) } }, inline: false },
    { target: { kind: 'page', pagesKey: 'abc_-1', page: 2 }, inline: true },
  ] as { target: ButtonTarget; inline: boolean }[])(
    'round-trips $target.kind $target.button within 100 characters',
    async ({ target, inline }) => {
      const actions = table();
      const id = encodeButtonTarget(target, actions);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(id.startsWith('t:')).toBe(!inline);
      expect(await decodeButtonTarget(id, actions)).toEqual({ ok: true, target });
    },
  );

  it.each([
    { id: 'a:launch:lookup:x', reason: 'unknown' },
    { id: 'a:more', reason: 'unknown' },
    { id: 'p:key:-1', reason: 'unknown' },
    { id: 'p:key:two', reason: 'unknown' },
    { id: 'something else', reason: 'unknown' },
    { id: 't:missing', reason: 'expired' },
  ])('rejects $id as $reason', async ({ id, reason }) => {
    expect(await decodeButtonTarget(id, table())).toEqual({ ok: false, reason });
  });

  it('forgets stored actions after their time to live', async () => {
    const clock = new FakeClock();
    const actions = table(clock);
    const id = encodeButtonTarget({ kind: 'action', button: 'open', action: { command: 'doc', args: 'y'.repeat(200) } }, actions);
    clock.advance(59_999);
    expect((await decodeButtonTarget(id, actions)).ok).toBe(true);
    clock.advance(1);
    expect(await decodeButtonTarget(id, actions)).toEqual({ ok: false, reason: 'expired' });
  });

  it('keeps at most maxEntries, dropping the oldest', () => {
    const actions = createActionTable<number>({ maxEntries: 3, ttlMs: 60_000, clock: new FakeClock() });
    const keys = [1, 2, 3, 4, 5].map((n) => actions.put(n));
    expect(actions.size).toBe(3);
    expect(keys.map((k) => actions.get(k))).toEqual([undefined, undefined, 3, 4, 5]);
  });
});
