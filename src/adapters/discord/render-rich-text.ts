import type { RichText, Span } from '../../core/reply.js';
import { stripUnsafeCharacters } from '../../core/text/strip-unsafe-characters.js';
import { graphemesOf } from '../../core/text/truncate-graphemes.js';
import { escapeDiscordText } from './escape-discord-text.js';

const ELLIPSIS = '…';

/**
 * Renders rich text as Discord markdown within `max` characters: matches and strong spans bold, the
 * text itself escaped. Cuts inside a span rather than after escaping, so an escape or a `**` pair is
 * never split.
 */
export function renderRichText(text: RichText, max: number): string {
  let out = '';
  for (const span of text) {
    const whole = renderSpan(span, span.text);
    if (out.length + whole.length <= max) {
      out += whole;
      continue;
    }
    out += renderCut(span, max - out.length - ELLIPSIS.length) + ELLIPSIS;
    break;
  }
  return out;
}

function renderSpan(span: Span, raw: string): string {
  const text = stripUnsafeCharacters(raw);
  if (text.trim() === '') return text;
  // Markdown markers must hug the text: `** word **` would not render bold.
  const lead = text.match(/^\s*/)?.[0] ?? '';
  const trail = text.match(/\s*$/)?.[0] ?? '';
  const inner = text.slice(lead.length, text.length - trail.length);
  // Code can neither ping nor link; text with backticks of its own cannot be code and is escaped instead.
  if (span.emphasis === 'code' && !inner.includes('`')) return `${lead}\`${inner}\`${trail}`;
  const core = escapeDiscordText(inner);
  const marker = span.match || span.emphasis === 'strong' ? '**' : span.emphasis === 'em' ? '_' : '';
  return `${lead}${marker}${core}${marker}${trail}`;
}

/** The longest prefix of the span whose rendering fits in `room`. */
function renderCut(span: Span, room: number): string {
  if (room <= 0) return '';
  const chars = Array.from(graphemesOf(span.text));
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (renderSpan(span, chars.slice(0, mid).join('').trimEnd()).length <= room) low = mid;
    else high = mid - 1;
  }
  return renderSpan(span, chars.slice(0, low).join('').trimEnd());
}
