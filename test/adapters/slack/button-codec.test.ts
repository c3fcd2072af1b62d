import { describe, expect, it } from 'vitest';
import { createButtonCodec } from '../../../src/adapters/slack/button-codec.js';
import { createSeenRequests } from '../../../src/adapters/slack/seen-requests.js';
import { textReply } from '../../../src/core/reply.js';
import { FakeClock } from '../../fakes/fake-clock.js';

const HOUR = 60 * 60 * 1000;

describe('button codec', () => {
  it.each([
    ['a short action inline', 'belt and road', false],
    ['a long action parked in the table', 'x'.repeat(5000), true],
  ])('encodes %s and decodes it back', (_name, args, parked) => {
    const codec = createButtonCodec({ clock: new FakeClock() });
    const value = codec.encode({ id: 'more', label: 'More results', action: { command: 'lookup', args } });
    expect(value.length).toBeLessThanOrEqual(2000);
    expect(value.includes('"k":"t"')).toBe(parked);
    expect(codec.decode(value)).toEqual({ ok: true, intent: { kind: 'action', action: { command: 'lookup', args } } });
  });

  it('forgets parked entries after their time to live', () => {
    const clock = new FakeClock();
    const codec = createButtonCodec({ clock, ttlMs: HOUR });
    const value = codec.encodePage(textReply('rest'));
    clock.advance(HOUR - 1);
    expect(codec.decode(value).ok).toBe(true);
    clock.advance(1);
    expect(codec.decode(value)).toEqual({ ok: false, reason: 'expired' });
  });

  it('keeps at most maxEntries, dropping the oldest', () => {
    const codec = createButtonCodec({ clock: new FakeClock(), maxEntries: 3 });
    const values = [1, 2, 3, 4].map((n) => codec.encodePage(textReply(`page ${n}`)));
    expect(values.map((value) => codec.decode(value).ok)).toEqual([false, true, true, true]);
  });

  it.each(['not json', '[]', '{"k":"a","c":1}', '{"k":"zz"}', 'null'])('calls %j unreadable', (value) => {
    expect(createButtonCodec({ clock: new FakeClock() }).decode(value)).toEqual({ ok: false, reason: 'unreadable' });
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
});
