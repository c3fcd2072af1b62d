import { afterEach, describe, expect, it } from 'vitest';
import { runDigests } from '../../../src/core/digest/index.js';
import type { Block } from '../../../src/core/reply.js';
import { slotKey } from '../../../src/core/store/index.js';
import { openSqliteStore } from '../../../src/store/sqlite/open-sqlite-store.js';

import { FakeClock } from '../../fakes/fake-clock.js';
import { FakePoster } from '../../fakes/fake-poster.js';
import { makeCorpus, makeDocument, seedLikeCorpus } from '../calendar/corpus-fixture.js';
import { acted, type Harness, HOUR, MIN, makeHarness, tempDatabaseUrl } from './digest-harness.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});
function harness(options: Parameters<typeof makeHarness>[0]): Harness {
  const h = makeHarness(options);
  cleanups.push(() => h.close());
  return h;
}
function tempUrl(): string {
  const temp = tempDatabaseUrl();
  cleanups.push(temp.cleanup);
  return temp.url;
}

const C1 = { platform: 'slack', workspace: 'T1', channel: 'C1' } as const;
const headings = (blocks: Block[]) => blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : ''));

describe('the daily run', () => {
  it('posts each local date once, at the local time, and records the message id', async () => {
    const h = harness({ start: '2026-04-24T00:00:00Z' });
    await h.subscribe({ channel: 'C1', time: '09:00', timezone: 'Asia/Almaty' });
    await h.tickUntil('2026-04-24T03:59:00Z', 1);
    expect(h.slack.posts).toEqual([]);
    await h.tickUntil('2026-04-26T12:00:00Z', 1);
    expect(h.slack.posts.map((p) => [p.slotKey, p.at])).toEqual([
      ['slack:T1:C1:2026-04-24', '2026-04-24T04:00:00.000Z'],
      // 25 and 26 April have nothing of their own, but 24 April is near: posted as nearby.
      ['slack:T1:C1:2026-04-25', '2026-04-25T04:00:00.000Z'],
      ['slack:T1:C1:2026-04-26', '2026-04-26T04:00:00.000Z'],
    ]);
    expect(await h.store.getSlot('slack:T1:C1:2026-04-24')).toMatchObject({ state: 'posted', messageId: 'm1', attempts: 1 });
    const first = h.slack.posts[0]!.reply;
    expect(first.visibility).toBe('public');
    expect(headings(first.blocks)).toEqual(['On this day, 24 April 2026']);
    expect(first.blocks.find((b) => b.kind === 'result')).toMatchObject({ citation: { docId: '000_kenya', paragraph: 0 } });
    const second = h.slack.posts[1]!.reply;
    expect(second.blocks.filter((b) => b.kind === 'note').map((b) => (b.kind === 'note' ? b.text : ''))).toContain(
      'Nearby anniversaries (within 7 days), not on this day:',
    );
  });

  it.each([
    [false, [], 'skipped_empty'],
    [true, ['Nothing in the readouts happened on this day in earlier years.'], 'posted'],
  ])('on an empty day with postEmpty %s', async (postEmpty, texts, state) => {
    const h = harness({ start: '2026-09-01T00:00:00Z', corpus: makeCorpus([makeDocument('only', { eventDate: '2020-04-24' })]) });
    await h.subscribe({ channel: 'C1', time: '09:00', timezone: 'UTC', postEmpty });
    await h.tickUntil('2026-09-01T09:05:00Z', 5);
    expect(h.slack.posts.flatMap((p) => p.reply.blocks.flatMap((b) => (b.kind === 'text' ? b.text.map((s) => s.text) : [])))).toEqual(
      texts,
    );
    expect((await h.store.getSlot('slack:T1:C1:2026-09-01'))?.state).toBe(state);
  });
});

describe('time zones', () => {
  it('gives each channel its own local date and time', async () => {
    const h = harness({ start: '2026-04-23T12:00:00Z' });
    await h.subscribe({ channel: 'AKL', time: '09:00', timezone: 'Pacific/Auckland' });
    await h.subscribe({ channel: 'ALA', time: '09:00', timezone: 'Asia/Almaty' });
    await h.subscribe({ channel: 'NYC', time: '09:00', timezone: 'America/New_York' });
    await h.tickUntil('2026-04-24T14:00:00Z', 5);
    expect(h.slack.posts.map((p) => [p.slotKey, p.at])).toEqual([
      ['slack:T1:NYC:2026-04-23', '2026-04-23T13:00:00.000Z'],
      // 09:00 on 24 April in Auckland is 21:00 on 23 April in UTC, while New York is still on 23 April.
      ['slack:T1:AKL:2026-04-24', '2026-04-23T21:00:00.000Z'],
      ['slack:T1:ALA:2026-04-24', '2026-04-24T04:00:00.000Z'],
      ['slack:T1:NYC:2026-04-24', '2026-04-24T13:00:00.000Z'],
    ]);
    // Almaty's 23 April slot (04:00 UTC) came before the subscription existed: not posted, not recorded.
    expect(await h.store.getSlot('slack:T1:ALA:2026-04-23')).toBeUndefined();
  });
});

describe('daylight saving', () => {
  it.each([
    [
      'Europe/London',
      '09:00',
      '2026-03-27T12:00:00Z',
      '2026-03-30T12:00:00Z',
      ['2026-03-28T09:00', '2026-03-29T08:00', '2026-03-30T08:00'],
    ],
    [
      'Europe/London',
      '09:00',
      '2026-10-23T12:00:00Z',
      '2026-10-26T12:00:00Z',
      ['2026-10-24T08:00', '2026-10-25T09:00', '2026-10-26T09:00'],
    ],
    // 02:30 does not exist on 8 March in New York: it fires at 03:00 EDT (07:00 UTC), once.
    [
      'America/New_York',
      '02:30',
      '2026-03-07T00:00:00Z',
      '2026-03-09T12:00:00Z',
      ['2026-03-07T07:30', '2026-03-08T07:00', '2026-03-09T06:30'],
    ],
    // 01:30 happens twice on 1 November in New York: only the first fires.
    [
      'America/New_York',
      '01:30',
      '2026-10-31T00:00:00Z',
      '2026-11-02T12:00:00Z',
      ['2026-10-31T05:30', '2026-11-01T05:30', '2026-11-02T06:30'],
    ],
  ])('%s %s fires once a day across the change', async (timezone, time, start, until, expected) => {
    const h = harness({ start });
    await h.subscribe({ channel: 'C1', time, timezone, postEmpty: true });
    await h.tickUntil(until, 5);
    expect(h.slack.posts.map((p) => p.at?.slice(0, 16))).toEqual(expected);
  });
});

describe('leap day', () => {
  const corpus = makeCorpus([makeDocument('leap', { title: 'Leap talks', eventDate: '2024-02-29' })]);

  it.each([
    // docId, flagged as leap day, marked nearby
    ['2027-02-28T00:00:00Z', '2027-02-28', [['leap', true, false]]],
    // A leap year's 28 February is an ordinary day: 29 February is tomorrow, so it is only "nearby".
    ['2028-02-28T00:00:00Z', '2028-02-28', [['leap', undefined, true]]],
    ['2028-02-29T00:00:00Z', '2028-02-29', [['leap', undefined, false]]],
  ])('from %s', async (start, localDate, expected) => {
    const h = harness({ start, corpus });
    await h.subscribe({ channel: 'C1', time: '09:00', timezone: 'UTC', postEmpty: true });
    await h.tickUntil(`${localDate}T09:00:00Z`, 30);
    const reply = h.slack.posts[0]?.reply;
    const items = (reply?.blocks ?? []).filter((b) => b.kind === 'result');
    const leapFlags = items.map((b) => [
      b.kind === 'result' ? b.citation.docId : '',
      b.kind === 'result' && b.fields?.some((f) => f.label === 'Leap day') ? true : undefined,
      b.kind === 'result' && (b.fields ?? []).some((f) => f.label === 'Nearby'),
    ]);
    expect(leapFlags).toEqual(expected);
    if (expected[0]?.[1]) {
      expect(reply?.blocks.some((b) => b.kind === 'note' && b.text.includes('has no 29 February'))).toBe(true);
    }
  });
});

describe('restarts', () => {
  it('posts a slot missed while down when it comes back within the grace period', async () => {
    const url = tempUrl();
    const clock = new FakeClock('2026-04-24T00:00:00Z');
    const before = makeHarness({ start: '', url, clock });
    await before.subscribe({ channel: 'C1', time: '09:00', timezone: 'Asia/Almaty' });
    await before.tickUntil('2026-04-24T03:00:00Z', 10);
    before.close();
    // Down from 03:00 to 09:30 UTC: the 04:00 slot is 5.5 hours late.
    clock.set('2026-04-24T09:30:00Z');
    const after = harness({ start: '', url, clock, slack: before.slack, owner: 'p2' });
    expect(acted(await after.run())).toEqual(['slack:T1:C1:2026-04-24 posted']);
    expect(acted(await after.run())).toEqual([]);
    expect(after.slack.posts).toHaveLength(1);
  });

  it('records a slot missed beyond the grace period as skipped_late, with the reason, and carries on the next day', async () => {
    const url = tempUrl();
    const clock = new FakeClock('2026-04-24T00:00:00Z');
    const before = makeHarness({ start: '', url, clock });
    await before.subscribe({ channel: 'C1', time: '09:00', timezone: 'Asia/Almaty' });
    await before.run();
    before.close();
    clock.set('2026-04-24T10:30:00Z');
    const after = harness({ start: '', url, clock, slack: before.slack, owner: 'p2' });
    expect(acted(await after.run())).toEqual(['slack:T1:C1:2026-04-24 skipped_late']);
    expect((await after.store.getSlot('slack:T1:C1:2026-04-24'))?.reason).toBe(
      'missed: due 2026-04-24 09:00 UTC+05:00 (2026-04-24T04:00:00.000Z) but not attempted until 2026-04-24T10:30:00.000Z, after the 6h grace period (was the bot down?)',
    );
    await after.tickUntil('2026-04-25T04:00:00Z', 30);
    expect(after.slack.posts.map((p) => p.slotKey)).toEqual(['slack:T1:C1:2026-04-25']);
  });
});

describe('a crash between the platform and the ledger', () => {
  it('finds the earlier post by its slot key and does not post again (error after success)', async () => {
    const url = tempUrl();
    const clock = new FakeClock('2026-04-24T03:59:00Z');
    const slack = new FakePoster('slack', { clock });
    const first = harness({ start: '', url, clock, slack, owner: 'p1' });
    await first.subscribe({ channel: 'C1', time: '09:00', timezone: 'Asia/Almaty' });
    slack.failNext({ kind: 'crash_after_post' });
    clock.set('2026-04-24T04:00:00Z');
    expect(acted(await first.run())).toEqual(['slack:T1:C1:2026-04-24 retry_later']);
    expect(slack.posts).toHaveLength(1);
    // A fresh process on the same file, a few minutes later.
    clock.advance(5 * MIN);
    const second = harness({ start: '', url, clock, slack, owner: 'p2' });
    expect(acted(await second.run())).toEqual(['slack:T1:C1:2026-04-24 recovered']);
    expect(slack.posts).toHaveLength(1);
    expect(slack.findCalls).toEqual(['slack:T1:C1:2026-04-24']);
    // The search starts at the first claim (from the ledger), not at this claim: the post is older than this one.
    expect(slack.findSince).toEqual(['2026-04-24T04:00:00.000Z']);
    expect(await second.store.getSlot('slack:T1:C1:2026-04-24')).toMatchObject({ state: 'posted', messageId: 'm1', attempts: 2 });
  });

  it('takes over a claim whose holder died after posting, once its lease has run out', async () => {
    const h = harness({ start: '2026-04-24T04:00:00Z' });
    await h.subscribe({ channel: 'C1', time: '09:00', timezone: 'Asia/Almaty' });
    const key = slotKey(C1, '2026-04-24');
    // The dead process claimed, marked the request as going out, posted, and died before recording anything.
    const dead = await h.store.claimSlot(C1, '2026-04-24', 'dead', 5 * MIN);
    await h.store.renewLease(key, dead!.token, 5 * MIN, { sending: true });
    await h.slack.post(C1, { visibility: 'public', blocks: [], buttons: [], fallback: '' }, key);
    h.clock.advance(MIN);
    expect(acted(await h.run({ owner: 'p2' }))).toEqual([`${key} held_elsewhere`]);
    h.clock.advance(4 * MIN);
    expect(acted(await h.run({ owner: 'p2' }))).toEqual([`${key} recovered`]);
    expect(h.slack.posts).toHaveLength(1);
  });

  it('posts without searching after a holder that died before sending anything: the ledger says it is certain', async () => {
    const h = harness({ start: '2026-04-24T04:00:00Z' });
    await h.subscribe({ channel: 'C1', time: '09:00', timezone: 'Asia/Almaty' });
    const key = slotKey(C1, '2026-04-24');
    await h.store.claimSlot(C1, '2026-04-24', 'dead', 5 * MIN);
    h.clock.advance(5 * MIN);
    expect(acted(await h.run({ owner: 'p2' }))).toEqual([`${key} posted`]);
    expect(h.slack.findCalls).toEqual([]);
    expect(h.slack.posts).toHaveLength(1);
  });

  it('checks the channel before retrying a post that timed out after the platform took it', async () => {
    const h = harness({ start: '2026-04-24T04:00:00Z' });
    await h.subscribe({ channel: 'C1', time: '09:00', timezone: 'Asia/Almaty' });
    h.slack.failNext({ kind: 'timeout_after_post' });
    expect(acted(await h.run())).toEqual(['slack:T1:C1:2026-04-24 recovered']);
    expect(h.slack.posts).toHaveLength(1);
    expect(h.slack.calls.map((c) => c.result)).toEqual(['timeout_after_post']);
  });
});

describe('duplicate runs', () => {
  it('posts once when cron fires twice at the same time in one process', async () => {
    const h = harness({ start: '2026-04-24T04:00:00Z' });
    await h.subscribe({ channel: 'C1', time: '09:00', timezone: 'Asia/Almaty' });
    await h.subscribe({ channel: 'C2', time: '09:00', timezone: 'Asia/Almaty' });
    const [a, b] = await Promise.all([h.run(), h.run()]);
    expect(h.slack.posts.map((p) => p.slotKey).sort()).toEqual(['slack:T1:C1:2026-04-24', 'slack:T1:C2:2026-04-24']);
    const lines = [...a!.slots, ...b!.slots].map((slot) => `${slot.key} ${slot.outcome}`);
    expect(lines.filter((line) => line.endsWith(' posted')).sort()).toEqual([
      'slack:T1:C1:2026-04-24 posted',
      'slack:T1:C2:2026-04-24 posted',
    ]);
    // The other run found each slot held or already done, or (once the first stored the next due times) nothing due.
    expect(lines.filter((line) => !/ (posted|held_elsewhere|already_done)$/.test(line))).toEqual([]);
  });

  it('posts once when `digest run --date` runs twice in a row', async () => {
    const h = harness({ start: '2026-11-23T12:00:00Z' });
    await h.subscribe({ channel: 'C1', time: '09:00', timezone: 'Asia/Almaty' });
    const first = await h.run({ forDate: '2026-04-24' });
    const second = await h.run({ forDate: '2026-04-24' });
    expect(first.slots.map((s) => s.outcome)).toEqual(['posted']);
    expect(second.slots.map((s) => [s.outcome, s.state, s.messageId])).toEqual([['already_done', 'posted', 'm1']]);
    expect(h.slack.posts.map((p) => p.slotKey)).toEqual(['slack:T1:C1:2026-04-24']);
  });

  it('shares one SQLite file between two processes: every slot posted exactly once', async () => {
    const url = tempUrl();
    const clock = new FakeClock('2026-04-23T00:00:00Z');
    const platform = new FakePoster('slack', { clock });
    const one = harness({ start: '', url, clock, slack: platform, owner: 'host-a:1' });
    const two = harness({ start: '', url, clock, slack: platform, owner: 'host-b:2' });
    const zones = ['Asia/Almaty', 'Europe/London', 'America/New_York', 'Pacific/Auckland', 'UTC'];
    for (const [i, timezone] of zones.entries()) await one.subscribe({ channel: `C${i}`, time: '09:00', timezone, postEmpty: true });
    platform.failNext({ kind: 'server_error' }, { kind: 'rate_limited', retryAfterMs: 20_000 });
    while (clock.now() < new Date('2026-04-25T00:00:00Z')) {
      await Promise.all([one.run(), two.run()]);
      clock.advance(5 * MIN);
    }
    const keys = platform.posts.map((p) => p.slotKey);
    expect(new Set(keys).size).toBe(keys.length);
    // Two local dates each: Auckland's are 24 and 25 April (21:00 UTC the day before), everyone else's 23 and 24.
    expect(keys).toHaveLength(zones.length * 2);
    expect((await one.store.listSlots()).every((slot) => slot.state === 'posted')).toBe(true);
  });
});

describe('platform failures', () => {
  it('waits as told by a 429 and posts once', async () => {
    const h = harness({ start: '2026-04-24T04:00:00Z' });
    await h.subscribe({ channel: 'C1', time: '09:00', timezone: 'Asia/Almaty' });
    h.slack.failNext({ kind: 'rate_limited', retryAfterMs: 30_000 });
    expect(acted(await h.run())).toEqual(['slack:T1:C1:2026-04-24 posted']);
    expect(h.clock.sleeps).toEqual([30_000]);
    expect(h.slack.calls.map((c) => c.result)).toEqual(['rate_limited', 'ok']);
    // A 429 is a refusal: nothing to look for before the retry.
    expect(h.slack.findCalls).toEqual([]);
    expect(h.slack.posts[0]?.at).toBe('2026-04-24T04:00:30.000Z');
  });

  it('hands a long Retry-After back to a later tick instead of outliving its lease', async () => {
    const h = harness({ start: '2026-04-24T04:00:00Z' });
    await h.subscribe({ channel: 'C1', time: '09:00', timezone: 'Asia/Almaty' });
    h.slack.failNext({ kind: 'rate_limited', retryAfterMs: 10 * MIN });
    const summaries = await h.tickUntil('2026-04-24T04:15:00Z', 1);
    expect(acted(summaries).filter((line) => !line.endsWith('held_elsewhere'))).toEqual([
      'slack:T1:C1:2026-04-24 retry_later',
      'slack:T1:C1:2026-04-24 posted',
    ]);
    expect(h.clock.sleeps).toEqual([]);
    expect(h.slack.posts[0]?.at).toBe('2026-04-24T04:10:00.000Z');
  });

  it('backs off on 5xx and timeouts, checking the channel before each retry', async () => {
    const h = harness({ start: '2026-04-24T04:00:00Z' });
    await h.subscribe({ channel: 'C1', time: '09:00', timezone: 'Asia/Almaty' });
    h.slack.failNext({ kind: 'server_error' }, { kind: 'timeout' });
    expect(acted(await h.run())).toEqual(['slack:T1:C1:2026-04-24 posted']);
    expect(h.clock.sleeps).toEqual([2_000, 4_000]);
    expect(h.slack.findCalls).toHaveLength(2);
    expect(h.slack.posts).toHaveLength(1);
  });

  it('gives up with a recorded reason when the platform stays down past the grace period', async () => {
    const h = harness({ start: '2026-04-24T04:00:00Z' });
    await h.subscribe({ channel: 'C1', time: '09:00', timezone: 'Asia/Almaty' });
    h.slack.failNext(...Array.from({ length: 2000 }, () => ({ kind: 'server_error' as const })));
    await h.tickUntil('2026-04-24T10:30:00Z', 1);
    const slot = await h.store.getSlot('slack:T1:C1:2026-04-24');
    expect(slot?.state).toBe('failed');
    expect(slot?.reason).toMatch(/^gave up after \d+ attempts within the grace period; last error: http_503$/);
    expect(h.slack.posts).toEqual([]);
  });

  it.each([
    ['channel_not_found', { kind: 'gone', reason: 'channel_not_found' }],
    ['not_in_channel', { kind: 'gone', reason: 'not_in_channel' }],
    ['http_404', { kind: 'gone', reason: 'http_404' }],
  ] as const)('pauses the subscription when the channel is gone (%s) and stops trying', async (reason, failure) => {
    const h = harness({ start: '2026-04-24T04:00:00Z' });
    await h.subscribe({ channel: 'C1', time: '09:00', timezone: 'Asia/Almaty' });
    await h.subscribe({ channel: 'C2', time: '09:00', timezone: 'Asia/Almaty' });
    h.slack.failNext(failure);
    expect(acted(await h.run())).toEqual(['slack:T1:C1:2026-04-24 paused', 'slack:T1:C2:2026-04-24 posted']);
    expect(await h.store.getSubscription(C1)).toMatchObject({ status: 'paused', pausedReason: reason });
    expect(await h.store.getSlot('slack:T1:C1:2026-04-24')).toMatchObject({ state: 'paused' });
    await h.tickUntil('2026-04-26T12:00:00Z', 60);
    expect(h.slack.calls.filter((c) => c.slotKey.startsWith('slack:T1:C1:'))).toHaveLength(1);
  });

  it('records a refused post as failed without retrying', async () => {
    const h = harness({ start: '2026-04-24T04:00:00Z' });
    await h.subscribe({ channel: 'C1', time: '09:00', timezone: 'Asia/Almaty' });
    h.slack.failNext({ kind: 'fatal', reason: 'invalid_blocks' });
    expect(acted(await h.run())).toEqual(['slack:T1:C1:2026-04-24 failed']);
    expect(acted(await h.run())).toEqual([]);
    expect((await h.store.getSlot('slack:T1:C1:2026-04-24'))?.reason).toBe('the platform refused the post (invalid_blocks)');
  });

  it('leaves subscriptions of a platform this process cannot post to alone', async () => {
    const clock = new FakeClock('2026-04-24T04:00:00Z');
    const store = openSqliteStore(':memory:', clock);
    cleanups.push(() => store.close());
    await store.upsertSubscription({
      platform: 'discord',
      workspace: 'G1',
      channel: 'D1',
      time: '09:00',
      timezone: 'Asia/Almaty',
      postEmpty: false,
    });
    const summary = await runDigests({
      store,
      posters: [new FakePoster('slack')],
      corpus: seedLikeCorpus,
      clock,
      owner: 'p1',
      sleep: clock.sleep,
    });
    // Not even read: it stays due for a process connected to Discord.
    expect(summary.slots).toEqual([]);
    expect(await store.listSlots()).toEqual([]);
    expect((await store.listDueSubscriptions({ dueBy: clock.now(), limit: 10 })).map((s) => s.channel)).toEqual(['D1']);
    const served = await runDigests({
      store,
      posters: [new FakePoster('discord')],
      corpus: seedLikeCorpus,
      clock,
      owner: 'p2',
      sleep: clock.sleep,
    });
    expect(served.slots.map((s) => s.outcome)).toEqual(['posted']);
  });
});

describe('grace period option', () => {
  it('respects a shorter grace', async () => {
    const h = harness({ start: '2026-04-24T00:00:00Z' });
    await h.subscribe({ channel: 'C1', time: '09:00', timezone: 'Asia/Almaty' });
    h.clock.set('2026-04-24T05:01:00Z');
    expect(acted(await h.run({ graceMs: HOUR }))).toEqual(['slack:T1:C1:2026-04-24 skipped_late']);
  });
});
