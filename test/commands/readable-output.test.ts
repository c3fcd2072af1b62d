import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render-text.js';
import type { Services } from '../../src/commands/command.js';
import { lookupJson } from '../../src/commands/lookup-command.js';
import { plainText, type Reply } from '../../src/core/reply.js';
import { seedServices } from '../fakes/seed-services.js';
import { dispatchOnConsole } from './dispatch-on-console.js';

let services: Services;
beforeAll(async () => {
  services = await seedServices();
});
afterAll(async () => {
  await services.store.close();
});

const run = (command: string, text: string): Promise<Reply> => dispatchOnConsole(services, command, text);

describe('paragraph numbers people read', () => {
  it('count from 1: /doc 002 2-4 shows the 2nd to 4th paragraphs', async () => {
    const doc = services.corpus.documents.find((d) => d.id.startsWith('002'))!;
    const reply = await run('doc', '002 2-4');
    const results = reply.blocks.filter((b) => b.kind === 'result');
    expect(results.map((b) => b.title)).toEqual(['¶2', '¶3', '¶4']);
    expect(results.map((b) => plainText(b.body))).toEqual(doc.paragraphs.slice(1, 4).map((p) => p.text));
    expect(reply.blocks).toContainEqual({ kind: 'note', text: `Paragraphs 2–4 of ${doc.paragraphs.length}. ${doc.id}` });
    expect(reply.buttons[0]?.action.args).toBe(`${doc.id} 5-${Math.min(7, doc.paragraphs.length)}`);
    expect(renderText(reply, { color: false })).toContain(`— ${doc.id} ¶2 ·`);
  });

  it.each([
    ['002 0', /counted from 1/],
    ['002 0-2', /counted from 1: try 1-2/],
    ['002 4-2', /runs backwards; try 2-4/],
    ['002 999', /paragraphs 1–\d+; 999 is past the end/],
  ])('say what is wrong with /doc %s', async (text, message) => {
    const reply = await run('doc', text);
    expect(reply.isError).toBe(true);
    expect(reply.fallback).toMatch(message);
  });

  it('stay 0-based in the lookup JSON, where ¶ is paragraph + 1', async () => {
    const result = services.search.search('belt and road', { limit: 1 });
    const json = lookupJson(result) as { hits: { docId: string; paragraph: number }[] };
    const hit = json.hits[0]!;
    const text = renderText(await run('lookup', 'belt and road --limit 1'), { color: false });
    expect(text).toContain(`${hit.docId} ¶${hit.paragraph + 1} ·`);
  });
});

describe('a lookup page', () => {
  it("shows each document's title once, over its passages together", async () => {
    const reply = await run('lookup', 'belt and road --limit 8');
    const results = reply.blocks.filter((b) => b.kind === 'result');
    const docs = results.map((b) => b.citation.docId);
    // Passages of one document stand together...
    expect(docs).toEqual([...docs].sort((a, b) => docs.indexOf(a) - docs.indexOf(b)));
    // ...and only the first carries the title.
    results.forEach((b, i) => {
      expect(b.title !== '').toBe(i === 0 || docs[i - 1] !== docs[i]);
    });
    expect(new Set(docs).size).toBeLessThan(docs.length);
    const text = renderText(reply, { color: false });
    for (const title of new Set(results.map((b) => b.citation.title))) {
      expect(text.split(title).length - 1).toBe(1);
    }
  });
});

describe('/digest subscribe without a zone', () => {
  it('says which zone it used and how to change it', async () => {
    const reply = await run('digest', 'subscribe 09:00');
    expect(reply.fallback).toMatch(
      /every day at 09:00 \(UTC\)\..* No time zone was given, so this uses UTC \(the default\); to change it: \/digest subscribe 09:00 Asia\/Almaty/,
    );
    const explicit = await run('digest', 'subscribe 10:00 Europe/London');
    expect(explicit.fallback).not.toContain('No time zone was given');
    await run('digest', 'unsubscribe');
  });
});
