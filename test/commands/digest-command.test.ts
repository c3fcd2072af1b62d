import { describe, expect, it } from 'vitest';
import { startDigestScheduler } from '../../src/adapters/scheduler/index.js';
import type { Services } from '../../src/commands/command.js';
import { createContext } from '../../src/commands/create-context.js';
import { dispatch } from '../../src/commands/dispatch.js';
import { commands } from '../../src/commands/registry.js';
import { runDigests } from '../../src/core/digest/index.js';
import { silentLogger } from '../../src/core/logger.js';
import type { Reply } from '../../src/core/reply.js';
import type { ChannelRef } from '../../src/core/store/index.js';
import { openStore } from '../../src/store/index.js';
import { seedLikeCorpus } from '../core/calendar/corpus-fixture.js';
import { digestOnlyServices } from '../fakes/digest-only-services.js';
import { FakeClock } from '../fakes/fake-clock.js';
import { FakePoster } from '../fakes/fake-poster.js';

const HERE: ChannelRef = { platform: 'console', workspace: 'local', channel: 'console' };

async function servicesAt(clock: FakeClock, nearbyWindow = 7): Promise<Services> {
  return digestOnlyServices(await openStore('sqlite::memory:', { clock }), nearbyWindow);
}

async function digest(services: Services, clock: FakeClock, text: string): Promise<Reply> {
  const ctx = await createContext({ ...HERE, user: 'op' }, services, { clock });
  return dispatch(commands, { command: 'digest', text }, ctx);
}

const textOf = (reply: Reply) => JSON.stringify(reply.blocks);

describe('/digest status', () => {
  it('shows the three most recent slots, in date order', async () => {
    const clock = new FakeClock('2026-04-20T12:00:00Z');
    const services = await servicesAt(clock);
    await services.store.upsertSubscription({ ...HERE, time: '09:00', timezone: 'UTC', postEmpty: true });
    for (const date of ['2026-04-20', '2026-04-21', '2026-04-22', '2026-04-23', '2026-04-24']) {
      await services.store.claimSlot(HERE, date, 'op', 60_000);
      await services.store.finishSlot(`console:local:console:${date}`, 1, { state: 'posted', messageId: `m-${date}` });
    }
    const status = textOf(await digest(services, clock, 'status'));
    expect(status).toContain('Recent: 2026-04-22: posted; 2026-04-23: posted; 2026-04-24: posted');
    expect(status).not.toContain('2026-04-20');
    await services.store.close();
  });

  it('shows a readable reason for a failed attempt, never the raw exception', async () => {
    const clock = new FakeClock('2026-04-24T09:01:00Z');
    const services = await servicesAt(clock);
    clock.set('2026-04-23T00:00:00Z');
    await services.store.upsertSubscription({ ...HERE, time: '09:00', timezone: 'UTC', postEmpty: true });
    clock.set('2026-04-24T09:01:00Z');
    const poster = new FakePoster('console', { clock });
    poster.post = async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'ts')");
    };
    const errors: unknown[] = [];
    const logger = { ...silentLogger, warn: (fields: Record<string, unknown>) => errors.push(fields['err']) };
    await runDigests({ store: services.store, posters: [poster], corpus: seedLikeCorpus, clock, owner: 'p1', logger });
    const status = textOf(await digest(services, clock, 'status'));
    expect(status).toContain('2026-04-24: retry_uncertain (post outcome unknown (an unexpected error (details in the log))');
    expect(status).not.toMatch(/Cannot read properties|TypeError/);
    // The full error is in the log.
    expect(String(errors[0])).toContain('Cannot read properties');
    await services.store.close();
  });
});

describe('/digest preview', () => {
  it('shows what the scheduler posts, with the same nearby window (READOUT_NEARBY_DAYS)', async () => {
    // 8 May: nothing on the day; 24 April (14 days before) is nearby only with a window wider than the default 7.
    const clock = new FakeClock('2026-05-08T09:01:00Z');
    const services = await servicesAt(clock, 20);
    clock.set('2026-05-07T00:00:00Z');
    await services.store.upsertSubscription({ ...HERE, time: '09:00', timezone: 'UTC', postEmpty: false });
    clock.set('2026-05-08T09:01:00Z');
    const poster = new FakePoster('console', { clock });
    const scheduler = startDigestScheduler({
      store: services.store,
      posters: [poster],
      corpus: services.corpus,
      clock,
      logger: silentLogger,
      nearbyWindow: services.nearbyWindow,
      schedule: () => ({ stop: () => {} }),
    });
    await scheduler.started;
    await scheduler.stop();
    const preview = await digest(services, clock, 'preview');
    expect(poster.posts).toHaveLength(1);
    expect(textOf(preview)).toContain('Xi holds talks with Ruto');
    expect(preview.blocks.slice(0, -1)).toEqual(poster.posts[0]?.reply.blocks);
    await services.store.close();
  });

  it('on a day with nothing near it, names the nearest dates that have readouts, as /onthisday does', async () => {
    const clock = new FakeClock('2026-09-15T09:01:00Z');
    const services = await servicesAt(clock);
    const preview = await digest(services, clock, 'preview');
    expect(textOf(preview)).toContain('The nearest days with readouts: 2 July 2026 (75 days before) and 6 January 2027 (113 days after).');
    await services.store.close();
  });
});

describe('/digest subscribe again while a slot waits to retry', () => {
  it('never abandons the slot: a 503, the same subscribe again, then --empty toggled, and exactly one post that day', async () => {
    const clock = new FakeClock('2026-04-23T12:00:00Z');
    const services = await servicesAt(clock);
    const poster = new FakePoster('console', { clock });
    const run = () =>
      runDigests({
        store: services.store,
        posters: [poster],
        corpus: seedLikeCorpus,
        clock,
        owner: 'p1',
        sleep: clock.sleep,
        random: () => 1,
        maxAttempts: 1,
      });
    expect(textOf(await digest(services, clock, 'subscribe 09:00 UTC'))).toContain('Subscribed');
    clock.set('2026-04-24T09:00:00Z');
    poster.failNext({ kind: 'server_error' });
    expect((await run()).slots.map((s) => s.outcome)).toEqual(['retry_later']);
    // Nothing came, so the user subscribes again, the same way.
    clock.advance(60_000);
    expect(textOf(await digest(services, clock, 'subscribe 09:00 UTC'))).toContain('Updated');
    poster.failNext({ kind: 'server_error' });
    expect((await run()).slots.map((s) => s.outcome)).toEqual(['retry_later']);
    clock.advance(60_000);
    expect(textOf(await digest(services, clock, 'subscribe 09:00 UTC --empty'))).toContain('Updated');
    const outcomes: string[] = [];
    for (let minute = 0; minute < 30; minute++) {
      outcomes.push(...(await run()).slots.map((s) => s.outcome));
      clock.advance(60_000);
    }
    expect(outcomes).toEqual(['posted']);
    expect(poster.posts.map((p) => p.slotKey)).toEqual(['console:local:console:2026-04-24']);
    expect(await services.store.getSlot('console:local:console:2026-04-24')).toMatchObject({ state: 'posted' });
    await services.store.close();
  });
});
