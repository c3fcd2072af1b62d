import { NEVER_FINAL_ABBREVIATIONS, SENTENCE_STARTERS } from './sentence-rules.js';
import { type TextSpan, trimSpan } from './text-span.js';

// A run of terminators plus any closing quotes or brackets that belong to the sentence they end.
const TERMINATOR = /(?:[.!?\u2026]+|[\u3002\uff01\uff1f]+)["'\u201d\u2019\u00bb)\]]*/gu;
const CJK_TERMINATOR = /^[\u3002\uff01\uff1f]/u;
// What may open the next sentence: a capital, a digit, or an opening quote/bracket before one.
const OPENER = /^\s+["'\u201c\u2018\u00ab([]*[\p{Lu}\p{N}\p{Lo}]/u;

/** Splits text into sentences, surviving abbreviations (Mr., U.S., Jan.), initials (J. K.), decimals and ellipses; spans are trimmed offsets into `text`. */
export function splitSentences(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let from = 0;
  for (const match of text.matchAll(TERMINATOR)) {
    const end = match.index + match[0].length;
    if (!endsSentence(text, match.index, match[0], end)) continue;
    pushSpan(spans, text, from, end);
    from = end;
  }
  pushSpan(spans, text, from, text.length);
  return spans;
}

function pushSpan(spans: TextSpan[], text: string, start: number, end: number): void {
  const span = trimSpan(text, start, end);
  if (span.end > span.start) spans.push(span);
}

function endsSentence(text: string, at: number, terminator: string, end: number): boolean {
  if (CJK_TERMINATOR.test(terminator)) return true;
  if (end >= text.length) return true;
  const rest = text.slice(end, end + 40);
  if (!OPENER.test(rest)) return false;
  // Only a single period can belong to an abbreviation; "?", "!" and "..." followed by a capital end the sentence.
  if (!/^\.(?!\.)/.test(terminator)) return true;
  const word = wordBefore(text, at);
  if (word === '') return true;
  if (NEVER_FINAL_ABBREVIATIONS.has(word)) return false;
  // A lone capital is an initial ("J. K. Rowling").
  if (/^\p{Lu}$/u.test(word)) return false;
  // Dotted acronyms ("U.S.", "U.N.") end a sentence only when a typical opener follows.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) {
    const next = /^\s+["'\u201c\u2018]*(\p{L}+)/u.exec(rest)?.[1] ?? '';
    return SENTENCE_STARTERS.has(next);
  }
  return true;
}

/** The word just before position `at`, without opening quotes or brackets. */
function wordBefore(text: string, at: number): string {
  let start = at;
  while (start > 0 && !/\s/.test(text.charAt(start - 1))) start--;
  return text.slice(start, at).replace(/^["'\u201c\u2018([]+/u, '');
}
