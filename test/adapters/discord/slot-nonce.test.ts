import { describe, expect, it } from 'vitest';
import { slotNonce } from '../../../src/adapters/discord/slot-nonce.js';

describe('slotNonce', () => {
  it.each([
    { a: ['discord:1:2:2026-11-23', 0], b: ['discord:1:2:2026-11-23', 0], same: true },
    { a: ['discord:1:2:2026-11-23', 0], b: ['discord:1:2:2026-11-24', 0], same: false },
    { a: ['discord:1:2:2026-11-23', 0], b: ['discord:1:2:2026-11-23', 1], same: false },
  ] as { a: [string, number]; b: [string, number]; same: boolean }[])('is stable per slot and page ($same)', ({ a, b, same }) => {
    expect(slotNonce(...a) === slotNonce(...b)).toBe(same);
    expect(slotNonce(...a).length).toBeLessThanOrEqual(25);
  });
});
