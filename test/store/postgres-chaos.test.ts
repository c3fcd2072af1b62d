import { afterEach, describe, expect, it } from 'vitest';
import { type DigestScheduler, type ScheduleWakeUp, startDigestScheduler } from '../../src/adapters/scheduler/index.js';
import { type Logger, silentLogger } from '../../src/core/logger.js';
import type { Store } from '../../src/core/store/index.js';
import { openStore } from '../../src/store/index.js';
import { dueMinutesAgo, localDateOfDue } from '../cli/fixtures/digest-child-runs.js';
import { seedLikeCorpus } from '../core/calendar/corpus-fixture.js';
import { FakeClock } from '../fakes/fake-clock.js';
import { FakePoster } from '../fakes/fake-poster.js';
import { ChaosProxy } from './chaos-proxy.js';
import { dropSchema, freshSchemaName, POSTGRES_SKIP_NOTE, POSTGRES_TEST_URL, queryTestServer } from './postgres-test-database.js';

const CHANNELS = 60;
const CHAOS_AFTER_POSTS = 20;
// Short enough for a test: a lease a failed worker left behind runs out within seconds.
const LEASE_MS = 3_000;
// The pool settings under test, small so that a dead network is found out in seconds.
const POOL_PARAMETERS = 'query_timeout_ms=1500&statement_timeout_ms=1500&connect_timeout_ms=1000&idle_in_transaction_timeout_ms=3000';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

if (!POSTGRES_TEST_URL) console.info(POSTGRES_SKIP_NOTE);

/** A logger that keeps what it is told, to read the "database went away / came back" lines. */
function recordingLogger(lines: string[]): Logger {
  const keep = (_fields: Record<string, unknown>, message?: string) => {
    if (message) lines.push(message);
  };
  const logger: Logger = { ...silentLogger, info: keep, warn: keep, error: keep, child: () => logger };
  return logger;
}

interface Chaos {
  name: string;
  /** Turned on from inside the run, after some posts went out; resolves once the network is whole again. */
  strike(proxy: ChaosProxy): Promise<void>;
  /** Whether the log says the database went away (and came back): not for connections that are replaced at once. */
  outage: boolean;
}

const chaoses: Chaos[] = [
  {
    name: 'a black hole for 5 s, then healed',
    strike: async (proxy) => {
      proxy.startBlackHole();
      await sleep(5_000);
      proxy.heal();
    },
    outage: true,
  },
  {
    name: 'every connection reset once',
    strike: async (proxy) => {
      proxy.resetAll();
    },
    outage: false,
  },
  {
    name: 'connections refused for 10 s',
    strike: (proxy) => proxy.refuseFor(10_000),
    outage: true,
  },
];

describe.skipIf(!POSTGRES_TEST_URL)('the digest against a real Postgres through a failing network', () => {
  it.each(chaoses)(
    '$name: within two wake-ups after it heals, every channel has its digest once and every slot is settled',
    async ({ strike, outage }) => {
      const schema = freshSchemaName();
      cleanups.push(() => dropSchema(schema));
      const upstream = new URL(POSTGRES_TEST_URL!);
      const proxy = await ChaosProxy.start(upstream.hostname, Number(upstream.port || 5432));
      cleanups.push(() => proxy.close());
      const viaProxy = new URL(POSTGRES_TEST_URL!);
      viaProxy.port = String(proxy.port);
      const url = `${viaProxy.toString()}?schema=${schema}&${POOL_PARAMETERS}`;
      const logLines: string[] = [];
      const store: Store = await openStore(url, { logger: recordingLogger(logLines) });
      cleanups.push(() => store.close());

      // The run takes its time from the server: the subscriptions fell due two minutes before its now(), and are
      // moved a day back (the server's clock cannot be set) so that today's slot counts.
      const at = await store.now();
      for (let i = 0; i < CHANNELS; i++)
        await store.upsertSubscription({
          platform: 'slack',
          workspace: 'T1',
          channel: `C${String(i).padStart(3, '0')}`,
          ...dueMinutesAgo(at),
          postEmpty: true,
        });
      await queryTestServer(
        `UPDATE "${schema}".subscriptions SET created_at = created_at - interval '1 day', updated_at = updated_at - interval '1 day', schedule_since = schedule_since - interval '1 day'`,
      );
      const clock = new FakeClock('2026-04-24T04:00:00Z');

      let healed: Promise<void> | undefined;
      let posts = 0;
      // No clock for the platform: the run's time is the server's, and a post must be found by a search from its first claim.
      const poster = new FakePoster('slack', {
        delay: async () => {
          if (++posts === CHAOS_AFTER_POSTS) healed = strike(proxy);
          await sleep(5);
        },
      });
      let scheduler: DigestScheduler | undefined;
      const wakeUp: ScheduleWakeUp = () => ({ stop: () => {} });
      scheduler = startDigestScheduler({
        nearbyWindow: 7,
        store,
        posters: [poster],
        corpus: seedLikeCorpus,
        clock,
        owner: 'chaos',
        logger: silentLogger,
        schedule: wakeUp,
        leaseMs: LEASE_MS,
        runDeadlineMs: 10 * 60_000,
        stopTimeoutMs: 1_000,
      });
      cleanups.push(() => scheduler?.stop());

      // The run that met the failure ends by itself, with an outcome for every subscription it took.
      const first = await scheduler.started;
      expect(first).toBeDefined();
      expect(healed).toBeDefined();
      // The failure struck this run, and every channel posted meanwhile is in its summary (no worker went on outside it).
      expect(first!.slots.some((slot) => slot.outcome === 'retry_later')).toBe(true);
      const summarised = new Set(first!.slots.map((slot) => slot.channel));
      expect(poster.posts.filter((post) => !summarised.has(post.ref.channel))).toEqual([]);
      await healed;
      // What a failed worker held stays claimed until its lease runs out (Postgres time), then is taken over.
      await sleep(LEASE_MS + 500);
      for (let wakeUps = 0; wakeUps < 2; wakeUps++) {
        clock.advanceMinutes(1);
        await scheduler.tick();
      }

      const keys = poster.posts.map((post) => post.slotKey);
      expect(new Set(keys).size, 'no channel got its digest twice').toBe(keys.length);
      expect(keys).toHaveLength(CHANNELS);
      const slots = await store.listSlots({ localDate: localDateOfDue(at) });
      expect(slots).toHaveLength(CHANNELS);
      expect(slots.filter((slot) => slot.state !== 'posted').map((slot) => `${slot.key} ${slot.state} ${slot.reason}`)).toEqual([]);
      // The operator's log says when the database went away and when it came back, once each.
      const said = logLines.filter((line) => line.startsWith('the database is')).map((line) => line.split(/ [(]| after/)[0]);
      expect(said).toEqual(outage ? ['the database is unreachable', 'the database is reachable again'] : []);
      await scheduler.stop();
      scheduler = undefined;
    },
    60_000,
  );
});
