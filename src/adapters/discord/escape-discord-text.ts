import { stripUnsafeCharacters } from '../../core/text/strip-unsafe-characters.js';

const ZERO_WIDTH_SPACE = '\u200b';

/** Characters that format, link or spoil anywhere in a line: each gets a backslash. */
const INLINE = /[\\*_~`|[\]]/g;
/** What a line may start with to become a quote (`>`, `>>>`), heading (`#`), subtext (`-#`) or list item (`-`, `+`, `*`). */
const LINE_START = /^([ \t]*)([>#+-])/gm;
/**
 * `1. ` at a line start would become a numbered list. A dot opening the text is escaped too: a reply's
 * spans are escaped one by one, and `1` in one span with `. ` in the next would form the same list.
 */
const NUMBERED = /^([ \t]*\d*)\.(?=[ \t]|$)/gm;
/** `scheme://` would turn into a live link; escaping its colon keeps it text (also at the end, for the next span). */
const SCHEME = /:(?=\/\/|\/?$)/g;

/**
 * Makes corpus or user text inert in Discord markdown, in one linear pass per rule (discord.js's
 * escapeMarkdown is quadratic in its italic rule and escapes one masked link per line): every formatting
 * character and bracket is escaped, so no masked link survives; so are quote, heading, subtext and list
 * markers at line starts, and the colon of any `scheme://`. Mention syntax (`@everyone`, `<@123>`, `<#1>`,
 * `</cmd:1>`, `<t:1>`) is broken with a zero-width space so it shows as typed. Controls and bidi controls
 * are removed. allowed_mentions already stops pings; this stops the text from rendering as anything.
 */
export function escapeDiscordText(text: string): string {
  return stripUnsafeCharacters(text)
    .replace(INLINE, '\\$&')
    .replace(LINE_START, '$1\\$2')
    .replace(NUMBERED, '$1\\.')
    .replace(SCHEME, '\\:')
    .replace(/@(?=everyone|here|$)/gi, `@${ZERO_WIDTH_SPACE}`)
    .replace(/<(?=[@#/:at]|$)/gi, `<${ZERO_WIDTH_SPACE}`);
}
