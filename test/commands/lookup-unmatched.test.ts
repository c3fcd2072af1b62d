import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../../src/build-services.js';
import type { Services } from '../../src/commands/command.js';
import { createContext } from '../../src/commands/create-context.js';
import { dispatch } from '../../src/commands/dispatch.js';
import { commands } from '../../src/commands/registry.js';
import { silentLogger } from '../../src/core/logger.js';
import { plainText, type Reply } from '../../src/core/reply.js';
import { SEEDS_DIR, seedServices } from '../fakes/seed-services.js';

const opened: Services[] = [];
afterAll(async () => {
  for (const services of opened) await services.store.close();
});

async function servicesOver(dir: string): Promise<Services> {
  const services = await buildServices({
    seedsDir: dir,
    databaseUrl: 'sqlite::memory:',
    cacheDir: join(mkdtempSync(join(tmpdir(), 'readout-cache-')), 'cache'),
    defaultTimezone: 'UTC',
    nearbyWindow: 7,
    logger: silentLogger,
  });
  opened.push(services);
  return services;
}

const ctx = (services: Services) =>
  createContext({ platform: 'console', workspace: 'local', channel: 'c', user: 'tester' }, services, {
    clock: { now: () => new Date('2026-04-24T08:00:00Z') },
    random: () => 0.25,
  });
const run = async (services: Services, text: string): Promise<Reply> =>
  dispatch(commands, { command: 'lookup', text }, await ctx(services));
const json = async (services: Services, query: string) => {
  const lookup = commands.find((c) => c.name === 'lookup')!;
  return (await lookup.json!(lookup.options.parse({ query }), await ctx(services))) as {
    unmatched: string[];
    expansions: { from: string; to: string[] }[];
    speaker?: string;
    total: number;
    hits: { docId: string; paragraph: number }[];
  };
};
const notes = (reply: Reply) => reply.blocks.flatMap((b) => (b.kind === 'note' ? [b.text] : b.kind === 'text' ? [plainText(b.text)] : []));

describe('lookups say which words matched nothing', () => {
  let seeds: Services;
  beforeAll(async () => {
    seeds = await seedServices();
    opened.push(seeds);
  });

  it('names the word no passage mentions above the results, and in the JSON', async () => {
    const reply = await run(seeds, 'what did Ruto say about debt');
    expect(notes(reply)[0]).toBe("No passage mentions 'debt' — showing passages about William Ruto");
    const result = await json(seeds, 'what did Ruto say about debt');
    expect(result.unmatched).toEqual(['debt']);
    expect(result.speaker).toBe('William Ruto');
    const plain = await json(seeds, 'railway debt');
    expect(plain.unmatched).toEqual(['debt']);
    expect(notes(await run(seeds, 'railway debt'))[0]).toBe("No passage mentions 'debt' — showing passages with the other words");
    expect((await json(seeds, 'railway')).unmatched).toEqual([]);
  });

  it.each(['what did Ruto say about trade', 'Ruto on trade', 'what did ruto say about kenya'])(
    '"%s" ranks the passages quoting the speaker above those that only mention him',
    async (query) => {
      const quoted = new Set(
        (seeds.quotes.bySpeaker('ruto') as { ok: true; quotes: { docId: string; paragraph: number }[] }).quotes.map(
          (quote) => `${quote.docId}:${quote.paragraph}`,
        ),
      );
      const lookup = commands.find((c) => c.name === 'lookup')!;
      const result = (await lookup.json!(lookup.options.parse({ query, limit: 50 }), await ctx(seeds))) as Awaited<ReturnType<typeof json>>;
      const flags = result.hits.map((hit) => quoted.has(`${hit.docId}:${hit.paragraph}`));
      expect(flags[0]).toBe(true);
      // Every quoted passage comes before every passage that is not.
      expect(flags.indexOf(false) === -1 || flags.lastIndexOf(true) < flags.indexOf(false), String(flags)).toBe(true);
      expect(flags.includes(false)).toBe(true);
    },
  );

  it('a question about someone who is not a known person is searched word by word', async () => {
    const result = await json(seeds, 'what did the committee say about trade');
    expect(result.speaker).toBeUndefined();
  });
});

describe('acronyms and their long forms are one term', () => {
  it('learns "Standard Gauge Railway (SGR)" from a document, and the correction line says what it expanded', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'readout-acronyms-')), 'seeds');
    cpSync(SEEDS_DIR, dir, { recursive: true });
    writeFileSync(
      join(dir, '010_sgr.txt'),
      'NAIROBI, May 31 (Xinhua) -- Kenya marked the opening of the Standard Gauge Railway (SGR) on Wednesday.\n\nThe Standard Gauge Railway links the port of Mombasa with Nairobi.\n',
    );
    const services = await servicesOver(dir);
    const result = await json(services, 'SGR');
    expect(result.total).toBe(2);
    expect(result.hits.every((hit) => hit.docId === '010_sgr')).toBe(true);
    expect(result.expansions).toEqual([{ from: 'SGR', to: ['Standard Gauge Railway'] }]);
    expect(result.unmatched).toEqual([]);
    // In lower case, once learned.
    expect((await json(services, 'sgr')).total).toBe(2);
    const reply = await run(services, 'SGR');
    expect(notes(reply)[0]).toBe('1–2 of 2 passages for “SGR” (read as “SGR” also as “Standard Gauge Railway”)');
    // And the other way round: the long form finds the acronym.
    const long = await json(services, 'standard gauge railway');
    expect(long.expansions).toEqual([{ from: 'Standard Gauge Railway', to: ['SGR'] }]);
    // Learned from the bundled corpus: "Belt and Road Initiative (BRI)".
    expect((await json(services, 'BRI')).total).toBeGreaterThan(1);
  });

  it('reads seeds/terms.json, and ignores a broken one', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'readout-terms-')), 'seeds');
    cpSync(SEEDS_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'terms.json'), JSON.stringify({ SGR: ['Standard Gauge Railway', 'Mombasa-Nairobi Railway'] }));
    const services = await servicesOver(dir);
    const result = await json(services, 'SGR');
    expect(result.hits.map((hit) => `${hit.docId}:${hit.paragraph}`)).toContain('000_4428246b8b720a03:9');
    expect(result.expansions).toEqual([{ from: 'SGR', to: ['Standard Gauge Railway', 'Mombasa-Nairobi Railway'] }]);

    const broken = join(mkdtempSync(join(tmpdir(), 'readout-terms-')), 'seeds');
    cpSync(SEEDS_DIR, broken, { recursive: true });
    writeFileSync(join(broken, 'terms.json'), '{"SGR": "not a list"');
    const still = await servicesOver(broken);
    expect((await json(still, 'SGR')).unmatched).toEqual(['sgr']);
    expect(still.corpus.warnings.map((warning) => warning.file)).toContain('terms.json');
  });
});
