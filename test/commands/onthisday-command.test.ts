import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/commands/command.js';
import { createContext } from '../../src/commands/create-context.js';
import { dispatch, type Invocation } from '../../src/commands/dispatch.js';
import { commands } from '../../src/commands/registry.js';
import type { Reply } from '../../src/core/reply.js';
import { makeCorpus, makeDocument } from '../core/calendar/corpus-fixture.js';
import { seedServices } from '../fakes/seed-services.js';

let services: Services;
beforeAll(async () => {
  services = await seedServices();
});
afterAll(async () => {
  await services.store.close();
});

const ask = async (invocation: Omit<Invocation, 'command'>, over: Partial<Services> = {}): Promise<Reply> =>
  dispatch(
    commands,
    { command: 'onthisday', ...invocation },
    await createContext(
      { platform: 'console', workspace: 'local', channel: 'c', user: 'tester' },
      { ...services, ...over },
      {
        clock: { now: () => new Date('2026-04-24T08:00:00Z') },
        random: () => 0.25,
      },
    ),
  );
const notes = (reply: Reply) => reply.blocks.flatMap((b) => (b.kind === 'note' || b.kind === 'heading' ? [b.text] : []));
const docs = (reply: Reply) => reply.blocks.flatMap((b) => (b.kind === 'result' ? [b.citation.docId] : []));
const when = (reply: Reply) =>
  reply.blocks.flatMap((b) => (b.kind === 'result' ? (b.fields ?? []).filter((f) => f.label === 'When').map((f) => f.value) : []));

describe('/onthisday dates', () => {
  it.each(['2026-04-24', '04-24', 'today', '24 April', 'April 24', 'Apr 24'])(
    'typed %j (Slack, console, CLI) finds the Ruto talks of 24 April',
    async (text) => {
      const reply = await ask({ text });
      expect(reply.isError).toBeFalsy();
      expect(docs(reply)).toEqual(['000_4428246b8b720a03']);
      expect(notes(reply)[0]).toBe('On this day, 24 April 2026');
    },
  );

  it.each(['24 April', 'yesterday', '2026-04-24'])('given as the typed date option %j (Discord) works the same', async (date) => {
    const reply = await ask({ options: { date } });
    expect(reply.isError).toBeFalsy();
    expect(notes(reply)[0]).toMatch(/^On this day, 2[34] April 2026$/);
  });

  it('answers a date in the year of the event with the event itself, labelled as such', async () => {
    const reply = await ask({ text: '2025-04-24' });
    expect(docs(reply)).toEqual(['000_4428246b8b720a03']);
    expect(notes(reply)).toContain('On 24 April 2025 itself:');
    expect(when(reply)).toEqual(['24 April 2025 · that very day']);
  });

  it('answers a date it cannot read with the forms it can', async () => {
    const reply = await ask({ text: 'next tuesday' });
    expect(reply.isError).toBe(true);
    expect(reply.fallback).toMatch(/24 April, April 24, today/);
  });

  it('caps a long list and pages it like lookups', async () => {
    const many = makeCorpus(Array.from({ length: 8 }, (_, i) => makeDocument(`d${i}`, { eventDate: `${2010 + i}-04-24` })));
    const first = await ask({ text: '24 April' }, { corpus: many });
    expect(docs(first)).toHaveLength(5);
    expect(notes(first)).toContain('5 of 8 shown.');
    const more = first.buttons.find((b) => b.id === 'more');
    expect(more?.action).toEqual({ command: 'onthisday', args: '2026-04-24 --limit 5 --offset 5' });
    const second = await ask({ text: more!.action.args }, { corpus: many });
    expect(docs(second)).toHaveLength(3);
    expect(new Set([...docs(first), ...docs(second)]).size).toBe(8);
    expect(second.buttons.some((b) => b.id === 'more')).toBe(false);
  });

  it('gives scripts every item in JSON unless they ask for a page', async () => {
    const many = makeCorpus(Array.from({ length: 8 }, (_, i) => makeDocument(`d${i}`, { eventDate: `${2010 + i}-04-24` })));
    const declaration = commands.find((c) => c.name === 'onthisday')!;
    const ctx = await createContext(
      { platform: 'cli', workspace: 'local', channel: 'c', user: 'u' },
      { ...services, corpus: many },
      {
        clock: { now: () => new Date('2026-04-24T08:00:00Z') },
      },
    );
    const all = (await declaration.json!(declaration.options.parse({ date: '24 April' }), ctx)) as { items: unknown[] };
    const paged = (await declaration.json!(declaration.options.parse({ date: '24 April', limit: 3, offset: 6 }), ctx)) as {
      items: unknown[];
    };
    expect(all.items).toHaveLength(8);
    expect(paged.items).toHaveLength(2);
  });
});

describe('/onthisday quotes', () => {
  it('shows the strongest quote as the source reports it, never the dateline, the speaker named once and no quotation marks', async () => {
    const reply = await ask({ text: '2026-06-16' });
    const body = reply.blocks.flatMap((b) => (b.kind === 'result' ? [b.body.map((span) => span.text).join('')] : []));
    expect(body).toHaveLength(1);
    expect(body[0]).toMatch(/^Chinese President Xi Jinping said on Monday that China stands ready/);
    expect(body[0]).not.toContain('ASTANA');
    expect(body[0]).not.toMatch(/^Xi Jinping: /);
    expect(body[0]).not.toMatch(/[“”]/);
  });
});
