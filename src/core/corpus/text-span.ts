/** A [start, end) range of characters in some text. */
export interface TextSpan {
  start: number;
  end: number;
}

/** Narrows a span so it neither starts nor ends with whitespace; empty when only whitespace remains. */
export function trimSpan(text: string, start: number, end: number): TextSpan {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text.charAt(s))) s++;
  while (e > s && /\s/.test(text.charAt(e - 1))) e--;
  return { start: s, end: e };
}
