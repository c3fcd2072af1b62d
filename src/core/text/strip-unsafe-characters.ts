/**
 * Characters that change how the text around them shows without showing themselves: C0 and C1 controls
 * (NUL, escape, backspace...) except tab and newline, and the bidi controls (embeddings, overrides,
 * isolates, marks) with which a right-to-left override in a query would reverse the rest of our reply.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes controls and bidi controls (keeping tab and newline) and replaces lone surrogates with U+FFFD. */
export function stripUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE, '').replace(LONE_SURROGATE, '\ufffd');
}
