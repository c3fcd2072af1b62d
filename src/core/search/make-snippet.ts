import { tokenize } from './tokenize.js';

/** Longest snippet, ellipses included. */
export const SNIPPET_LENGTH = 240;
const ELLIPSIS = '…';
/** Context kept before the first match, so the snippet does not start on the matched word. */
const LEAD = 50;

export interface Snippet {
  snippet: string;
  highlights: [number, number][];
}

/**
 * Cuts a bounded excerpt around the densest cluster of matched words, at word boundaries, and returns
 * the matched words' ranges within it (the renderers turn those into bold).
 */
export function makeSnippet(text: string, isMatch: (term: string) => boolean, maxLength = SNIPPET_LENGTH): Snippet {
  const clean = text.replace(/\s+/g, ' ').trim();
  const tokens = tokenize(clean);
  const matches = tokens.filter((token) => isMatch(token.term));
  if (clean.length <= maxLength) {
    return { snippet: clean, highlights: matches.map((token) => [token.start, token.end]) };
  }
  // Densest window: the match that starts the most matches within one snippet length.
  let anchor = 0;
  let bestCount = 0;
  for (let i = 0, j = 0; i < matches.length; i++) {
    while (j < matches.length && matches[j]!.end - matches[i]!.start <= maxLength - 2 * LEAD) j++;
    if (j - i > bestCount) {
      bestCount = j - i;
      anchor = matches[i]!.start;
    }
  }
  const budget = maxLength - 2 * ELLIPSIS.length;
  let start = Math.max(0, anchor - LEAD);
  if (start + budget > clean.length) start = Math.max(0, clean.length - budget);
  // Move the cut points onto word boundaries: forward for the start, backward for the end.
  if (start > 0) {
    const nextSpace = clean.indexOf(' ', start - 1);
    start = nextSpace === -1 || nextSpace >= anchor ? anchor : nextSpace + 1;
  }
  let end = Math.min(clean.length, start + budget);
  if (end < clean.length) {
    const lastSpace = clean.lastIndexOf(' ', end);
    if (lastSpace > start) end = lastSpace;
  }
  const prefix = start > 0 ? ELLIPSIS : '';
  const suffix = end < clean.length ? ELLIPSIS : '';
  const body = clean.slice(start, end).trim();
  const bodyStart = start + (clean.slice(start, end).length - clean.slice(start, end).trimStart().length);
  const highlights: [number, number][] = matches
    .filter((token) => token.start >= bodyStart && token.end <= bodyStart + body.length)
    .map((token) => [token.start - bodyStart + prefix.length, token.end - bodyStart + prefix.length]);
  return { snippet: `${prefix}${body}${suffix}`, highlights };
}
