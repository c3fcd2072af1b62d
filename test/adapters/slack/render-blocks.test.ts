import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderBlocks } from '../../../src/adapters/slack/render-blocks.js';
import { type Block, type Button, codeSpans, type Reply } from '../../../src/core/reply.js';
import { expectWithinLimits } from '../../fakes/slack-block-limits.js';

const inline = { buttonValue: (button: Button) => `${button.action.command} ${button.action.args}` };
const paged = { ...inline, continuation: (rest: Reply) => `page:${rest.blocks.length}` };

const lookupReply: Reply = {
  visibility: 'ephemeral',
  blocks: [
    { kind: 'note', text: '1–1 of 7 passages for “terrorism”' },
    {
      kind: 'result',
      title: 'Xi Jinping meets Tokayev',
      body: [{ text: 'The two sides oppose ' }, { text: 'terrorism', match: true }, { text: ', separatism and <!channel> extremism.' }],
      citation: { docId: '001_abc', title: 'Xi Jinping meets Tokayev', paragraph: 3, date: '2025-06-17', place: 'Astana', source: 'fmprc' },
    },
  ],
  buttons: [
    { id: 'more', label: 'More results', action: { command: 'lookup', args: 'terrorism --limit 1 --offset 1' } },
    { id: 'share', label: 'Share in channel', action: { command: 'lookup', args: 'terrorism --limit 1 --offset 0 --public' } },
  ],
  fallback: '7 passages for “terrorism”',
};

const quoteReply: Reply = {
  visibility: 'ephemeral',
  blocks: [
    {
      kind: 'quote',
      speaker: 'Xi Jinping',
      text: [{ text: 'China stands ready to work with <@U123> **Kenya** & `others`.' }],
      citation: { docId: '002_def', title: 'Xi meets Ruto', paragraph: 1, date: '2023-10-17' },
    },
  ],
  buttons: [
    { id: 'shuffle', label: 'Shuffle', action: { command: 'quote', args: 'Xi Jinping --random' } },
    { id: 'post', label: 'Post to channel', style: 'primary', action: { command: 'quote', args: '--id 002_def:p1:s0 --public' } },
  ],
  fallback: 'Xi Jinping: “China stands ready…” (002_def)',
};

const helpReply: Reply = {
  visibility: 'ephemeral',
  blocks: [
    { kind: 'heading', text: 'readout commands' },
    { kind: 'fields', fields: [{ label: '/lookup <query> [--limit N]', value: 'Search the corpus' }] },
    { kind: 'list', items: [[{ text: 'first' }], [{ text: 'second ' }, { text: 'bold', emphasis: 'strong' }]] },
  ],
  buttons: [],
  fallback: 'readout commands: /lookup',
};

describe('renderBlocks', () => {
  it('renders a lookup: note, bold match, citation context, buttons', () => {
    expect(renderBlocks(lookupReply, inline)).toMatchInlineSnapshot(`
      {
        "blocks": [
          {
            "elements": [
              {
                "text": "1–1 of 7 passages for “terrorism”",
                "type": "mrkdwn",
                "verbatim": true,
              },
            ],
            "type": "context",
          },
          {
            "text": {
              "text": "*Xi Jinping meets Tokayev*
      The two sides oppose *terrorism*, separatism and &lt;!channel&gt; extremism.",
              "type": "mrkdwn",
              "verbatim": true,
            },
            "type": "section",
          },
          {
            "elements": [
              {
                "text": "— 001_abc ¶4 · 2025-06-17 · Astana · fmprc",
                "type": "mrkdwn",
                "verbatim": true,
              },
            ],
            "type": "context",
          },
          {
            "elements": [
              {
                "action_id": "readout:more:0",
                "text": {
                  "emoji": false,
                  "text": "More results",
                  "type": "plain_text",
                },
                "type": "button",
                "value": "lookup terrorism --limit 1 --offset 1",
              },
              {
                "action_id": "readout:share:1",
                "text": {
                  "emoji": false,
                  "text": "Share in channel",
                  "type": "plain_text",
                },
                "type": "button",
                "value": "lookup terrorism --limit 1 --offset 0 --public",
              },
            ],
            "type": "actions",
          },
        ],
        "text": "7 passages for “terrorism”",
      }
    `);
  });

  it('renders a quote with its speaker, escaped text and primary Post button', () => {
    expect(renderBlocks(quoteReply, inline)).toMatchInlineSnapshot(`
      {
        "blocks": [
          {
            "text": {
              "text": "*Xi Jinping*: “China stands ready to work with &lt;@U123&gt; ∗∗Kenya∗∗ &amp; ˋothersˋ.”",
              "type": "mrkdwn",
              "verbatim": true,
            },
            "type": "section",
          },
          {
            "elements": [
              {
                "text": "— 002_def ¶2 · 2023-10-17",
                "type": "mrkdwn",
                "verbatim": true,
              },
            ],
            "type": "context",
          },
          {
            "elements": [
              {
                "action_id": "readout:shuffle:0",
                "text": {
                  "emoji": false,
                  "text": "Shuffle",
                  "type": "plain_text",
                },
                "type": "button",
                "value": "quote Xi Jinping --random",
              },
              {
                "action_id": "readout:post:1",
                "style": "primary",
                "text": {
                  "emoji": false,
                  "text": "Post to channel",
                  "type": "plain_text",
                },
                "type": "button",
                "value": "quote --id 002_def:p1:s0 --public",
              },
            ],
            "type": "actions",
          },
        ],
        "text": "Xi Jinping: “China stands ready…” (002_def)",
      }
    `);
  });

  it('renders help: header, fields and a list', () => {
    expect(renderBlocks(helpReply, inline)).toMatchInlineSnapshot(`
      {
        "blocks": [
          {
            "text": {
              "emoji": false,
              "text": "readout commands",
              "type": "plain_text",
            },
            "type": "header",
          },
          {
            "fields": [
              {
                "text": "*/lookup &lt;query&gt; [--limit N]*
      Search the corpus",
                "type": "mrkdwn",
                "verbatim": true,
              },
            ],
            "type": "section",
          },
          {
            "text": {
              "text": "• first
      • second *bold*",
              "type": "mrkdwn",
              "verbatim": true,
            },
            "type": "section",
          },
        ],
        "text": "readout commands: /lookup",
      }
    `);
  });

  it.each([
    ['`/help lookup` shows more', '`/help lookup` shows more'],
    ['a lone ` tick', 'a lone \u02cb tick'],
    ['`<!channel> *x*` stays inert in code', '`&lt;!channel&gt; \u2217x\u2217` stays inert in code'],
    ['`a` and `b`', '`a` and `b`'],
  ])('renders backtick pairs in a message text %j as inline code: %j', (input, expected) => {
    // Messages reach the renderer through textReply, which turns backtick pairs into code spans.
    const [block] = renderBlocks(reply([{ kind: 'text', text: codeSpans(input) }]), inline).blocks;
    expect(block).toEqual({ type: 'section', text: { type: 'mrkdwn', text: expected, verbatim: true } });
  });

  it.each<[string, Reply]>([
    ['one huge text block', reply([{ kind: 'text', text: [{ text: 'word '.repeat(4000) }, { text: 'match', match: true }] }])],
    ['a hundred results', reply(Array.from({ length: 100 }, (_, i) => result(i)))],
    ['a list of 500 long items', reply([{ kind: 'list', items: Array.from({ length: 500 }, () => [{ text: 'x'.repeat(400) }]) }])],
    [
      'fifteen fields',
      reply([{ kind: 'fields', fields: Array.from({ length: 15 }, (_, i) => ({ label: `f${i}`, value: 'v'.repeat(3000) })) }]),
    ],
    ['a 400-character heading', reply([{ kind: 'heading', text: 'h'.repeat(400) }])],
    ['twelve buttons with long labels', reply([result(0)], 12)],
  ])('keeps %s within Block Kit limits', (_name, input) => {
    for (const options of [inline, paged]) expectWithinLimits(renderBlocks(input, options).blocks);
  });

  it.each<[string, Block, string]>([
    [
      'a whole-word match',
      { kind: 'text', text: [{ text: 'oppose ' }, { text: 'terrorism', match: true }, { text: ', firmly' }] },
      'oppose *terrorism*, firmly',
    ],
    [
      'a match inside a word',
      { kind: 'text', text: [{ text: 'anti' }, { text: 'terror', match: true }, { text: 'ism' }] },
      'antiterrorism',
    ],
    [
      'a match with spaces around it',
      { kind: 'text', text: [{ text: 'a' }, { text: ' belt ', match: true }, { text: 'b' }] },
      'a *belt* b',
    ],
  ])('bolds %s only where Slack can show it', (_name, block, expected) => {
    const [section] = renderBlocks(reply([block]), inline).blocks;
    expect(section).toEqual({ type: 'section', text: { type: 'mrkdwn', text: expected, verbatim: true } });
  });

  it('leaves out or fills empty texts, which Slack would reject', () => {
    const message = renderBlocks(
      reply([
        { kind: 'heading', text: '  ' },
        { kind: 'note', text: '' },
        { kind: 'text', text: [] },
        {
          kind: 'fields',
          fields: [
            { label: '', value: '' },
            { label: '', value: 'value only' },
          ],
        },
      ]),
      inline,
    );
    expect(message.blocks).toEqual([
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '—', verbatim: true },
          { type: 'mrkdwn', text: 'value only', verbatim: true },
        ],
      },
    ]);
  });

  it('continues a cut reply: the first part says how many items wait, the rest carries the remainder', () => {
    let rest: Reply | undefined;
    const message = renderBlocks(
      reply(
        Array.from({ length: 30 }, (_, i) => result(i)),
        1,
      ),
      {
        ...inline,
        continuation: (r) => {
          rest = r;
          return 'continue';
        },
      },
    );
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    const buttons = message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
    // The reply's own "more" (the command's next page) waits for the last part, so no passage is skipped.
    expect(buttons.map((b) => ('value' in b ? b.value : undefined))).toEqual(['continue']);
    expect(rest!.blocks).toHaveLength(30 - 24);
    expect(rest!.buttons.map((b) => b.id)).toEqual(['more']);
    expect(JSON.stringify(message.blocks)).toContain('6 more items behind “More results”');
  });

  it('never lets hostile text through, whatever it is (property)', () => {
    const hostile = fc.constantFrom('<', '>', '&', '*', '_', '~', '`', '!channel', '@here', '@U1', 'http://x|y', ' ', 'a');
    const text = fc.array(hostile, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.boolean(), (t, match) => {
        const blocks = renderBlocks(
          reply([
            { kind: 'result', title: t, body: [{ text: t, match }], citation: { docId: t, title: t } },
            { kind: 'note', text: t },
          ]),
          inline,
        ).blocks;
        const json = JSON.stringify(blocks);
        expect(json).not.toMatch(/<[!@#h]/);
        expect(json).not.toContain('`');
        expect(json).not.toContain('~');
      }),
    );
  });
});

function reply(blocks: Block[], buttonCount = 0): Reply {
  const buttons: Button[] = Array.from({ length: buttonCount }, (_, i) => ({
    id: i === 0 ? 'more' : 'open',
    label: `Button with a label far longer than Slack's seventy-five character limit on button text ${i}`,
    action: { command: 'lookup', args: `args ${i}` },
  }));
  return { visibility: 'ephemeral', blocks, buttons, fallback: 'fallback' };
}

function result(i: number): Block {
  return {
    kind: 'result',
    title: `Title ${i}`,
    body: [{ text: `Body ${i}` }],
    citation: { docId: `d${i}`, title: `Title ${i}`, paragraph: i },
  };
}
