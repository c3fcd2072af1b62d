import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createButtonCodec } from '../../../src/adapters/slack/button-codec.js';
import { renderBlocks } from '../../../src/adapters/slack/render-blocks.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { hasLoneSurrogate, hostileReply, stringsOf } from '../../fakes/hostile-text.js';
import { expectWithinLimits } from '../../fakes/slack-block-limits.js';

interface TextObject {
  type: 'mrkdwn' | 'plain_text';
  text: string;
  verbatim?: boolean;
}

/** Every text object in a message's blocks. */
function textObjects(value: unknown): TextObject[] {
  if (Array.isArray(value)) return value.flatMap(textObjects);
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own =
    (record['type'] === 'mrkdwn' || record['type'] === 'plain_text') && typeof record['text'] === 'string'
      ? [record as unknown as TextObject]
      : [];
  return [...own, ...Object.values(record).flatMap(textObjects)];
}

/**
 * What Slack would turn into a mention, broadcast or link: any `<` in mrkdwn (Slack's only link and mention
 * syntax), an `&` that is not one of the three entities, or a mrkdwn object without `verbatim`, which would
 * let Slack linkify bare URLs, `#channel` and `@here`.
 */
function liveMrkdwn(object: TextObject): string | undefined {
  if (object.type !== 'mrkdwn') return undefined;
  if (object.verbatim !== true) return 'not verbatim';
  if (object.text.includes('<')) return 'angle bracket';
  if (/&(?!amp;|lt;|gt;)/.test(object.text)) return 'bare ampersand';
  if (/^[ \t]*&gt;/m.test(object.text)) return 'block quote';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
  if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(object.text)) return 'control';
  return undefined;
}

describe('Slack text safety (property)', () => {
  it('no live mention, link or URL, no lone surrogate, and every Block Kit limit, for any reply', () => {
    const codec = createButtonCodec({ clock: new FakeClock() });
    fc.assert(
      fc.property(hostileReply(), (reply) => {
        const message = renderBlocks(reply, { buttonValue: codec.encode, continuation: codec.encodePage });
        expectWithinLimits(message.blocks);
        for (const text of [...stringsOf(message.blocks), message.text]) expect(hasLoneSurrogate(text), JSON.stringify(text)).toBe(false);
        for (const object of textObjects(message.blocks)) expect(liveMrkdwn(object), JSON.stringify(object)).toBeUndefined();
        expect(message.text).not.toContain('<');
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    { name: 'ampersands at a field limit', field: '&'.repeat(3000) },
    { name: 'emoji at a field limit', field: `x${'🔥'.repeat(1500)}` },
    { name: 'flags at a field limit', field: '🇰🇪'.repeat(1000) },
  ])('regression: $name are cut whole', ({ field }) => {
    const codec = createButtonCodec({ clock: new FakeClock() });
    const message = renderBlocks(
      {
        visibility: 'ephemeral',
        blocks: [
          { kind: 'fields', fields: [{ label: field, value: field }] },
          { kind: 'note', text: field },
        ],
        buttons: [],
        fallback: field,
      },
      { buttonValue: codec.encode },
    );
    expectWithinLimits(message.blocks);
    for (const text of stringsOf(message.blocks)) {
      expect(hasLoneSurrogate(text)).toBe(false);
      expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
  });
});
