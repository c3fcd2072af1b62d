/**
 * Slack mrkdwn has no escape for its formatting characters, only for `&`, `<` and `>`; so corpus and user
 * text swaps `*`, `~`, the backtick and word-edge `_` for look-alikes, and can then neither format nor break
 * our own bold highlights. An underscore inside a word (document ids like `000_4428`) cannot start italics
 * and stays, so ids still copy and paste. Escaping `<` is what makes `<!channel>`, `<@U123>` and links inert.
 */
const LOOK_ALIKES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '*': '\u2217',
  _: '\u02cd',
  '~': '\u223c',
  '`': '\u02cb',
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we strip
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Escapes corpus or user text for a Slack mrkdwn field: no mention, link or formatting can come out of it. */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(/[&<>*~`]/g, (char) => LOOK_ALIKES[char] ?? char)
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, LOOK_ALIKES['_']!);
}

/** Cuts text to at most `max` characters, with an ellipsis when cut (for plain_text fields). */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}
