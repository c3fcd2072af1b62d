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
): SubscriptionInput[] {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, i) => {
    const zone =
      spread === 'burst'
        ? SAME_OFFSET_ZONES[i % SAME_OFFSET_ZONES.length]!
        : BENCH_ZONES[Math.floor(random() ** 1.3 * BENCH_ZONES.length)]!;
    const minute = Math.floor(random() * 1440);
    const time =
      spread === 'burst' || random() < 0.8
        ? '09:00'
        : `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
    const channel = platform === 'discord' ? String(100_000_000_000_000_000n + BigInt(i)) : `C${String(i).padStart(7, '0')}`;
    // Slack channels spread over 1,000 workspaces (ten each at 10k): every workspace has its own posting budget.
    const workspace = platform === 'discord' ? 'G1' : `T${String(i % 1_000).padStart(4, '0')}`;
    return { platform, workspace, channel, time, timezone: zone, postEmpty: true };
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
