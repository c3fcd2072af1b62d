import { type Block, citationText, type Reply, type RichText, showsSpeakerLabel } from '../../core/reply.js';
import { wrapText } from './wrap-text.js';

export interface TextStyle {
  /** ANSI colour and bold; only on a TTY. */
  color: boolean;
  /** Terminal columns to wrap to (at word boundaries, citations hanging); no wrapping when absent. */
  width?: number | undefined;
  /** The command line just typed (`lookup belt and road`): buttons that repeat it show `…` instead, so the query is echoed once. */
  typed?: { command: string; args: string } | undefined;
}

const ANSI = { bold: '\u001b[1m', dim: '\u001b[2m', cyan: '\u001b[36m', yellow: '\u001b[33m', red: '\u001b[31m', reset: '\u001b[0m' };

/** Renders a neutral reply as terminal text; matches are bold on a TTY and `[word]`-free plain text otherwise. */
export function renderText(reply: Reply, style: TextStyle): string {
  const paint = (code: keyof typeof ANSI, text: string) => (style.color ? `${ANSI[code]}${text}${ANSI.reset}` : text);
  const wrap = (text: string, hang?: number) => (style.width ? wrapText(text, style.width, hang) : text);
  const lines: string[] = [];
  for (const block of reply.blocks) {
    const shown = block.kind === 'note' && style.typed ? { ...block, text: elideTyped(block.text, style.typed) } : block;
    // A field's value wraps under its label, four columns in.
    lines.push(...renderBlock(shown, paint).map((line) => wrap(line, block.kind === 'fields' ? 4 : undefined)));
  }
  if (reply.buttons.length > 0) {
    const actions = reply.buttons.map((button) =>
      `[${button.label}: /${button.action.command} ${actionArgs(button.action, style.typed)}]`.trimEnd(),
    );
    // One action a line when wrapping, so a long one never splits another.
    lines.push(paint('dim', style.width ? actions.map((action) => wrap(action, 4)).join('\n') : actions.join('  ')));
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

/** A button's arguments, with the part the user just typed shown as `…` (`… --offset 5`). */
function actionArgs(action: { command: string; args: string }, typed: TextStyle['typed']): string {
  if (!typed || action.command !== typed.command) return action.args;
  for (const already of [typed.args.trim(), queryOf(typed)]) {
    if (already && (action.args === already || action.args.startsWith(`${already} `))) return `…${action.args.slice(already.length)}`;
  }
  return action.args;
}

/** A hint that repeats the typed command (`2 more in this document: /lookup belt and road --doc 003`) with `…` for the query. */
function elideTyped(text: string, typed: { command: string; args: string }): string {
  const query = queryOf(typed);
  return query ? text.split(`/${typed.command} ${query} `).join(`/${typed.command} … `) : text;
}

/** The words typed before the first `--flag`: the query a command's buttons and hints repeat. */
function queryOf(typed: { args: string }): string {
  return (typed.args.split(/(?:^|\s)--/)[0] ?? '').trim();
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
