import { describe, expect, it, onTestFinished } from 'vitest';
import { pollDueFeeds } from '../../../src/core/feeds/poll-feeds.js';
import { startNewItemFeedServer } from '../../fakes/new-item-feed-server.js';
import { openTwoReplicas } from '../../store/fresh-postgres-schema.js';
import { POSTGRES_TEST_URL } from '../../store/postgres-test-database.js';
import { replicaPollOptions } from './replica-poll-options.js';

describe.skipIf(!POSTGRES_TEST_URL)('feeds on Postgres', () => {
  it('lets exactly one of two replicas poll a due feed, and adds its new item once', async () => {
    const server = await startNewItemFeedServer();
    onTestFinished(() => server.close());
    const [a, b] = await openTwoReplicas();
    await a.addFeed({ url: server.url('/rss'), addedBy: 'cli:test', backfill: 3, nextPollAt: new Date(0) });
    const announced: string[] = [];
    const options = (store: typeof a, owner: string) =>
      replicaPollOptions(store, owner, {
        onAdded: (document: { id: string }) => {
          announced.push(`${owner}:${document.id}`);
        },
      });
    const [fromA, fromB] = await Promise.all([pollDueFeeds(options(a, 'a')), pollDueFeeds(options(b, 'b'))]);
    expect([...fromA, ...fromB]).toEqual([{ url: server.url('/rss'), outcome: 'polled', added: 2, seen: 1 }]);
    expect(server.hits.get('/rss')).toBe(1);
    expect(announced).toHaveLength(2);
    expect(new Set(announced.map((entry) => entry.split(':')[0])).size).toBe(1);
    expect(await a.listDocuments()).toHaveLength(2);
  });
});
