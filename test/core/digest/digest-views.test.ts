import { describe, expect, it } from 'vitest';
import { onThisDay } from '../../../src/core/calendar/index.js';
import { buildDigestReply, describeSubscription, previewDigest, runDigests } from '../../../src/core/digest/index.js';
import type { Subscription } from '../../../src/core/store/index.js';
import { UserError } from '../../../src/core/user-error.js';
import { openSqliteStore } from '../../../src/store/sqlite/open-sqlite-store.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { FakePoster } from '../../fakes/fake-poster.js';
import { makeCorpus, seedLikeCorpus } from '../calendar/corpus-fixture.js';

const sub = (overrides: Partial<Subscription> = {}): Subscription => ({
  nextDueAt: null,
  platform: 'slack',
  workspace: 'T1',
  channel: 'C1',
  time: '09:00',
  timezone: 'Asia/Almaty',
  status: 'active',
  pausedReason: null,
  postEmpty: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  scheduleSince: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

describe('buildDigestReply', () => {
  it('renders a day with an item', () => {
    const reply = buildDigestReply(onThisDay(seedLikeCorpus, { date: '2026-04-24' }), '2026-04-24');
    expect(reply).toMatchInlineSnapshot(`
      {
        "blocks": [
          {
            "kind": "heading",
            "text": "On this day, 24 April 2026",
          },
          {
            "body": [
              {
                "text": "The two sides held talks on cooperation, according to readout 000_kenya.",
              },
            ],
            "citation": {
              "date": "2025-04-24",
              "docId": "000_kenya",
              "paragraph": 0,
              "place": "Beijing",
              "source": "Xinhua",
              "title": "Xi holds talks with Ruto",
            },
            "fields": [
              {
                "label": "When",
                "value": "24 April 2025 · 1 year ago",
              },
              {
                "label": "Where",
                "value": "Beijing",
              },
            ],
            "kind": "result",
            "title": "Xi holds talks with Ruto",
          },
        ],
        "buttons": [],
        "fallback": "On this day, 24 April 2026: Xi holds talks with Ruto",
        "visibility": "public",
      }
    `);
  });

  it.each([
    [false, undefined],
    [true, 'On this day, 1 September 2026: Nothing in the readouts happened on this day in earlier years.'],
  ])('on an empty day with postEmpty %s', (postEmpty, fallback) => {
    const reply = buildDigestReply(onThisDay(makeCorpus([]), { date: '2026-09-01' }), '2026-09-01', { postEmpty });
    expect(reply?.fallback).toBe(fallback);
  });
});

describe('previewDigest', () => {
  it.each([
    // 23:30 UTC on 23 April is 24 April in Almaty: the Kenya readout; still 23 April in New York: only nearby.
    ['Asia/Almaty', 'On this day, 24 April 2026: Xi holds talks with Ruto'],
    ['America/New_York', 'On this day, 23 April 2026: nothing on the day; 1 nearby'],
  ])('shows the channel its own today (%s), privately', (timezone, fallback) => {
    const reply = previewDigest(seedLikeCorpus, { timezone, clock: new FakeClock('2026-04-23T23:30:00Z') });
    expect(reply.visibility).toBe('ephemeral');
    expect(reply.fallback).toBe(fallback);
  });

  it('shows the "nothing" line on an empty day rather than nothing', () => {
    const reply = previewDigest(makeCorpus([]), { timezone: 'UTC', clock: new FakeClock('2026-09-01T12:00:00Z') });
    expect(reply.fallback).toMatch(/Nothing in the readouts happened on this day/);
  });
});

describe('describeSubscription', () => {
  it.each([
    [sub(), 'active', null, { localDate: '2026-04-25', local: '2026-04-25 09:00 UTC+05:00', utc: '2026-04-25T04:00:00.000Z' }],
    [
      sub({ status: 'paused', pausedReason: 'channel_not_found' }),
      'paused',
      'Paused: the channel no longer exists (channel_not_found). Subscribe again from a channel that exists.',
      null,
    ],
    [
      sub({ status: 'paused', pausedReason: 'not_in_channel' }),
      'paused',
      'Paused: the bot was removed from the channel or may not post there (not_in_channel). Invite it back, then resume the digest.',
      null,
    ],
    [sub({ status: 'paused' }), 'paused', 'Paused.', null],
  ])('describes %#', (subscription, status, pausedMessage, nextRun) => {
    expect(describeSubscription(subscription, new Date('2026-04-24T12:00:00Z'))).toMatchObject({ status, pausedMessage, nextRun });
  });
});

describe('runDigests input', () => {
  it('refuses an impossible --date with a clear user error', async () => {
    const clock = new FakeClock('2026-04-24T12:00:00Z');
    const store = openSqliteStore(':memory:', clock);
    const run = runDigests({ store, posters: [new FakePoster()], corpus: seedLikeCorpus, clock, owner: 'p1', forDate: '2023-02-30' });
    await expect(run).rejects.toThrow(UserError);
    await expect(run).rejects.toThrow(/February 2023 has 28 days/);
    store.close();
  });

  it('reports a subscription whose zone cannot be read instead of failing the run', async () => {
    const clock = new FakeClock('2026-04-24T12:00:00Z');
    const store = openSqliteStore(':memory:', clock);
    await store.upsertSubscription({
      platform: 'slack',
      workspace: 'T1',
      channel: 'BAD',
      time: '09:00',
      timezone: 'Mars/Base',
      postEmpty: false,
    });
    await store.upsertSubscription({ platform: 'slack', workspace: 'T1', channel: 'C1', time: '09:00', timezone: 'UTC', postEmpty: true });
    clock.set('2026-04-25T09:00:00Z');
    const poster = new FakePoster();
    const summary = await runDigests({ store, posters: [poster], corpus: seedLikeCorpus, clock, owner: 'p1' });
    expect(summary.slots.map((s) => `${s.channel} ${s.outcome}`)).toEqual(['BAD invalid_subscription', 'C1 posted']);
    expect(summary.slots[0]?.reason).toBe(
      'cannot read the time “09:00” or the time zone “Mars/Base”: looked at again once a day until the subscription is fixed',
    );
    // Settled for a day: the next wake-ups do not read it again, the one a day later does.
    clock.advanceMinutes(1);
    expect((await runDigests({ store, posters: [poster], corpus: seedLikeCorpus, clock, owner: 'p1' })).slots).toEqual([]);
    clock.set('2026-04-26T09:01:00Z');
    expect(
      (await runDigests({ store, posters: [poster], corpus: seedLikeCorpus, clock, owner: 'p1' })).slots.map(
        (s) => `${s.channel} ${s.outcome}`,
      ),
    ).toEqual(['BAD invalid_subscription', 'C1 posted']);
    store.close();
  });
});
