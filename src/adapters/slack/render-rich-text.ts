import type { RichText, Span } from '../../core/reply.js';
import { graphemesOf } from '../../core/text/truncate-graphemes.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';

/**
 * Renders rich text as escaped mrkdwn, cut into chunks of at most `max` characters so each fits one
 * section. Matches become `*bold*`; the markers sit inside surrounding spaces because Slack only
 * formats `*word*` when the asterisks touch the word.
 */
export function renderRichText(text: RichText, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  const push = (piece: string) => {
    if (current.length + piece.length > max && current.length > 0) {
      chunks.push(current);
      current = '';
    }
    current += piece;
  };
  text.forEach((span, i) => {
    // Slack shows `*terror*ism` with its asterisks, so a match inside a word stays plain.
    const touchesBefore = !/^\s/.test(span.text) && WORD_CHAR.test(text[i - 1]?.text.slice(-1) ?? '');
    const touchesAfter = !/\s$/.test(span.text) && WORD_CHAR.test(text[i + 1]?.text.charAt(0) ?? '');
    const inWord = touchesBefore || touchesAfter;
    const plain = markerOf(span) && inWord ? { text: span.text } : span;
    for (const piece of spanPieces(plain, max)) push(piece);
  });
  if (current.length > 0) chunks.push(current);
  return chunks;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** One span as one or more rendered pieces, each at most `max` characters. */
function spanPieces(span: Span, max: number): string[] {
  const marker = markerOf(span);
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(span.text);
  const lead = match?.[1] ?? '';
  const core = match?.[2] ?? span.text;
  const trail = match?.[3] ?? '';
  if (!marker || core.length === 0) return splitEscaped(span.text, max);
  const inner = splitEscaped(core, max - 2 - lead.length - trail.length);
  return inner.map((part, index) => {
    const before = index === 0 ? escapeMrkdwn(lead) : '';
    const after = index === inner.length - 1 ? escapeMrkdwn(trail) : '';
    return `${before}${marker}${part}${marker}${after}`;
  });
}

function markerOf(span: Span): string | undefined {
  if (span.match || span.emphasis === 'strong') return '*';
  if (span.emphasis === 'em') return '_';
  if (span.emphasis === 'code') return '`';
  return undefined;
}

/** Escapes text and splits it so every part's escaped form fits `max`, preferring to cut at a space. */
function splitEscaped(text: string, max: number): string[] {
  const limit = Math.max(8, max);
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= limit) return escaped.length > 0 ? [escaped] : [];
  const parts: string[] = [];
  let part = '';
  let lastSpace = -1;
  for (const char of graphemesOf(text)) {
    const rendered = escapeMrkdwn(char);
    if (part.length + rendered.length > limit) {
      if (lastSpace > limit / 2) {
        parts.push(part.slice(0, lastSpace + 1));
        part = part.slice(lastSpace + 1);
      } else {
        parts.push(part);
        part = '';
      }
      lastSpace = -1;
    }
    if (char === ' ') lastSpace = part.length;
    part += rendered;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}
