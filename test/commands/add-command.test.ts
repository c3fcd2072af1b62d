import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/commands/command.js';
import { createContext } from '../../src/commands/create-context.js';
import { dispatchPlatform } from '../../src/commands/platform-commands.js';
import { commands } from '../../src/commands/registry.js';
import { onThisDay } from '../../src/core/calendar/on-this-day.js';
import { serve, startFixtureServer } from '../fakes/fixture-server.js';
import { seedServices } from '../fakes/seed-services.js';

const ARTICLE = readFileSync(join(resolve(import.meta.dirname, '../fixtures/ingest'), 'article.html'), 'utf8');
const slack = (user: string) => ({ platform: 'slack' as const, workspace: 'T1', channel: 'C1', user });

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let services: Services;
beforeAll(async () => {
  server = await startFixtureServer(new Map([['/readout', serve('text/html', ARTICLE)]]));
  services = await seedServices();
  services.operators = ['UOPERATOR'];
  services.ingestAllowPrivate = true;
});
afterAll(async () => {
  await server.close();
  await services.store.close();
});

const readout = async (user: string, text: string) =>
  dispatchPlatform(commands, { name: 'readout', text }, await createContext(slack(user), services));

describe('/readout add', () => {
  it('refuses a chat user who is not an operator, fetching nothing', async () => {
    const reply = await readout('USOMEONE', `add ${server.url('/readout')}`);
    expect(reply.isError).toBe(true);
    expect(reply.fallback).toMatch(/Only operators may run `\/readout add`/);
    expect(server.hits.get('/readout')).toBeUndefined();
    expect(await services.store.listDocuments()).toEqual([]);
  });

  it('adds a page for an operator (a Slack-wrapped link too), and lookups, quotes and on-this-day use it at once', async () => {
    const reply = await readout('UOPERATOR', `add <${server.url('/readout')}>`);
    expect(reply.isError).toBeFalsy();
    expect(reply.fallback).toBe(
      "Added 'Xi Jinping holds talks with Kenyan President William Ruto', 2025-04-24, Beijing, 4 quotes by Xi Jinping and William Ruto.",
    );
    const [stored] = await services.store.listDocuments();
    expect(stored?.addedBy).toBe('slack:UOPERATOR');
    const id = stored!.id;
    const found = services.search.search('lighthouse');
    expect(found.ok && found.hits.map((hit) => hit.docId)).toContain(id);
    expect(services.quotes.inDocument(id).map((quote) => quote.speaker)).toEqual(expect.arrayContaining(['Xi Jinping', 'William Ruto']));
    expect(onThisDay(services.corpus, { date: '2026-04-24' }).items.map((item) => item.docId)).toContain(id);

    const again = await readout('UOPERATOR', `add ${server.url('/readout')}`);
    expect(again.fallback).toMatch(/^Already in the corpus: 'Xi Jinping holds talks/);
    expect(await services.store.listDocuments()).toHaveLength(1);
  });
});
