import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { resolveLocalTime } from '../../../src/core/digest/index.js';

const zones = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Almaty', 'America/Santiago', 'Pacific/Chatham', 'UTC'];
// Days around the 2026 transitions of these zones, plus ordinary ones.
const dates = [
  '2026-03-08',
  '2026-03-29',
  '2026-04-05',
  '2026-09-06',
  '2026-09-27',
  '2026-10-04',
  '2026-10-25',
  '2026-11-01',
  '2026-06-15',
];

describe('resolveLocalTime (property)', () => {
  it('lands on the asked date, at the asked time or the first minute after a gap, and at its first occurrence', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom(...dates),
        // Transitions happen between midnight and 03:00 local in these zones: ask there often.
        fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 23 })),
        fc.integer({ min: 0, max: 59 }),
        (zone, date, hour, minute) => {
          const resolved = resolveLocalTime(date, hour, minute, zone);
          expect(resolved).toBeDefined();
          if (!resolved) return;
          const local = resolved.at.setZone(zone);
          const asked = hour * 60 + minute;
          const got = local.hour * 60 + local.minute;
          if (resolved.adjusted === 'gap') {
            // Moved forward, to a minute that exists, and the minute before it did not exist.
            expect(local.toISODate() === date ? got > asked : true).toBe(true);
            const before = resolved.at.minus({ minutes: 1 }).setZone(zone);
            expect(
              `${before.toISODate()} ${before.toFormat('HH:mm')}` <
                `${date} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
            ).toBe(true);
          } else {
            expect([local.toISODate(), got]).toEqual([date, asked]);
          }
          // No earlier instant within three hours shows the same wall time.
          for (let back = 1; back <= 180; back++) {
            const earlier = DateTime.fromMillis(resolved.at.toMillis() - back * 60_000, { zone });
            expect(earlier.toISODate() === local.toISODate() && earlier.hour === local.hour && earlier.minute === local.minute).toBe(false);
          }
        },
      ),
      { numRuns: 400, seed: 20260424 },
    );
  });
});
