import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMessages, type MessageTables, type PagedReply } from '../../../src/adapters/discord/build-message.js';
import type { ButtonTarget } from '../../../src/adapters/discord/button-target.js';
import { embedLength } from '../../../src/adapters/discord/render-embeds.js';
import { suggestChoices } from '../../../src/adapters/discord/suggest-choices.js';
import { createActionTable } from '../../../src/commands/action-table.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { fakeDiscordServices } from '../../fakes/fake-discord-services.js';
import { hasLoneSurrogate, hostileReply, hostileText, stringsOf } from '../../fakes/hostile-text.js';

/**
 * What in Discord markdown would render as something other than the text typed: a masked link, a bare or
 * angle-bracket URL, a mention, a quote, heading, subtext or list line. Escaped characters are swapped for a
 * placeholder first, since `\[` or `\:` show as themselves.
 */
function liveMarkup(markdown: string): string | undefined {
  const text = markdown.replace(/\\[\s\S]/g, '\ue000');
  const rules: [string, RegExp][] = [
    ['masked link', /\[[^\]]*\]\(/],
    ['url', /[a-z][a-z0-9+.-]*:\/\//i],
    ['mention or tag', /<[@#/:]|<[at]:/i],
    ['broadcast', /@(everyone|here)/i],
    ['line markup', /^[ \t]*(>|#|-#|[-+*][ \t]|\d+\.[ \t])/m],
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
    ['control', /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]/],
  ];
  return rules.find(([, rule]) => rule.test(text))?.[0];
}

function tables(): MessageTables {
  const clock = new FakeClock(new Date('2025-01-01T00:00:00Z'));
  return {
    actions: createActionTable<ButtonTarget>({ maxEntries: 100_000, ttlMs: 60_000, clock }),
    pages: createActionTable<PagedReply>({ maxEntries: 100_000, ttlMs: 60_000, clock }),
  };
}

describe('Discord text safety (property)', () => {
  it('no live markup, no lone surrogate, and every Discord limit, for any reply', () => {
    fc.assert(
      fc.property(hostileReply(), (reply) => {
        const messages = buildMessages(reply, tables());
        expect(messages.length).toBeGreaterThan(0);
        for (const message of messages) {
          for (const text of stringsOf(message)) expect(hasLoneSurrogate(text), JSON.stringify(text)).toBe(false);
          expect(message.embeds.length).toBeLessThanOrEqual(10);
          expect(message.embeds.reduce((sum, e) => sum + embedLength(e), 0)).toBeLessThanOrEqual(6000);
          for (const embed of message.embeds) {
            expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
            expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
            const rendered = [embed.title ?? '', embed.description ?? '', ...(embed.fields ?? []).flatMap((f) => [f.name, f.value])];
            // Bold and em markers are ours; they are the only markup a reply may carry.
            for (const text of rendered) expect(liveMarkup(text), JSON.stringify(text)).toBeUndefined();
          }
          expect(message.components.length).toBeLessThanOrEqual(5);
          for (const row of message.components) {
            expect(row.components.length).toBeLessThanOrEqual(5);
            for (const button of row.components) {
              if ('custom_id' in button) expect(button.custom_id.length).toBeLessThanOrEqual(100);
              if ('label' in button) expect(button.label?.length ?? 0).toBeLessThanOrEqual(80);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('autocomplete offers at most 25 choices of at most 100 characters, for anything typed', () => {
    const services = fakeDiscordServices();
    fc.assert(
      fc.property(
        fc.constantFrom('speaker' as const, 'person' as const, 'timezone' as const, 'document' as const),
        hostileText(300),
        (source, typed) => {
          const choices = suggestChoices(source, typed, services);
          expect(choices.length).toBeLessThanOrEqual(25);
          for (const choice of choices) {
            expect(choice.name.length).toBeLessThanOrEqual(100);
            expect(choice.value.length).toBeLessThanOrEqual(100);
            expect(hasLoneSurrogate(choice.name)).toBe(false);
          }
        },
      ),
    );
  });

  it.each([
    { name: 'two masked links on a line', text: '[a] [x](https://evil.example)' },
    { name: 'quote, block quote, subtext, heading', text: '> quoted\n>>> block\n-# subtext\n# heading' },
    { name: '3,000 fire emoji', text: '🔥'.repeat(3000) },
    { name: 'x and two emoji, repeated', text: 'x🔥🔥'.repeat(2000) },
    { name: 'right-to-left override and NUL', text: 'a\u202eevil\u0000' },
  ])('regression: $name renders inert and whole', ({ text }) => {
    const [message] = buildMessages(
      {
        visibility: 'ephemeral',
        blocks: [
          { kind: 'text', text: [{ text }] },
          { kind: 'heading', text },
        ],
        buttons: [],
        fallback: text,
      },
      tables(),
    );
    for (const embed of message?.embeds ?? []) {
      expect(liveMarkup(embed.description ?? '')).toBeUndefined();
      expect(liveMarkup(embed.title ?? '')).toBeUndefined();
      expect(hasLoneSurrogate(JSON.stringify(embed))).toBe(false);
    }
  });

  it.each([
    { name: 'a URL split over two spans', spans: ['https:', '//evil.example'] },
    { name: 'a mention split over two spans', spans: ['<', '@123>'] },
    { name: 'a broadcast split over two spans', spans: ['@', 'everyone'] },
    { name: 'a numbered list split over two spans', spans: ['1', '. item'] },
  ])('regression: $name stays inert', ({ spans }) => {
    const [message] = buildMessages(
      { visibility: 'ephemeral', blocks: [{ kind: 'text', text: spans.map((text) => ({ text })) }], buttons: [], fallback: 'x' },
      tables(),
    );
    expect(liveMarkup(message?.embeds[0]?.description ?? '')).toBeUndefined();
  });
});
