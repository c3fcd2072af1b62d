import { DateTime } from 'luxon';
import { nextDueAfter } from '../src/core/digest/due-slots.js';
import type { Store, SubscriptionInput } from '../src/core/store/store-types.js';

/** Twenty zones around the world, as real channels spread (most at 09:00 local). */
export const BENCH_ZONES = [
  'Pacific/Auckland',
  'Australia/Sydney',
  'Asia/Tokyo',
  'Asia/Shanghai',
  'Asia/Singapore',
  'Asia/Kolkata',
  'Asia/Almaty',
  'Asia/Dubai',
  'Europe/Moscow',
  'Africa/Nairobi',
  'Europe/Berlin',
  'Europe/London',
  'UTC',
  'Atlantic/Azores',
  'America/Sao_Paulo',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'Pacific/Honolulu',
];

/**
 * Twenty zones on one UTC offset all year (Central European Time): 09:00 local is one instant in all of
 * them, so every subscription falls due in the same wake-up, the worst burst a platform limit sees.
 */
export const SAME_OFFSET_ZONES = [
  'Europe/Berlin',
  'Europe/Paris',
  'Europe/Rome',
  'Europe/Madrid',
  'Europe/Amsterdam',
  'Europe/Brussels',
  'Europe/Vienna',
  'Europe/Prague',
  'Europe/Warsaw',
  'Europe/Stockholm',
  'Europe/Oslo',
  'Europe/Copenhagen',
  'Europe/Budapest',
  'Europe/Zurich',
  'Europe/Belgrade',
  'Europe/Zagreb',
  'Europe/Ljubljana',
  'Europe/Bratislava',
  'Europe/Luxembourg',
  'Europe/Monaco',
];

/** A small seeded generator, so every run loads the same subscriptions. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * `count` subscriptions on one platform. `day`: 80% at 09:00 local, the rest at a random minute, zones
 * weighted to the first half of BENCH_ZONES. `burst`: all at 09:00 in the twenty same-offset zones.
 */
export function makeSubscriptions(
  count: number,
  platform: 'slack' | 'discord',
  spread: 'day' | 'burst' = 'day',
  seed = 16,
  burstTime = '09:00',
): SubscriptionInput[] {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, i) => {
    const zone =
      spread === 'burst'
        ? SAME_OFFSET_ZONES[i % SAME_OFFSET_ZONES.length]!
        : BENCH_ZONES[Math.floor(random() ** 1.3 * BENCH_ZONES.length)]!;
    const minute = Math.floor(random() * 1440);
    const time =
      spread === 'burst'
        ? burstTime
        : random() < 0.8
          ? '09:00'
          : `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    const channel = platform === 'discord' ? String(100_000_000_000_000_000n + BigInt(i)) : `C${String(i).padStart(7, '0')}`;
    // Slack channels spread over 1,000 workspaces (ten each at 10k): every workspace has its own posting budget.
    const workspace = platform === 'discord' ? 'G1' : `T${String(i % 1_000).padStart(4, '0')}`;
    return { platform, workspace, channel, time, timezone: zone, postEmpty: true };
  });
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The local time (HH:MM) in the burst's zones (all on one offset) at which a burst falls due at `at`. */
export function burstTimeAt(at: Date): string {
  return DateTime.fromJSDate(at, { zone: SAME_OFFSET_ZONES[0]! }).toFormat('HH:mm');
}

/**
 * The same day turned round so that its busiest instant (the most subscriptions falling due together, the
 * earliest of equals, counted from `at`) falls at `at`: every local time moves by the same number of minutes,
 * so each zone's share and every gap between due instants stay as they were (away from a DST change).
 */
export function rotateDay(subs: SubscriptionInput[], at: Date): SubscriptionInput[] {
  const counts = new Map<number, number>();
  for (const sub of subs) {
    const due = nextDueAfter(sub, new Date(at.getTime() - 1))?.getTime();
    if (due !== undefined) counts.set(due, (counts.get(due) ?? 0) + 1);
  }
  const [busiest] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
  const shift = Math.round((at.getTime() - busiest) / 60_000);
  return subs.map((sub) => {
    const [hours, minutes] = sub.time.split(':').map(Number) as [number, number];
    return { ...sub, time: hhmm((((hours * 60 + minutes + shift) % 1440) + 1440) % 1440) };
  });
}

/** Loads subscriptions through the Store port, several at once (a networked store overlaps round trips). */
export async function loadSubscriptions(store: Store, subs: SubscriptionInput[], inFlight = 16): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < subs.length) await store.upsertSubscription(subs[next++]!);
    }),
  );
  return performance.now() - started;
}
