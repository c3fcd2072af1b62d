import { escapeMarkdown } from 'discord.js';

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Makes corpus or user text inert in Discord markdown: formatting characters are escaped, and mention
 * syntax (`@everyone`, `<@123>`, `<#1>`, `</cmd:1>`, `<t:1>`) is broken with a zero-width space so it
 * shows as typed. allowed_mentions already stops pings; this stops the text from rendering as a mention.
 */
export function escapeDiscordText(text: string): string {
  const escaped = escapeMarkdown(text, {
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  });
  return escaped.replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`).replace(/<(?=[@#/:at])/g, `<${ZERO_WIDTH_SPACE}`);
}
