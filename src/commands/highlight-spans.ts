import type { RichText } from '../core/reply.js';

/** Turns a snippet and its [start, end) match ranges into rich text with the matches marked. */
export function highlightSpans(snippet: string, highlights: readonly (readonly [number, number])[]): RichText {
  const spans: RichText = [];
  let cursor = 0;
  const ordered = [...highlights].sort((a, b) => a[0] - b[0]);
  for (const [start, end] of ordered) {
    if (start < cursor || end <= start || end > snippet.length) continue;
    if (start > cursor) spans.push({ text: snippet.slice(cursor, start) });
    spans.push({ text: snippet.slice(start, end), match: true });
    cursor = end;
  }
  if (cursor < snippet.length) spans.push({ text: snippet.slice(cursor) });
  return spans;
}
