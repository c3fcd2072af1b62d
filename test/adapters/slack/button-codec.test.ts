import { describe, expect, it } from 'vitest';
import { createButtonCodec } from '../../../src/adapters/slack/button-codec.js';
import { createSeenRequests } from '../../../src/adapters/slack/seen-requests.js';
import { textReply } from '../../../src/core/reply.js';
import { openStore } from '../../../src/store/index.js';
import { FakeClock } from '../../fakes/fake-clock.js';

const HOUR = 60 * 60 * 1000;

describe('button codec', () => {
  it.each([
    ['a short action inline', 'belt and road', false],
    ['a long action parked in the table', 'x'.repeat(5000), true],
  ])('encodes %s and decodes it back', async (_name, args, parked) => {
    const codec = createButtonCodec({ clock: new FakeClock() });
    const value = codec.encode({ id: 'more', label: 'More results', action: { command: 'lookup', args } });
    expect(value.length).toBeLessThanOrEqual(2000);
    expect(value.includes('"k":"t"')).toBe(parked);
    expect(await codec.decode(value)).toEqual({ ok: true, intent: { kind: 'action', action: { command: 'lookup', args } } });
  });

  it('forgets parked entries after their time to live', async () => {
    const clock = new FakeClock();
    const codec = createButtonCodec({ clock, ttlMs: HOUR });
    const value = codec.encodePage(textReply('rest'));
    clock.advance(HOUR - 1);
    expect((await codec.decode(value)).ok).toBe(true);
    clock.advance(1);
    expect(await codec.decode(value)).toEqual({ ok: false, reason: 'expired' });
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const codec = createButtonCodec({ clock: new FakeClock(), maxEntries: 3 });
    const values = [1, 2, 3, 4].map((n) => codec.encodePage(textReply(`page ${n}`)));
    expect((await Promise.all(values.map((value) => codec.decode(value)))).map((d) => d.ok)).toEqual([false, true, true, true]);
  });

  it.each(['{"__proto__":{"k":"a","c":"digest","a":"subscribe 09:00 UTC"}}', '{"constructor":{"prototype":{"k":"a"}}}'])(
    'reads nothing from a prototype key in %s',
    async (value) => {
      expect(await createButtonCodec({ clock: new FakeClock() }).decode(value)).toEqual({ ok: false, reason: 'unreadable' });
      expect(({} as Record<string, unknown>)['k']).toBeUndefined();
    },
  );

  it.each(['__proto__', 'constructor', 'toString'])('a parked key named %s is simply not there', async (key) => {
    expect(await createButtonCodec({ clock: new FakeClock() }).decode(JSON.stringify({ k: 't', i: key }))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it.each(['not json', '[]', '{"k":"a","c":1}', '{"k":"zz"}', 'null'])('calls %j unreadable', async (value) => {
    expect(await createButtonCodec({ clock: new FakeClock() }).decode(value)).toEqual({ ok: false, reason: 'unreadable' });
  });
});

describe('seen requests', () => {
  it('sees a key once within the window, again after it', () => {
    const clock = new FakeClock();
    const seen = createSeenRequests({ ttlMs: HOUR, maxEntries: 10, clock });
    expect([seen.firstSight('a'), seen.firstSight('a'), seen.firstSight('b')]).toEqual([true, false, true]);
    clock.advance(HOUR);
    expect(seen.firstSight('a')).toBe(true);
  });

  it('decodes a parked button on another process sharing the store, and after a restart', async () => {
    const clock = new FakeClock();
    const store = await openStore('sqlite::memory:', { clock });
    const first = createButtonCodec({ clock, store });
    const value = first.encode({ id: 'more', label: 'More results', action: { command: 'lookup', args: 'z'.repeat(3000) } });
    await new Promise((resolve) => setImmediate(resolve));
    const second = createButtonCodec({ clock, store });
    expect(await second.decode(value)).toEqual({
      ok: true,
      intent: { kind: 'action', action: { command: 'lookup', args: 'z'.repeat(3000) } },
    });
    // Without the store, a second process could not have answered it.
    expect(await createButtonCodec({ clock }).decode(value)).toEqual({ ok: false, reason: 'expired' });
    await store.close();
  });
});
