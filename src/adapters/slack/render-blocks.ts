import type { types } from '@slack/bolt';
import { type Block, type Button, citationText, type Field, type Reply, showsSpeakerLabel } from '../../core/reply.js';
import { cutText, escapeAndCut } from './escape-mrkdwn.js';
import { renderRichText } from './render-rich-text.js';
import { slackLimits } from './slack-limits.js';
import { slackMessages } from './slack-messages.js';

export type SlackBlock = types.KnownBlock;

/** A message ready for chat.postMessage or respond(): blocks plus the notification text. */
export interface SlackMessage {
  blocks: SlackBlock[];
  text: string;
}

export interface RenderOptions {
  /** The button's `value`, within Slack's 2000 characters (the adapter may park long actions in its table). */
  buttonValue: (button: Button) => string;
  /**
   * Parks what did not fit into this message and returns the value of a "More results" button showing it.
   * Without it (digest posts, which outlive any in-memory table) the cut is only noted.
   */
  continuation?: (rest: Reply) => string;
}

/** Prefix of every button's action_id (`readout:<button id>:<n>`); the adapter listens for it. */
export const ACTION_PREFIX = 'readout';

/**
 * Renders a neutral reply as Block Kit within Slack's limits: corpus text escaped into mrkdwn with
 * matches in bold, citations in context blocks, buttons in rows of five. A reply too long for one
 * message keeps its first blocks and gets a "More results" button for the rest.
 */
export function renderBlocks(reply: Reply, options: RenderOptions): SlackMessage {
  const rendered = reply.blocks.map(renderBlock);
  const total = rendered.reduce((sum, blocks) => sum + blocks.length, 0);
  const allButtons = reply.buttons;
  const rows = (buttons: number) => Math.ceil(buttons / slackLimits.buttonsPerActions);
  const text = fallbackText(reply);

  if (total + rows(allButtons.length) <= slackLimits.blocksPerMessage) {
    return { blocks: [...rendered.flat(), ...actions(allButtons, options)], text };
  }

  // Too long: keep whole neutral blocks while they fit, leaving room for the note and the button rows.
  // The reply's own "more" button moves to the last part, so pages of the command are not skipped.
  const keptButtons = allButtons.filter((button) => button.id !== 'more');
  const pageButtons = keptButtons.length + (options.continuation ? 1 : 0);
  const budget = slackLimits.blocksPerMessage - rows(pageButtons) - 1;
  const page: SlackBlock[] = [];
  let used = 0;
  for (const blocks of rendered) {
    if (page.length + blocks.length > budget) break;
    page.push(...blocks);
    used++;
  }
  if (used === 0) {
    // One neutral block alone is over the limit (a huge list): show what fits of it.
    page.push(...(rendered[0] ?? []).slice(0, budget));
    used = 1;
  }
  const rest: Reply = { ...reply, blocks: reply.blocks.slice(used) };
  const hidden = rest.blocks.length;
  if (hidden === 0) return { blocks: [...page, ...actions(keptButtons, options)], text };
  const buttons = keptButtons.map((button) => ({ button, value: options.buttonValue(button) }));
  if (options.continuation) {
    const more: Button = { id: 'more', label: slackMessages.moreResults, action: { command: '', args: '' } };
    buttons.unshift({ button: more, value: options.continuation(rest) });
    page.push(contextBlock(slackMessages.continued(hidden)));
  } else {
    page.push(contextBlock(slackMessages.cut(hidden)));
  }
  return { blocks: [...page, ...actionRows(buttons)], text };
}

function renderBlock(block: Block): SlackBlock[] {
  switch (block.kind) {
    // Slack rejects empty texts, so empty headings and notes are left out rather than padded.
    case 'heading':
      return block.text.trim()
        ? [{ type: 'header', text: { type: 'plain_text', text: cutText(block.text, slackLimits.headerText), emoji: false } }]
        : [];
    case 'text':
      // Text blocks are the commands' own messages, whose backticks mark code.
      return renderRichText(block.text, slackLimits.sectionText).map(section);
    case 'note':
      return block.text.trim() ? [contextBlock(block.text)] : [];
    case 'fields':
      return fieldSections(block.fields);
    case 'list':
      // An item longer than a section keeps its first part: cutting the joined mrkdwn could split an escape.
      return listSections(
        block.items.map((item) => {
          const parts = renderRichText(item, slackLimits.sectionText - 4);
          return parts.length > 1 ? `${parts[0]}…` : (parts[0] ?? '');
        }),
      );
    case 'result': {
      const title = block.title ? `*${escapeAndCut(block.title, 300)}*\n` : '';
      const body = renderRichText(block.body, slackLimits.sectionText - title.length);
      const sections = body.length > 0 ? body.map((chunk, i) => section(i === 0 ? title + chunk : chunk)) : [section(title)];
      const fields = block.fields?.length ? fieldSections(block.fields) : [];
      return [...sections, ...fields, contextBlock(`— ${citationText(block.citation)}`)];
    }
    case 'quote': {
      const speaker = showsSpeakerLabel(block) ? `*${escapeAndCut(block.speaker, 200)}*: ` : '';
      // Reported speech is never put in quotation marks; the speaker's own words are.
      const spans = block.speech === 'indirect' ? block.text : [{ text: '“' }, ...block.text, { text: '”' }];
      const body = renderRichText(spans, slackLimits.sectionText - speaker.length);
      return [...body.map((chunk, i) => section(i === 0 ? speaker + chunk : chunk)), contextBlock(`— ${citationText(block.citation)}`)];
    }
  }
}

/** `verbatim` stops Slack from turning bare `#channel`, `@here` or URLs in our text into links and mentions. */
function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text, verbatim: true } };
}

function contextBlock(text: string): SlackBlock {
  return {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: escapeAndCut(text, slackLimits.contextText), verbatim: true }],
  };
}

function fieldSections(fields: Field[]): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  for (let i = 0; i < fields.length; i += slackLimits.fieldsPerSection) {
    const group = fields.slice(i, i + slackLimits.fieldsPerSection);
    blocks.push({
      type: 'section',
      fields: group.map((field) => {
        const label = field.label.trim() ? `*${escapeAndCut(field.label, 200)}*\n` : '';
        return { type: 'mrkdwn', text: label + escapeAndCut(field.value, slackLimits.fieldText - label.length) || '—', verbatim: true };
      }),
    });
  }
  return blocks;
}

/** List items as bullet lines, several items per section up to the section limit. */
function listSections(items: string[]): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  let current = '';
  for (const item of items) {
    const line = `• ${item}`;
    if (current.length > 0 && current.length + 1 + line.length > slackLimits.sectionText) {
      blocks.push(section(current));
      current = '';
    }
    current = current.length > 0 ? `${current}\n${line}` : line;
  }
  if (current.length > 0) blocks.push(section(current));
  return blocks;
}

function actions(buttons: readonly Button[], options: RenderOptions): SlackBlock[] {
  return actionRows(buttons.map((button) => ({ button, value: options.buttonValue(button) })));
}

function actionRows(buttons: { button: Button; value: string }[]): SlackBlock[] {
  const rows: SlackBlock[] = [];
  for (let i = 0; i < buttons.length; i += slackLimits.buttonsPerActions) {
    rows.push({
      type: 'actions',
      elements: buttons.slice(i, i + slackLimits.buttonsPerActions).map(({ button, value }, j) => ({
        type: 'button',
        // Unique per message (Slack requires it), and the adapter routes on the prefix.
        action_id: `${ACTION_PREFIX}:${button.id}:${i + j}`,
        text: { type: 'plain_text', text: cutText(button.label, slackLimits.buttonText), emoji: false },
        value: value.slice(0, slackLimits.buttonValue),
        ...(button.style ? { style: button.style } : {}),
      })),
    });
  }
  return rows;
}

function fallbackText(reply: Reply): string {
  return escapeAndCut(reply.fallback, slackLimits.fallbackText) || ' ';
}
