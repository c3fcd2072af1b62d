import type { Store } from '../src/core/store/store-types.js';
import { ShiftedClock } from './digest-run-day.js';

/**
 * How a scenario's day passes. SQLite's time is the clock the bench gives the store, so its day is simulated:
 * the clock jumps between wake-ups. A Postgres store's time is the server's `now()`, which a digest run reads
 * (one clock per decision) and which nothing here may move, so there the day runs at real time and the
 * subscriptions are chosen to fall due a little after the database's now (`dueSoon`).
 */
export interface Timeline {
  readonly real: boolean;
  /** The process's clock for the store (SQLite) and the poster: shifted when simulated, the wall clock when real. */
  readonly clock: ShiftedClock;
  /** The database's time now. */
  now(): Promise<Date>;
  /** Until the database's time reaches `at`: a jump of the simulated clock, a sleep at real time. */
  advanceTo(at: Date): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function simulatedTimeline(clock: ShiftedClock): Timeline {
  return {
    real: false,
    clock,
    now: async () => clock.now(),
    advanceTo: async (at) => clock.jumpTo(at),
  };
}

export function realTimeline(store: Pick<Store, 'now'>, clock = new ShiftedClock(new Date())): Timeline {
  return {
    real: true,
    clock,
    now: () => store.now(),
    async advanceTo(at) {
      for (let left = at.getTime() - (await store.now()).getTime(); left > 0; left = at.getTime() - (await store.now()).getTime())
        await sleep(Math.min(left, 10_000));
    },
  };
}

/**
 * The first whole minute at least the time loading `count` subscriptions and a first wake-up may take from the
 * database's now (generous: 20 s and 2 ms per subscription; at 10,000 on Postgres they took about a quarter of it).
 */
export async function dueSoon(timeline: Timeline, count: number): Promise<Date> {
  const leadMs = 20_000 + 2 * count;
  return new Date(Math.ceil(((await timeline.now()).getTime() + leadMs) / 60_000) * 60_000);
}

/** Fails the scenario when setting it up took past the instant it measures (the wake-up there would be another). */
export async function assertBefore(timeline: Timeline, at: Date, what: string): Promise<void> {
  const now = await timeline.now();
  if (now.getTime() >= at.getTime())
    throw new Error(`${what}: setting up ran until ${now.toISOString()}, past ${at.toISOString()}; give dueSoon more lead`);
}
