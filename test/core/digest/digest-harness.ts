import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DigestRunSummary, type RunDigestsDeps, runDigests } from '../../../src/core/digest/index.js';
import type { Corpus } from '../../../src/core/document.js';
import type { Store, Subscription } from '../../../src/core/store/index.js';
import { sqlitePathOf } from '../../../src/store/open-store.js';
import { openSqliteStore } from '../../../src/store/sqlite/open-sqlite-store.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { FakePoster } from '../../fakes/fake-poster.js';
import { seedLikeCorpus } from '../calendar/corpus-fixture.js';

export const MIN = 60_000;
export const HOUR = 60 * MIN;

/** A temp folder removed by the returned cleanup. */
export function tempDatabaseUrl(): { url: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'readout-digest-'));
  return { url: `sqlite:${join(dir, 'readout.db')}`, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Harness {
  clock: FakeClock;
  store: Store;
  slack: FakePoster;
  discord: FakePoster;
  subscribe(sub: Partial<Subscription> & Pick<Subscription, 'channel' | 'time' | 'timezone'>): Promise<Subscription>;
  run(extra?: Partial<RunDigestsDeps>): Promise<DigestRunSummary>;
  /** Runs once per `stepMinutes` from now until `until` (inclusive), as cron wake-ups would. */
  tickUntil(until: string, stepMinutes?: number, extra?: Partial<RunDigestsDeps>): Promise<DigestRunSummary[]>;
  close(): Promise<void>;
}

export function makeHarness(options: {
  start: string;
  url?: string;
  corpus?: Corpus;
  clock?: FakeClock;
  slack?: FakePoster;
  owner?: string;
}): Harness {
  const clock = options.clock ?? new FakeClock(options.start);
  const store = openSqliteStore(sqlitePathOf(options.url ?? 'sqlite::memory:') ?? ':memory:', clock);
  const slack = options.slack ?? new FakePoster('slack', { clock });
  const discord = new FakePoster('discord', { clock });
  const run = (extra: Partial<RunDigestsDeps> = {}) =>
    runDigests({
      store,
      posters: [slack, discord],
      corpus: options.corpus ?? seedLikeCorpus,
      clock,
      owner: options.owner ?? 'p1',
      sleep: clock.sleep,
      // No jitter: the tests pin exact backoff waits (jitter has its own test).
      random: () => 1,
      // One subscription at a time: these tests queue failures for "the next post", which needs a fixed order
      // (the pool's concurrency has tests of its own, which pass their own value).
      concurrency: 1,
      ...extra,
    });
  return {
    clock,
    store,
    slack,
    discord,
    subscribe: (sub) => store.upsertSubscription({ platform: 'slack', workspace: 'T1', postEmpty: false, ...sub }),
    run,
    async tickUntil(until, stepMinutes = 1, extra = {}) {
      const summaries: DigestRunSummary[] = [];
      while (clock.now().getTime() <= Date.parse(until)) {
        summaries.push(await run(extra));
        clock.advance(stepMinutes * MIN);
      }
      return summaries;
    },
    close: () => store.close(),
  };
}

/** The outcomes of a run other than "nothing to do", as `key outcome` lines. */
export function acted(summary: DigestRunSummary | DigestRunSummary[]): string[] {
  const summaries = Array.isArray(summary) ? summary : [summary];
  return summaries.flatMap((s) => s.slots.filter((slot) => slot.outcome !== 'already_done').map((slot) => `${slot.key} ${slot.outcome}`));
}
