import { afterEach, describe, expect, it } from 'vitest';
import {
  type DigestScheduler,
  type DigestSchedulerDeps,
  type ScheduleWakeUp,
  startDigestScheduler,
} from '../../../src/adapters/scheduler/index.js';
import type { DigestPoster, PostResult } from '../../../src/core/digest/digest-types.js';
import { type DigestRunSummary, type RunDigestsDeps, runDigests } from '../../../src/core/digest/index.js';
import { type Logger, silentLogger } from '../../../src/core/logger.js';
import type { Store } from '../../../src/core/store/index.js';
import { digestLiveness } from '../../../src/ops/digest-liveness.js';
import { openSqliteStore } from '../../../src/store/sqlite/open-sqlite-store.js';
import { seedLikeCorpus } from '../../core/calendar/corpus-fixture.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { FakePoster } from '../../fakes/fake-poster.js';

/** A cron that fires only when the test says so. */
function fakeCron() {
  const state = { expression: '', stopped: false, fire: async () => {} };
  const schedule: ScheduleWakeUp = (expression, tick) => {
    state.expression = expression;
    state.fire = tick;
    return {
      stop: () => {
        state.stopped = true;
      },
    };
  };
  return { state, schedule };
}

/** A poster whose next post waits until the test lets it through, to hold a run in flight. */
class GatedPoster implements DigestPoster {
  readonly platform = 'slack' as const;
  readonly inner: FakePoster;
  private gates: (() => void)[] = [];
  entered = 0;
  constructor(clock: FakeClock) {
    this.inner = new FakePoster('slack', { clock });
  }
  async post(...[ref, reply, key, hooks]: Parameters<DigestPoster['post']>): Promise<PostResult> {
    // The runner's turn comes before the request; the gate is the request in flight.
    await hooks?.beforeRequest?.();
    this.entered++;
    await new Promise<void>((resolve) => this.gates.push(resolve));
    return this.inner.post(ref, reply, key, { pageSent: hooks?.pageSent });
  }
  findPosted(...args: Parameters<DigestPoster['findPosted']>) {
    return this.inner.findPosted(...args);
  }
  open(): void {
    for (const gate of this.gates.splice(0)) gate();
  }
}

const errors: unknown[] = [];
const recordingLogger: Logger = { ...silentLogger, error: (fields) => errors.push(fields), child: () => recordingLogger };

let store: Store;
afterEach(() => {
  store?.close();
  errors.length = 0;
});

async function setup(start = '2026-04-24T04:00:00Z') {
  const clock = new FakeClock(start);
  store = openSqliteStore(':memory:', clock);
  await store.upsertSubscription({
    platform: 'slack',
    workspace: 'T1',
    channel: 'C1',
    time: '09:00',
    timezone: 'Asia/Almaty',
    postEmpty: true,
  });
  return { clock, store };
}

/** The scheduler as most tests here start it: over the store `setup` opened and the seed-like corpus, as owner p1, silent unless given a logger. */
function startSchedulerAsP1(deps: Pick<DigestSchedulerDeps, 'posters' | 'clock'> & Partial<DigestSchedulerDeps>): DigestScheduler {
  return startDigestScheduler({ nearbyWindow: 7, store, corpus: seedLikeCorpus, owner: 'p1', logger: silentLogger, ...deps });
}

/** Lets a run get as far as it can without the test: a few turns of the event loop (store pages start on a new turn). */
const flush = async () => {
  for (let turn = 0; turn < 3; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
};

describe('startDigestScheduler', () => {
  it('runs once at start-up and on every wake-up, once a minute by default', async () => {
    const { clock } = await setup('2026-04-24T03:58:00Z');
    const poster = new FakePoster('slack', { clock });
    const cron = fakeCron();
    const scheduler = startSchedulerAsP1({
      posters: [poster],
      clock,
      schedule: cron.schedule,
    });
    expect(cron.state.expression).toBe('* * * * *');
    expect((await scheduler.started)?.slots).toEqual([]);
    clock.advance(2 * 60_000);
    await cron.state.fire();
    await cron.state.fire();
    expect(poster.posts.map((p) => [p.slotKey, p.at])).toEqual([['slack:T1:C1:2026-04-24', '2026-04-24T04:00:00.000Z']]);
    await scheduler.stop();
    expect(cron.state.stopped).toBe(true);
  });

  it('never runs two wake-ups at once', async () => {
    const { clock } = await setup();
    const poster = new GatedPoster(clock);
    const cron = fakeCron();
    let runs = 0;
    const counted = (deps: RunDigestsDeps): Promise<DigestRunSummary> => {
      runs++;
      return runDigests(deps);
    };
    const scheduler = startSchedulerAsP1({
      posters: [poster],
      clock,
      schedule: cron.schedule,
      run: counted,
    });
    while (poster.entered < 1) await flush();
    expect(poster.entered).toBe(1);
    expect(await scheduler.tick()).toBeUndefined();
    await cron.state.fire();
    expect(runs).toBe(1);
    poster.open();
    expect((await scheduler.started)?.slots.map((s) => s.outcome)).toEqual(['posted']);
    await scheduler.stop();
  });

  it('on stop, lets the post in flight finish and be recorded, and claims nothing more', async () => {
    const { clock } = await setup();
    await store.upsertSubscription({
      platform: 'slack',
      workspace: 'T1',
      channel: 'C2',
      time: '09:00',
      timezone: 'Asia/Almaty',
      postEmpty: true,
    });
    const poster = new GatedPoster(clock);
    const cron = fakeCron();
    const scheduler = startSchedulerAsP1({
      posters: [poster],
      clock,
      schedule: cron.schedule,
      // One post at a time, so that C2 is still unclaimed when stop comes (with more, it would be in flight too).
      concurrency: 1,
    });
    while (poster.entered < 1) await flush();
    const stopped = scheduler.stop();
    poster.open();
    await stopped;
    expect((await scheduler.started)?.slots.map((s) => `${s.channel} ${s.outcome}`)).toEqual(['C1 posted', 'C2 stopped']);
    expect(await store.getSlot('slack:T1:C1:2026-04-24')).toMatchObject({ state: 'posted', messageId: 'm1' });
    expect(await store.getSlot('slack:T1:C2:2026-04-24')).toBeUndefined();
    expect(await scheduler.tick()).toBeUndefined();
  });

  it('on stop, cuts a retry wait short and gives the claim back for the next start', async () => {
    const { clock } = await setup();
    const poster = new FakePoster('slack', { clock }).failNext({ kind: 'rate_limited', retryAfterMs: 30_000 });
    const cron = fakeCron();
    // A wait that would never end by itself: only stop() ends it.
    let waiting = false;
    const endless = () => {
      waiting = true;
      return new Promise<void>(() => {});
    };
    const scheduler = startSchedulerAsP1({
      posters: [poster],
      clock,
      schedule: cron.schedule,
      sleep: endless,
    });
    // Stop once the run is in its retry wait (a busy machine may take several turns of the loop to get there).
    while (!waiting) await flush();
    await scheduler.stop();
    expect((await scheduler.started)?.slots.map((s) => s.outcome)).toEqual(['retry_later']);
    expect(await store.getSlot('slack:T1:C1:2026-04-24')).toMatchObject({
      state: 'retry_certain',
      claimedBy: null,
      leaseUntil: '2026-04-24T04:00:30.000Z',
    });
    // The next process picks it up after the Retry-After and posts it once.
    clock.advance(30_000);
    const next = await runDigests({ store, posters: [poster], corpus: seedLikeCorpus, clock, owner: 'p2', sleep: clock.sleep });
    expect(next.slots.map((s) => s.outcome)).toEqual(['posted']);
    expect(poster.posts).toHaveLength(1);
  });

  it('logs a failed run and keeps waking up', async () => {
    const { clock } = await setup();
    const cron = fakeCron();
    let calls = 0;
    const flaky = (deps: RunDigestsDeps) => {
      calls++;
      return calls === 1 ? Promise.reject(new Error('database is locked')) : runDigests(deps);
    };
    const poster = new FakePoster('slack', { clock });
    const scheduler = startSchedulerAsP1({
      posters: [poster],
      clock,
      logger: recordingLogger,
      schedule: cron.schedule,
      run: flaky,
    });
    expect(await scheduler.started).toBeUndefined();
    expect(errors).toHaveLength(1);
    await cron.state.fire();
    expect(poster.posts).toHaveLength(1);
    await scheduler.stop();
  });

  it('wires node-cron by default and stops it', async () => {
    const { clock } = await setup();
    const poster = new FakePoster('slack', { clock });
    const scheduler = startSchedulerAsP1({
      posters: [poster],
      clock,
    });
    await scheduler.started;
    await scheduler.stop();
    expect(poster.posts).toHaveLength(1);
  });
});

describe('startDigestScheduler owner', () => {
  it('claims as this host and process when no owner is given', async () => {
    const { clock } = await setup();
    const cron = fakeCron();
    const scheduler = startDigestScheduler({
      nearbyWindow: 7,
      store,
      posters: [new FakePoster('slack')],
      corpus: seedLikeCorpus,
      clock,
      logger: silentLogger,
      schedule: cron.schedule,
    });
    await scheduler.started;
    await scheduler.stop();
    expect((await store.getSlot('slack:T1:C1:2026-04-24'))?.claimedBy).toMatch(new RegExp(`:${process.pid}:[0-9a-f]{8}$`));
  });
});

describe('a run that never outlives itself', () => {
  it('takes no new slot past its deadline: the rest wait for the next wake-up, still due', async () => {
    const { clock } = await setup();
    for (const channel of ['C2', 'C3'])
      await store.upsertSubscription({
        platform: 'slack',
        workspace: 'T1',
        channel,
        time: '09:00',
        timezone: 'Asia/Almaty',
        postEmpty: true,
      });
    // Each post takes ten minutes of the run's clock: past the five-minute deadline after the first.
    const poster = new FakePoster('slack', { clock, delay: async () => clock.advanceMinutes(10) });
    const scheduler = startSchedulerAsP1({
      posters: [poster],
      clock,
      schedule: fakeCron().schedule,
      concurrency: 1,
      runDeadlineMs: 5 * 60_000,
    });
    expect((await scheduler.started)?.slots.map((s) => `${s.channel} ${s.outcome}`)).toEqual(['C1 posted', 'C2 stopped', 'C3 stopped']);
    const next = await scheduler.tick();
    expect(next?.slots.map((s) => `${s.channel} ${s.outcome}`)).toEqual(['C2 posted', 'C3 stopped']);
    await scheduler.stop();
  });

  it('a stuck run: liveness fails past the lease, no second run starts beside it, and stop() still returns', async () => {
    const { clock } = await setup();
    let runs = 0;
    const stuck = () => {
      runs++;
      return new Promise<DigestRunSummary>(() => {});
    };
    const cron = fakeCron();
    const scheduler = startSchedulerAsP1({
      posters: [new FakePoster('slack', { clock })],
      clock,
      schedule: cron.schedule,
      run: stuck,
      stopTimeoutMs: 20,
    });
    expect(digestLiveness(scheduler.health(), clock.now())).toMatchObject({ ok: true });
    clock.advanceMinutes(5);
    await cron.state.fire();
    expect(runs).toBe(1);
    expect(digestLiveness(scheduler.health(), clock.now())).toMatchObject({ ok: true });
    clock.advanceMinutes(2);
    expect(digestLiveness(scheduler.health(), clock.now())).toEqual({
      ok: false,
      detail: 'a digest run has been in flight for 420 s (limit 360 s)',
    });
    await scheduler.stop();
    expect(runs).toBe(1);
  });

  it('liveness fails when no run has finished for five minutes and none is in flight (the wake-ups stopped)', async () => {
    const { clock } = await setup();
    const scheduler = startSchedulerAsP1({
      posters: [new FakePoster('slack', { clock })],
      clock,
      schedule: fakeCron().schedule,
    });
    await scheduler.started;
    expect(scheduler.health().lastFinishedAt).toEqual(clock.now());
    clock.advanceMinutes(4);
    expect(digestLiveness(scheduler.health(), clock.now())).toMatchObject({ ok: true });
    clock.advanceMinutes(2);
    expect(digestLiveness(scheduler.health(), clock.now())).toEqual({ ok: false, detail: 'no digest run has finished for 360 s' });
    await scheduler.tick();
    expect(digestLiveness(scheduler.health(), clock.now())).toMatchObject({ ok: true });
    await scheduler.stop();
  });
});

describe('subscriptions of a platform no process serves', () => {
  it('are named in a warning once a day, until a process connected to that platform shows up', async () => {
    const { clock } = await setup();
    await store.upsertSubscription({
      platform: 'discord',
      workspace: 'G1',
      channel: 'D1',
      time: '09:00',
      timezone: 'UTC',
      postEmpty: true,
    });
    const warnings: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (_fields, message) => warnings.push(message ?? ''), child: () => logger };
    const scheduler = startSchedulerAsP1({
      posters: [new FakePoster('slack', { clock })],
      clock,
      logger,
      schedule: fakeCron().schedule,
    });
    await scheduler.started;
    expect(warnings).toEqual([
      'digest subscriptions on Discord are waiting: no Discord connection in any process (start one with its token set; days missed beyond the grace period are then recorded as skipped_late)',
    ]);
    clock.advanceMinutes(1);
    await scheduler.tick();
    expect(warnings).toHaveLength(1);
    clock.advance(86_400_000);
    await scheduler.tick();
    expect(warnings).toHaveLength(2);
    clock.advance(86_400_000);
    await store.recordReplica({ id: 'h:2:b', host: 'h', pid: 2, serves: ['discord'] });
    await scheduler.tick();
    expect(warnings).toHaveLength(2);
    await scheduler.stop();
  });
});
