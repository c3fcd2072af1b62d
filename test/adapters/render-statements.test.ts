import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render-text.js';
import { renderEmbeds } from '../../src/adapters/discord/render-embeds.js';
import { renderBlocks } from '../../src/adapters/slack/render-blocks.js';
import type { Block, Reply } from '../../src/core/reply.js';

/** A reported statement and a direct one, as the quote command builds them. */
const quote = (speech: 'direct' | 'indirect', text: Extract<Block, { kind: 'quote' }>['text']): Reply => ({
  visibility: 'ephemeral',
  blocks: [{ kind: 'quote', speaker: 'William Ruto', speech, text, citation: { docId: '000_abc', title: 'T', paragraph: 8 } }],
  buttons: [],
  fallback: 'x',
});
const reported = quote('indirect', [{ text: 'Ruto said', emphasis: 'em' }, { text: ' Kenya and China are partners.' }]);
const direct = quote('direct', [{ text: 'We will work together.' }]);

describe('quotes on every surface', () => {
  it('console: reported speech without quotation marks, direct speech in them', () => {
    expect(renderText(reported, { color: false })).toContain('William Ruto: Ruto said Kenya and China are partners.');
    expect(renderText(direct, { color: false })).toContain('William Ruto: “We will work together.”');
  });

  it('Slack: reported speech without quotation marks, the attribution in italics', () => {
    const text = (reply: Reply) => JSON.stringify(renderBlocks(reply, { buttonValue: () => 'x' }).blocks);
    expect(text(reported)).toContain('*William Ruto*: _Ruto said_ Kenya and China are partners.');
    expect(text(reported)).not.toContain('“');
    expect(text(direct)).toContain('“We will work together.”');
  });

  it('Discord: reported speech without quotation marks, the attribution in italics', () => {
    expect(renderEmbeds(reported)[0]?.[0]?.description).toBe('_Ruto said_ Kenya and China are partners.');
    expect(renderEmbeds(direct)[0]?.[0]?.description).toBe('“We will work together.”');
  });
});
