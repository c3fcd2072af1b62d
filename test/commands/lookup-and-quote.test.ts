import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/commands/command.js';
import { createContext } from '../../src/commands/create-context.js';
import { dispatch } from '../../src/commands/dispatch.js';
import { commands } from '../../src/commands/registry.js';
import { plainText, type Reply } from '../../src/core/reply.js';
import { seedServices } from '../fakes/seed-services.js';

let services: Services;
beforeAll(async () => {
  services = await seedServices();
});
afterAll(async () => {
  await services.store.close();
});

const ctx = () =>
  createContext({ platform: 'console', workspace: 'local', channel: 'c', user: 'tester' }, services, {
    clock: { now: () => new Date('2026-04-24T08:00:00Z') },
    random: () => 0.25,
  });
const run = async (command: string, text: string): Promise<Reply> => dispatch(commands, { command, text }, await ctx());
const json = async (command: string, options: Record<string, unknown>) => {
  const declaration = commands.find((c) => c.name === command)!;
  return (await declaration.json!(declaration.options.parse(options), await ctx())) as Record<string, unknown>;
};
const textOf = (reply: Reply) =>
  reply.blocks
    .map((b) => (b.kind === 'note' ? b.text : b.kind === 'quote' ? plainText(b.text) : b.kind === 'text' ? plainText(b.text) : ''))
    .join('\n');

describe('/lookup', () => {
  it('tells how many passages a document holds back and offers them behind a button', async () => {
    const reply = await run('lookup', 'Forum on China-Africa Cooperation');
    // Said once, by the button: no note repeats it.
    expect(textOf(reply)).not.toContain('more in this document');
    const more = reply.buttons.find((b) => b.label.includes('more in 000'));
    expect(more?.action).toEqual({ command: 'lookup', args: 'Forum on China-Africa Cooperation --doc 000_4428246b8b720a03' });
    const inside = await run('lookup', more!.action.args);
    expect(textOf(inside)).toMatch(/passages for “Forum on China-Africa Cooperation” in 000_4428246b8b720a03/);
    expect(reply.isError).toBeUndefined();
    expect(inside.blocks.filter((b) => b.kind === 'result').every((b) => b.kind === 'result' && b.citation.docId.startsWith('000'))).toBe(
      true,
    );
  });

  it('adds moreInDocument to every JSON hit', async () => {
    const out = (await json('lookup', { query: 'Forum on China-Africa Cooperation' })) as { hits: { moreInDocument: number }[] };
    expect(out.hits.length).toBeGreaterThan(0);
    for (const hit of out.hits) expect(typeof hit.moreInDocument).toBe('number');
  });

  it('marks "nothing found" as a user error, so the CLI exits 1', async () => {
    expect((await run('lookup', 'zzzqqqxx')).isError).toBe(true);
  });
});

describe('/quote', () => {
  it('shows what Ruto said as reported speech, not his name inside quotation marks', async () => {
    const reply = await run('quote', 'ruto');
    const block = reply.blocks.find((b) => b.kind === 'quote');
    expect(block?.kind === 'quote' && block.speech).toBe('indirect');
    expect(block?.kind === 'quote' && plainText(block.text)).toMatch(/^Ruto said Kenya and China have always adhered to/);
    expect(reply.fallback).not.toContain('“Ruto said');
  });

  it('keeps the sentence as text and adds the statement in JSON', async () => {
    const out = (await json('quote', { speaker: 'ruto' })) as { quotes: { text: string; statement: string; speech: string }[] };
    expect(out.quotes[0]).toMatchObject({
      text: expect.stringMatching(/^Ruto said Kenya and China/),
      statement: expect.stringMatching(/^Kenya and China have always adhered to/),
      speech: 'indirect',
    });
  });

  it('keeps the speaker and the topic when shuffling', async () => {
    const reply = await run('quote', 'xi --about trade');
    expect(reply.buttons.find((b) => b.id === 'shuffle')?.action.args).toBe('Xi Jinping --about "trade" --random');
    const shuffled = await run('quote', 'Xi Jinping --about "trade" --random');
    const block = shuffled.blocks.find((b) => b.kind === 'quote');
    expect(block?.kind === 'quote' && block.speaker).toBe('Xi Jinping');
  });

  it('lists the quoted speakers for a name not in the corpus, not an unrelated "did you mean"', async () => {
    const text = textOf(await run('quote', 'obama'));
    expect(text).toContain('Speakers with quotes: Xi Jinping');
    expect(text).not.toMatch(/did you mean/i);
  });
});
