import { stripUnsafeCharacters } from '../../core/text/strip-unsafe-characters.js';
import { truncateGraphemes } from '../../core/text/truncate-graphemes.js';

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

/** Escapes corpus or user text for a Slack mrkdwn field: no mention, link or formatting can come out of it. */
export function escapeMrkdwn(text: string): string {
  return (
    stripUnsafeCharacters(text)
      .replace(/[&<>*~`]/g, (char) => LOOK_ALIKES[char] ?? char)
      .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, LOOK_ALIKES['_']!)
      // Slack shows a line starting with `&gt;` as a block quote; a zero-width space in front keeps it text.
      .replace(/^([ \t]*)&gt;/gm, '$1\u200b&gt;')
  );
}

/** Cuts text to at most `max` characters between graphemes, with an ellipsis when cut (for plain_text fields). */
export function cutText(text: string, max: number): string {
  return truncateGraphemes(stripUnsafeCharacters(text), max);
}

/**
 * Escapes text and cuts it so the escaped form fits `max`: the cut is made in the source text, so an
 * entity such as `&amp;` is never cut into `&am…`, and escaping cannot push the result past the limit.
 */
export function escapeAndCut(text: string, max: number): string {
  const source = stripUnsafeCharacters(text);
  let room = max;
  let escaped = escapeMrkdwn(truncateGraphemes(source, room));
  // Every character escapes to at least one unit, so dropping the overshoot always makes progress.
  while (escaped.length > max && room > 0) {
    room -= escaped.length - max;
    escaped = escapeMrkdwn(truncateGraphemes(source, room));
  }
  return escaped;
}
