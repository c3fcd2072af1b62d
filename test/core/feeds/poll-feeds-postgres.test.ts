import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pollDueFeeds } from '../../../src/core/feeds/poll-feeds.js';
import { silentLogger } from '../../../src/core/logger.js';
import { readGazetteer } from '../../../src/core/names/load-gazetteer.js';
import { openStore } from '../../../src/store/index.js';
import { serve, startFixtureServer } from '../../fakes/fixture-server.js';
import { dropSchema, freshSchemaName, POSTGRES_TEST_URL, urlWithSchema } from '../../store/postgres-test-database.js';

const ROOT = resolve(import.meta.dirname, '../../..');

describe.skipIf(!POSTGRES_TEST_URL)('feeds on Postgres', () => {
  it('lets exactly one of two replicas poll a due feed, and adds its new item once', async () => {
    const schema = freshSchemaName();
    const rss = readFileSync(join(ROOT, 'test/fixtures/feeds/rss-new-item.xml'), 'utf8');
    let base = '';
    const server = await startFixtureServer(
      new Map([
        ['/rss', (request, response) => serve('application/rss+xml', rss.replaceAll('{{BASE}}', base))(request, response)],
        ['/astana', serve('text/html', readFileSync(join(ROOT, 'test/fixtures/ingest/astana.html'), 'utf8'))],
        ['/readout', serve('text/html', readFileSync(join(ROOT, 'test/fixtures/ingest/article.html'), 'utf8'))],
        ['/older', serve('text/html', readFileSync(join(ROOT, 'test/fixtures/ingest/syndicated.html'), 'utf8'))],
      ]),
    );
    base = server.url('').replace(/\/$/, '');
    const a = await openStore(urlWithSchema(schema));
    const b = await openStore(urlWithSchema(schema));
    try {
      await a.addFeed({ url: server.url('/rss'), addedBy: 'cli:test', backfill: 3, nextPollAt: new Date(0) });
      const { gazetteer } = readGazetteer(join(ROOT, 'seeds'));
      const announced: string[] = [];
      const options = (store: typeof a, owner: string) => ({
        store,
        owner,
        clock: { now: () => new Date() },
        allowPrivate: true,
        gazetteer: () => gazetteer,
        logger: silentLogger,
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
    } finally {
      await a.close();
      await b.close();
      await server.close();
      await dropSchema(schema);
    }
  });
});
