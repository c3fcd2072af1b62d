import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { followSlotDate } from '../../../src/core/follow/announce-document.js';
import { type SweepAnnouncementsOptions, sweepAnnouncements } from '../../../src/core/follow/sweep-announcements.js';
import { readGazetteer } from '../../../src/core/names/load-gazetteer.js';
import type { DocumentInput } from '../../../src/core/store/corpus-store-types.js';
import { slotKey } from '../../../src/core/store/slot-key.js';
import type { Store } from '../../../src/core/store/store-types.js';
import { openStore } from '../../../src/store/index.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { FakePoster } from '../../fakes/fake-poster.js';

const { gazetteer } = readGazetteer(join(resolve(import.meta.dirname, '../../..'), 'seeds'));
const RUTO = { platform: 'slack', workspace: 'T1', channel: 'CRUTO' } as const;
const ALL = { platform: 'slack', workspace: 'T1', channel: 'CALL' } as const;
const DISCORD = { platform: 'discord', workspace: 'G1', channel: 'D1' } as const;
const MIN = 60_000;
const HOUR = 60 * MIN;

const readout = (n: number, extra: Partial<DocumentInput> = {}): DocumentInput => ({
  id: `web-${String(n).padStart(12, '0')}`,
  text: [
    `Xi Jinping holds talks with Kenyan President William Ruto (${n})`,
    'BEIJING, April 24, 2025 -- Chinese President Xi Jinping held talks with Kenyan President William Ruto in Beijing on Thursday.',
    `Ruto said Kenya values its partnership with China (${n}).`,
  ].join('\n\n'),
  sidecar: { title: `Xi Jinping holds talks with William Ruto (${n})`, publishedDate: '2025-04-24' },
  sourceUrl: `https://readouts.example/ruto-${n}`,
  canonicalUrl: `https://readouts.example/ruto-${n}`,
  contentHash: `hash-${n}`.padEnd(64, '0'),
  addedBy: 'slack:U1',
  ...extra,
});

let clock: FakeClock;
let store: Store;
let slack: FakePoster;

beforeEach(async () => {
  clock = new FakeClock('2026-04-24T06:00:00Z');
  store = await openStore('sqlite::memory:', { clock });
  slack = new FakePoster('slack');
});
afterEach(() => store.close());

function options(extra: Partial<SweepAnnouncementsOptions> = {}): SweepAnnouncementsOptions {
  return {
    store,
    posters: [slack],
    clock,
    owner: 'replica-a',
    gazetteer: () => gazetteer,
    random: () => 0.5,
    sleep: async (ms) => clock.advance(ms),
    ...extra,
  };
}

const keyOf = (ref: typeof RUTO | typeof ALL | typeof DISCORD, n: number) => slotKey(ref, followSlotDate(readout(n).id));

describe('the announcement sweep', () => {
  it('posts a document added by anyone to each matching follow made before it, once, and closes its announcement', async () => {
    await store.upsertFollow({ ...RUTO, filter: 'person:ruto', createdBy: 'U1' });
    await store.upsertFollow({ ...DISCORD, filter: 'country:kazakhstan', createdBy: 'U2' });
    clock.advance(MIN);
    await store.addDocument(readout(1));
    clock.advance(MIN);
    // Made after the document was added: not told of it.
    await store.upsertFollow({ ...ALL, filter: '', createdBy: 'U3' });

    const [result] = await sweepAnnouncements(options());
    expect(result).toMatchObject({ documentId: readout(1).id, done: true, recorded: true, summary: 'posted 1' });
    expect(slack.posts.map((post) => post.slotKey)).toEqual([keyOf(RUTO, 1)]);
    expect(await store.getAnnouncement(readout(1).id)).toMatchObject({ outcome: 'posted 1', doneAt: clock.now().toISOString() });
    // Nothing is left for the next sweep of any replica.
    expect(await sweepAnnouncements(options({ owner: 'replica-b' }))).toEqual([]);
    expect(slack.posts).toHaveLength(1);
  });

  it('keeps an announcement open while a channel waits on a 429 beyond the inline retries, and posts it at a later sweep', async () => {
    await store.upsertFollow({ ...RUTO, filter: 'person:ruto', createdBy: 'U1' });
    clock.advance(MIN);
    await store.addDocument(readout(2));
    // Refused with a Retry-After longer than the sweep may wait inline: the slot is handed back, certain, with its retry time.
    slack.failNext({ kind: 'rate_limited', retryAfterMs: 20 * MIN });
    const first = await sweepAnnouncements(options({ maxAttempts: 1 }));
    expect(first.map((r) => [r.done, r.summary])).toEqual([[false, 'retry_later 1']]);
    expect(slack.posts).toHaveLength(0);

    // A minute on, the slot still waits on Retry-After: open, and nothing sent.
    clock.advance(MIN + 1);
    const waiting = await sweepAnnouncements(options());
    expect(waiting.map((r) => [r.done, r.summary])).toEqual([[false, 'held_elsewhere 1']]);
    expect(slack.calls).toHaveLength(1);

    clock.advance(20 * MIN);
    const later = await sweepAnnouncements(options({ owner: 'replica-b' }));
    expect(later.map((r) => [r.done, r.summary])).toEqual([[true, 'posted 1']]);
    expect(slack.posts.map((post) => post.slotKey)).toEqual([keyOf(RUTO, 2)]);
  });

  it('pauses the follow of a channel that is gone, posts nothing more there, and a new follow resumes it', async () => {
    await store.upsertFollow({ ...RUTO, filter: 'person:ruto', createdBy: 'U1' });
    clock.advance(MIN);
    await store.addDocument(readout(3));
    slack.removeChannel(RUTO);
    expect((await sweepAnnouncements(options())).map((r) => [r.done, r.summary])).toEqual([[true, 'paused 1']]);
    expect(await store.getFollow(RUTO)).toMatchObject({ status: 'paused', pausedReason: 'channel_not_found', filter: 'person:ruto' });
    expect((await store.listChanges(RUTO))[0]).toMatchObject({
      action: 'paused',
      actor: 'readout',
      surface: 'follow',
      detail: 'channel_not_found',
    });

    clock.advance(MIN);
    await store.addDocument(readout(4));
    expect((await sweepAnnouncements(options())).map((r) => r.summary)).toEqual(['no following channel']);
    expect(slack.calls).toHaveLength(1);

    // The bot is back in the channel and someone follows again: the next readout reaches it.
    slack = new FakePoster('slack');
    await store.upsertFollow({ ...RUTO, filter: 'person:ruto', createdBy: 'U1' });
    clock.advance(MIN);
    await store.addDocument(readout(5));
    expect((await sweepAnnouncements(options())).map((r) => r.summary)).toEqual(['posted 1']);
    expect(slack.posts.map((post) => post.slotKey)).toEqual([keyOf(RUTO, 5)]);
  });

  it('leaves a channel on a platform this process does not serve to another process until the grace period ends', async () => {
    await store.upsertFollow({ ...DISCORD, filter: '', createdBy: 'U2' });
    clock.advance(MIN);
    await store.addDocument(readout(6));
    expect((await sweepAnnouncements(options())).map((r) => [r.done, r.summary])).toEqual([[false, 'no_poster 1']]);
    // A process serving Discord takes it at its next sweep.
    clock.advance(MIN);
    const discord = new FakePoster('discord');
    expect((await sweepAnnouncements(options({ posters: [discord], owner: 'replica-d' }))).map((r) => r.summary)).toEqual(['posted 1']);
    expect(discord.posts.map((post) => post.slotKey)).toEqual([keyOf(DISCORD, 6)]);

    // With nobody serving Discord, the announcement closes once the grace period is over, saying why.
    clock.advance(MIN);
    await store.addDocument(readout(7));
    expect((await sweepAnnouncements(options({ graceMs: HOUR }))).map((r) => r.done)).toEqual([false]);
    clock.advance(HOUR + MIN);
    expect((await sweepAnnouncements(options({ graceMs: HOUR }))).map((r) => [r.done, r.summary])).toEqual([[true, 'no_poster 1']]);
  });

  it('records a post that comes too late as skipped_late rather than sending a stale "new" readout', async () => {
    await store.upsertFollow({ ...RUTO, filter: 'person:ruto', createdBy: 'U1' });
    clock.advance(MIN);
    await store.addDocument(readout(8));
    // No process ran for a day: the document is no longer news.
    clock.advance(24 * HOUR);
    expect((await sweepAnnouncements(options({ graceMs: 6 * HOUR }))).map((r) => r.summary)).toEqual(['skipped_late 1']);
    expect(slack.posts).toHaveLength(0);
  });

  it('does not announce a document added with announce: false, and hands an announcement straight back when stopping', async () => {
    await store.upsertFollow({ ...RUTO, filter: '', createdBy: 'U1' });
    clock.advance(MIN);
    await store.addDocument(readout(9, { announce: false }));
    await store.addDocument(readout(10));
    const stopping = await sweepAnnouncements({ ...options(), shouldStop: () => true });
    expect(stopping.map((r) => [r.documentId, r.done, r.summary])).toEqual([[readout(10).id, false, 'stopped']]);
    expect(slack.calls).toHaveLength(0);
    // Handed back at once, not held for the lease: the next sweep (any replica) posts it.
    expect((await sweepAnnouncements(options({ owner: 'replica-b' }))).map((r) => r.summary)).toEqual(['posted 1']);
    expect(slack.posts.map((post) => post.slotKey)).toEqual([keyOf(RUTO, 10)]);
  });
});
