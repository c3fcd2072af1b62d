import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embedLength, renderEmbeds } from '../../../src/adapters/discord/render-embeds.js';
import type { Block, Reply } from '../../../src/core/reply.js';
import { HOSTILE } from '../../fakes/fake-discord-services.js';

function reply(blocks: Block[], extra: Partial<Reply> = {}): Reply {
  return { visibility: 'ephemeral', blocks, buttons: [], fallback: 'fallback', ...extra };
}

const citation = { docId: 'doc1', title: 'Talks', paragraph: 4, date: '2024-05-17', place: 'Astana', source: 'MFA' };

describe('renderEmbeds', () => {
  it('renders a search reply: heading, results with bold matches and citation footers, notes', () => {
    const pages = renderEmbeds(
      reply([
        { kind: 'heading', text: 'Results for trade' },
        {
          kind: 'result',
          title: 'Xi meets Tokayev',
          body: [{ text: 'They discussed ' }, { text: 'trade', match: true }, { text: ' routes.' }],
          citation,
        },
        { kind: 'note', text: 'Showing 1 of 1' },
      ]),
    );
    expect(pages).toMatchInlineSnapshot(`
      [
        [
          {
            "color": 5793266,
            "title": "Results for trade",
          },
          {
            "color": 5793266,
            "description": "They discussed **trade** routes.",
            "footer": {
              "text": "doc1 ¶4 · 2024-05-17 · Astana · MFA",
            },
            "title": "Xi meets Tokayev",
          },
          {
            "color": 5793266,
            "description": "_Showing 1 of 1_",
          },
        ],
      ]
    `);
  });

  it('renders a quote with the speaker as author and fields as embed fields', () => {
    const pages = renderEmbeds(
      reply(
        [
          {
            kind: 'quote',
            speaker: 'Xi Jinping',
            text: [{ text: 'Friends ' }, { text: 'forever', emphasis: 'em' }],
            citation: { docId: 'doc2', title: 'T' },
          },
          { kind: 'fields', fields: [{ label: 'Speaker', value: 'Xi Jinping' }] },
          { kind: 'list', items: [[{ text: 'one' }], [{ text: 'two', match: true }]] },
        ],
        { isError: true },
      ),
    );
    expect(pages).toMatchInlineSnapshot(`
      [
        [
          {
            "author": {
              "name": "Xi Jinping",
            },
            "color": 15105570,
            "description": "“Friends _forever_”",
            "footer": {
              "text": "doc2",
            },
          },
          {
            "color": 15105570,
            "description": "• one
      • **two**",
            "fields": [
              {
                "name": "Speaker",
                "value": "Xi Jinping",
              },
            ],
          },
        ],
      ]
    `);
  });

  it.each([
    { input: '@everyone', expected: '@\u200beveryone' },
    { input: '@here', expected: '@\u200bhere' },
    { input: '<@123>', expected: '<\u200b@123>' },
    { input: '<#456>', expected: '<\u200b#456>' },
    { input: '</cmd:1>', expected: '<\u200b/cmd:1>' },
    { input: '**bold**', expected: '\\*\\*bold\\*\\*' },
    { input: '`tick`', expected: '\\`tick\\`' },
    { input: '[link](https://evil.example)', expected: '\\[link\\](https\\://evil.example)' },
    { input: '[a] [x](https://evil.example)', expected: '\\[a\\] \\[x\\](https\\://evil.example)' },
    {
      input: '> quoted\n>>> all\n-# small\n## big\n- item\n3. third',
      expected: '\\> quoted\n\\>>> all\n\\-# small\n\\## big\n\\- item\n3\\. third',
    },
    { input: 'see https://evil.example now', expected: 'see https\\://evil.example now' },
    { input: 'a\u202eevil\u0000b\u2066c', expected: 'aevilbc' },
    { input: '~~gone~~ ||spoiler|| __under__', expected: '\\~\\~gone\\~\\~ \\|\\|spoiler\\|\\| \\_\\_under\\_\\_' },
    { input: '# heading', expected: '\\# heading' },
  ])('makes corpus text inert: $input', ({ input, expected }) => {
    const [page] = renderEmbeds(reply([{ kind: 'text', text: [{ text: input }] }]));
    expect(page?.[0]?.description).toBe(expected);
  });

  it('escapes hostile text in titles, field names and values, and in bold matches', () => {
    const [page] = renderEmbeds(
      reply([
        { kind: 'heading', text: HOSTILE },
        { kind: 'fields', fields: [{ label: HOSTILE, value: HOSTILE }] },
        { kind: 'text', text: [{ text: HOSTILE, match: true }] },
      ]),
    );
    const text = JSON.stringify(page);
    expect(text).not.toMatch(/@everyone|<@\d|[^\\]\*\*x|[^\\]`tick|[^\\]\[link/);
    expect(page?.[0]?.description).toMatch(/^\*\*@\u200beveryone .*\*\*$/);
  });

  it.each([
    { span: { text: '/help', emphasis: 'code' as const }, expected: '`/help`' },
    { span: { text: 'a`b', emphasis: 'code' as const }, expected: 'a\\`b' },
    { span: { text: 'said', emphasis: 'strong' as const }, expected: '**said**' },
  ])('renders emphasis $span.emphasis', ({ span, expected }) => {
    const [page] = renderEmbeds(reply([{ kind: 'text', text: [span] }]));
    expect(page?.[0]?.description).toBe(expected);
  });

  it('never returns an empty message', () => {
    expect(renderEmbeds(reply([], { fallback: 'Nothing here' }))).toEqual([[{ color: 5793266, description: 'Nothing here' }]]);
  });

  it('cuts long parts with an ellipsis, keeping bold pairs closed', () => {
    const [page] = renderEmbeds(
      reply([
        {
          kind: 'result',
          title: 't'.repeat(400),
          body: [{ text: 'a '.repeat(1000) }, { text: 'match '.repeat(800), match: true }],
          citation,
        },
      ]),
    );
    const embed = page?.[0];
    expect(embed?.title).toHaveLength(256);
    expect(embed?.description?.length).toBeLessThanOrEqual(4096);
    expect(embed?.description).toMatch(/\*\*…$/);
    expect((embed?.description?.match(/\*\*/g) ?? []).length % 2).toBe(0);
  });

  const span = fc.record({ text: fc.string({ maxLength: 3000 }), match: fc.boolean() });
  const rich = fc.array(span, { maxLength: 4 });
  const block: fc.Arbitrary<Block> = fc.oneof(
    fc.record({ kind: fc.constant('heading' as const), text: fc.string({ maxLength: 500 }) }),
    fc.record({ kind: fc.constant('text' as const), text: rich }),
    fc.record({ kind: fc.constant('note' as const), text: fc.string({ maxLength: 5000 }) }),
    fc.record({ kind: fc.constant('list' as const), items: fc.array(rich, { maxLength: 8 }) }),
    fc.record({
      kind: fc.constant('fields' as const),
      fields: fc.array(fc.record({ label: fc.string({ maxLength: 400 }), value: fc.string({ maxLength: 2000 }) }), { maxLength: 40 }),
    }),
    fc.record({ kind: fc.constant('result' as const), title: fc.string({ maxLength: 400 }), body: rich, citation: fc.constant(citation) }),
    fc.record({
      kind: fc.constant('quote' as const),
      speaker: fc.string({ maxLength: 400 }),
      text: rich,
      citation: fc.constant({ ...citation, source: 's'.repeat(3000) }),
    }),
  );

  it('keeps every page within Discord limits for any reply', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 30 }), (blocks) => {
        const pages = renderEmbeds(reply(blocks));
        expect(pages.length).toBeGreaterThan(0);
        for (const page of pages) {
          expect(page.length).toBeGreaterThan(0);
          expect(page.length).toBeLessThanOrEqual(10);
          expect(page.reduce((sum, e) => sum + embedLength(e), 0)).toBeLessThanOrEqual(6000);
          for (const embed of page) {
            expect(Boolean(embed.title || embed.description?.trim() || embed.fields?.length || embed.footer || embed.author)).toBe(true);
            if (embed.title !== undefined) expect(embed.title.trim()).not.toBe('');
            expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
            expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
            expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
            expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
            expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(256);
            for (const field of embed.fields ?? []) {
              expect(field.name.length).toBeGreaterThan(0);
              expect(field.name.length).toBeLessThanOrEqual(256);
              expect(field.value.length).toBeGreaterThan(0);
              expect(field.value.length).toBeLessThanOrEqual(1024);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
