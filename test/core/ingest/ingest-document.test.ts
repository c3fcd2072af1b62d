import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IngestOptions, ingestDocument } from '../../../src/core/ingest/ingest-document.js';
import { readGazetteer } from '../../../src/core/names/load-gazetteer.js';
import type { Store } from '../../../src/core/store/store-types.js';
import { openStore } from '../../../src/store/index.js';
import { type Route, serve, startFixtureServer } from '../../fakes/fixture-server.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/ingest');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const { gazetteer } = readGazetteer(resolve(import.meta.dirname, '../../../seeds'));

const redirect =
  (to: string): Route =>
  (_request, response) => {
    response.writeHead(302, { location: to }).end();
  };
const routes = new Map<string, Route>([
  ['/article', serve('text/html; charset=utf-8', fixture('article.html'))],
  ['/mirror', serve('text/html', fixture('syndicated.html'))],
  ['/index', serve('text/html', fixture('index.html'))],
  ['/report.pdf', serve('application/pdf', '%PDF-1.7 ...')],
  ['/huge', serve('text/html', `<html><body><p>${'word '.repeat(1_300_000)}</p></body></html>`)],
  [
    '/huge-declared',
    (_q, response) => response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) }).end(),
  ],
  ['/silent', () => {}],
  ['/r1', redirect('/r2')],
  ['/r2', redirect('/article')],
  ...Array.from({ length: 7 }, (_, i) => [`/loop${i}`, redirect(`/loop${i + 1}`)] as [string, Route]),
]);

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let dir: string;
let closedPort: number;
beforeAll(async () => {
  server = await startFixtureServer(routes);
  dir = mkdtempSync(join(tmpdir(), 'readout-ingest-'));
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise<void>((done) => probe.close(() => done()));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

let opened = 0;
async function freshStore(): Promise<Store> {
  return openStore(`sqlite:${join(dir, `store-${opened++}.db`)}`);
}
const options = (store: Store, extra: Partial<IngestOptions> = {}): IngestOptions => ({
  store,
  gazetteer,
  allowPrivate: true,
  addedBy: 'cli:test',
  ...extra,
});

describe('ingesting a readout from a link', () => {
  it('keeps the article without the page around it, with its title, dates, place, source and canonical URL', async () => {
    const store = await freshStore();
    const outcome = await ingestDocument({ kind: 'url', url: server.url('/article') }, options(store));
    expect(outcome.kind).toBe('added');
    expect(outcome.message).toBe(
      "Added 'Xi Jinping holds talks with Kenyan President William Ruto', 2025-04-24, Beijing, 4 quotes by Xi Jinping and William Ruto.",
    );
    const [stored] = await store.listDocuments();
    expect(stored).toMatchObject({
      canonicalUrl: 'https://english.news.cn/20250424/lighthouse/c.html',
      sourceUrl: server.url('/article'),
      addedBy: 'cli:test',
      sidecar: {
        title: 'Xi Jinping holds talks with Kenyan President William Ruto',
        publishedDate: '2025-04-24',
        eventDate: '2025-04-24',
        source: 'Xinhua',
      },
    });
    expect(stored?.text.startsWith('BEIJING, April 24 (Xinhua) -- Chinese President Xi Jinping held talks')).toBe(true);
    for (const chrome of ['cookies', 'Accept all', 'Home', 'SHARES', 'Share on', 'Related', 'Copyright', 'Markets close'])
      expect(stored?.text).not.toContain(chrome);
    expect(stored?.text.split('\n\n')).toHaveLength(6);
    await store.close();
  });

  it('adds a readout once: the same link again, a redirect to it, and the same text syndicated elsewhere are recognised', async () => {
    const store = await freshStore();
    expect((await ingestDocument({ kind: 'url', url: server.url('/r1') }, options(store))).kind).toBe('added');
    const again = await ingestDocument({ kind: 'url', url: server.url('/article') }, options(store));
    expect(again).toMatchObject({ kind: 'duplicate', match: 'canonical_url' });
    expect(again.message).toMatch(
      /^Already in the corpus: 'Xi Jinping holds talks with Kenyan President William Ruto' \(web-[0-9a-f]{12}\) has the same address\.$/,
    );
    const mirror = await ingestDocument({ kind: 'url', url: server.url('/mirror') }, options(store));
    expect(mirror).toMatchObject({ kind: 'duplicate', match: 'content_hash' });
    expect(await store.listDocuments()).toHaveLength(1);
    await store.close();
  });

  it.each([
    [
      'a loopback address while private ones are refused',
      '/article',
      { allowPrivate: false },
      'private',
      /127\.0\.0\.1:\d+ is a loopback or private address/,
    ],
    ['a page with no article on it', '/index', {}, 'not_article', /No article text was found/],
    ['a PDF', '/report.pdf', {}, 'wrong_type', /serves application\/pdf, not a web page/],
    ['a page over the size cap', '/huge', {}, 'too_large', /larger than 5 MB/],
    ['a page declared over the size cap', '/huge-declared', {}, 'too_large', /larger than 5 MB/],
    ['a missing page', '/missing', {}, 'http_error', /answered HTTP 404/],
    ['more than five redirects', '/loop0', {}, 'redirects', /redirects more than 5 times/],
    ['a server that never answers', '/silent', { timeoutMs: 300 }, 'unreachable', /no answer within 0 s|could not be reached/],
  ])('refuses %s and says why, adding nothing', async (_name, path, extra, code, message) => {
    const store = await freshStore();
    const outcome = await ingestDocument({ kind: 'url', url: server.url(path) }, options(store, extra));
    expect(outcome).toMatchObject({ kind: 'refused', code });
    expect(outcome.message).toMatch(message);
    expect(await store.listDocuments()).toEqual([]);
    await store.close();
  });

  it.each([
    ['a name that resolves to loopback', () => `http://localhost:${closedPort}/x`, 'private'],
    ['a closed port', () => `http://127.0.0.1:${closedPort}/x`, 'unreachable'],
    ['an address that is not http', () => 'ftp://127.0.0.1/x', 'bad_url'],
    ['words that are not an address', () => 'not a url', 'bad_url'],
  ])('refuses %s', async (_name, url, code) => {
    const store = await freshStore();
    const outcome = await ingestDocument({ kind: 'url', url: url() }, options(store, { allowPrivate: code !== 'private' }));
    expect(outcome).toMatchObject({ kind: 'refused', code });
    await store.close();
  });

  it('adds plain text and HTML given directly (a file or stdin), parsing the text like a seed', async () => {
    const store = await freshStore();
    const text =
      'ASTANA, July 2 (Xinhua) -- Xi Jinping met Kassym-Jomart Tokayev in Astana on Tuesday, 2 July 2024.\n\nXi said the two countries are permanent comprehensive strategic partners.';
    const plain = await ingestDocument({ kind: 'text', text }, options(store));
    expect(plain).toMatchObject({
      kind: 'added',
      parsed: { eventDate: '2024-07-02', place: 'Astana', people: ['Xi Jinping', 'Kassym-Jomart Tokayev'] },
    });
    const html = await ingestDocument({ kind: 'text', text: fixture('article.html') }, options(store));
    expect(html).toMatchObject({
      kind: 'added',
      document: { canonicalUrl: 'https://english.news.cn/20250424/lighthouse/c.html', sourceUrl: null },
    });
    expect(await ingestDocument({ kind: 'text', text: fixture('index.html') }, options(store))).toMatchObject({
      kind: 'refused',
      code: 'not_article',
    });
    await store.close();
  });
});
