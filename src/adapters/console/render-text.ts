import { type Block, citationText, type Reply, type RichText, showsSpeakerLabel } from '../../core/reply.js';
import { wrapText } from './wrap-text.js';

export interface TextStyle {
  /** ANSI colour and bold; only on a TTY. */
  color: boolean;
  /** Terminal columns to wrap to (at word boundaries, citations hanging); no wrapping when absent. */
  width?: number | undefined;
  /**
   * How buttons are shown: `chat` as the chat command they run (`[More results: /lookup … --offset 5]`), `numbered` as
   * actions the console runs when their number is typed (`[1] More results`), `shell` as complete shell commands
   * (`readout lookup belt and road --offset 5`). Sharing and posting to a channel mean nothing in a terminal and are
   * left out of the last two.
   */
  actions?: 'chat' | 'numbered' | 'shell';
}

/** Buttons a terminal can act on: not "Share in channel" or "Post to channel", which need a chat channel. */
export function terminalActions(reply: Reply): Reply['buttons'] {
  return reply.buttons.filter((button) => button.id !== 'share' && button.id !== 'post');
}

const ANSI = { bold: '\u001b[1m', dim: '\u001b[2m', cyan: '\u001b[36m', yellow: '\u001b[33m', red: '\u001b[31m', reset: '\u001b[0m' };

/** Renders a neutral reply as terminal text; matches are bold on a TTY and `[word]`-free plain text otherwise. */
export function renderText(reply: Reply, style: TextStyle): string {
  const paint = (code: keyof typeof ANSI, text: string) => (style.color ? `${ANSI[code]}${text}${ANSI.reset}` : text);
  const wrap = (text: string, hang?: number) => (style.width ? wrapText(text, style.width, hang) : text);
  const lines: string[] = [];
  for (const block of reply.blocks) {
    // A field's value wraps under its label, four columns in.
    lines.push(...renderBlock(block, paint).map((line) => wrap(line, block.kind === 'fields' ? 4 : undefined)));
  }
  const mode = style.actions ?? 'chat';
  const buttons = mode === 'chat' ? reply.buttons : terminalActions(reply);
  if (buttons.length > 0) {
    const actions = buttons.map((button, at) =>
      mode === 'numbered'
        ? `[${at + 1}] ${button.label}`
        : mode === 'shell'
          ? `${button.label}: ${shellCommand(button.action)}`
          : `[${button.label}: /${button.action.command} ${button.action.args}]`.trimEnd(),
    );
    // One action a line when wrapping (and always for shell commands, to copy one), so a long one never splits another.
    const joined = style.width || mode === 'shell' ? actions.map((action) => wrap(action, 4)).join('\n') : actions.join('  ');
    lines.push(paint('dim', joined));
  }
  const text = lines.join('\n');
  return reply.isError ? paint('yellow', text) : text;
}

type Paint = (code: keyof typeof ANSI, text: string) => string;

function renderBlock(block: Block, paint: Paint): string[] {
  switch (block.kind) {
    case 'heading':
      return [paint('bold', sanitize(block.text))];
    case 'text':
      return [rich(block.text, paint)];
    case 'note':
      return [paint('dim', sanitize(block.text))];
    case 'fields':
      return block.fields.map((field) =>
        // Short one-line values read best beside their label; long or multi-line ones go below it.
        !field.value.includes('\n') && field.label.length + field.value.length < 100
          ? `${paint('bold', `${sanitize(field.label)}:`)} ${sanitize(field.value)}`
          : `${paint('bold', sanitize(field.label))}\n${indent(sanitize(field.value))}`,
      );
    case 'list':
      return block.items.map((item) => `  • ${rich(item, paint)}`);
    case 'result': {
      const lines = [...(block.title ? [paint('bold', sanitize(block.title))] : []), indent(rich(block.body, paint))];
      for (const field of block.fields ?? []) lines.push(indent(`${sanitize(field.label)}: ${sanitize(field.value)}`));
      lines.push(indent(paint('dim', `— ${citationText(block.citation)}`)));
      return lines;
    }
    case 'quote':
      return [
        `${showsSpeakerLabel(block) ? `${paint('cyan', sanitize(block.speaker))}: ` : ''}${
          block.speech === 'indirect' ? rich(block.text, paint) : `“${rich(block.text, paint)}”`
        }`,
        indent(paint('dim', `— ${citationText(block.citation)}`)),
      ];
  }
}

function rich(text: RichText, paint: Paint): string {
  return text
    .map((span) => {
      if (span.match || span.emphasis === 'strong') return paint('bold', sanitize(span.text));
      if (span.emphasis === 'code') return paint('cyan', `\`${sanitize(span.text)}\``);
      return sanitize(span.text);
    })
    .join('');
}

/** The shell command a button stands for: `readout lookup 'belt and road' --limit 5 --offset 5`, the query in full. */
export function shellCommand(action: { command: string; args: string }): string {
  const flag = action.args.search(/(?:^|\s)--/);
  const query = (flag === -1 ? action.args : action.args.slice(0, flag)).trim();
  const flags = flag === -1 ? '' : action.args.slice(flag).trim();
  return ['readout', action.command, query ? shellQuote(query) : '', flags].filter(Boolean).join(' ');
}

/** One shell word: as it is when it is plain, else in single quotes (a quote inside closed, escaped and reopened). */
function shellQuote(text: string): string {
  return /^[\p{L}\p{N}_.,:/@+-]+$/u.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}

/** Corpus text must not drive the terminal: strip escape and control characters (newlines stay). */
function sanitize(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing terminal control characters is the point
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '');
}
