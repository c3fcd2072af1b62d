import { type Block, citationText, type Reply, type RichText } from '../../core/reply.js';

export interface TextStyle {
  /** ANSI colour and bold; only on a TTY. */
  color: boolean;
}

const ANSI = { bold: '\u001b[1m', dim: '\u001b[2m', cyan: '\u001b[36m', yellow: '\u001b[33m', red: '\u001b[31m', reset: '\u001b[0m' };

/** Renders a neutral reply as terminal text; matches are bold on a TTY and `[word]`-free plain text otherwise. */
export function renderText(reply: Reply, style: TextStyle): string {
  const paint = (code: keyof typeof ANSI, text: string) => (style.color ? `${ANSI[code]}${text}${ANSI.reset}` : text);
  const lines: string[] = [];
  for (const block of reply.blocks) lines.push(...renderBlock(block, paint));
  if (reply.buttons.length > 0) {
    lines.push(
      paint(
        'dim',
        reply.buttons.map((button) => `[${button.label}: /${button.action.command} ${button.action.args}]`.trimEnd()).join('  '),
      ),
    );
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
      const lines = [paint('bold', sanitize(block.title)), indent(rich(block.body, paint))];
      for (const field of block.fields ?? []) lines.push(indent(`${sanitize(field.label)}: ${sanitize(field.value)}`));
      lines.push(indent(paint('dim', `— ${citationText(block.citation)}`)));
      return lines;
    }
    case 'quote':
      return [
        block.speech === 'indirect'
          ? `${paint('cyan', sanitize(block.speaker))}: ${rich(block.text, paint)}`
          : `${paint('cyan', sanitize(block.speaker))}: “${rich(block.text, paint)}”`,
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
