import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serve, startFixtureServer } from './fixture-server.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const read = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');

/** A fixture server with the feed test/fixtures/feeds/rss-new-item.xml at /rss and the three pages its items link to. */
export async function startNewItemFeedServer(): ReturnType<typeof startFixtureServer> {
  const rss = read('feeds/rss-new-item.xml');
  let base = '';
  const server = await startFixtureServer(
    new Map([
      ['/rss', (request, response) => serve('application/rss+xml', rss.replaceAll('{{BASE}}', base))(request, response)],
      ['/astana', serve('text/html', read('ingest/astana.html'))],
      ['/readout', serve('text/html', read('ingest/article.html'))],
      ['/older', serve('text/html', read('ingest/syndicated.html'))],
    ]),
  );
  base = server.url('').replace(/\/$/, '');
  return server;
}
