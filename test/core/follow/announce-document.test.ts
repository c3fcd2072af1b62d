import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { announceDocument, followSlotDate } from '../../../src/core/follow/announce-document.js';
import { readGazetteer } from '../../../src/core/names/load-gazetteer.js';
import type { StoredDocument } from '../../../src/core/store/corpus-store-types.js';
import { slotKey } from '../../../src/core/store/slot-key.js';
import { openStore } from '../../../src/store/index.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { FakePoster } from '../../fakes/fake-poster.js';

const { gazetteer } = readGazetteer(join(resolve(import.meta.dirname, '../../..'), 'seeds'));
const RUTO = { platform: 'slack', workspace: 'T1', channel: 'CRUTO' } as const;
const KZ = { platform: 'slack', workspace: 'T1', channel: 'CKZ' } as const;

const document: StoredDocument = {
  id: 'web-0123456789ab',
  text: [
    'Xi Jinping holds talks with Kenyan President William Ruto',
    'BEIJING, April 24, 2025 -- Chinese President Xi Jinping held talks with Kenyan President William Ruto in Beijing on Thursday.',
    'Ruto said Kenya values its partnership with China.',
  ].join('\n\n'),
  sidecar: { title: 'Xi Jinping holds talks with Kenyan President William Ruto', publishedDate: '2025-04-24' },
  sourceUrl: 'https://readouts.example/ruto',
  canonicalUrl: 'https://readouts.example/ruto',
  contentHash: '0123456789ab'.padEnd(64, '0'),
  addedBy: 'feed:https://readouts.example/rss',
  addedAt: '2025-04-24T13:05:00.000Z',
};

describe('announcing a new readout to the channels that follow it', () => {
  it('posts to the matching follows only, and settles a timed-out post by finding it in the channel, never posting twice', async () => {
    const clock = new FakeClock('2026-04-24T06:00:00Z');
    const store = await openStore('sqlite::memory:', { clock });
    try {
      await store.upsertFollow({ ...RUTO, filter: 'person:ruto', createdBy: 'U1' });
      await store.upsertFollow({ ...KZ, filter: 'country:kazakhstan', createdBy: 'U1' });
      // The platform accepts the post but the answer is lost: the outcome is uncertain, so the channel is searched first.
      const poster = new FakePoster('slack').failNext({ kind: 'timeout_after_post' });
      const deps = {
        store,
        posters: [poster],
        clock,
        owner: 'a',
        gazetteer,
        random: () => 0.5,
        sleep: async (ms: number) => clock.advance(ms),
      };
      const outcomes = await announceDocument(deps, document);
      expect(outcomes.map((o) => [o.channel, o.outcome])).toEqual([['CRUTO', 'recovered']]);
      expect(poster.posts.map((post) => post.ref.channel)).toEqual(['CRUTO']);
      expect(poster.findCalls).toEqual([slotKey(RUTO, followSlotDate(document.id))]);
      expect(await store.getSlot(slotKey(RUTO, followSlotDate(document.id)))).toMatchObject({ state: 'posted', messageId: 'm1' });
      // Told again (a second poll, another replica): the ledger says it is done.
      expect((await announceDocument(deps, document)).map((o) => o.outcome)).toEqual(['already_done']);
      expect(poster.posts).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});
