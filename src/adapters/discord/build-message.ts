import { type APIActionRowComponent, type APIButtonComponent, type APIEmbed, ButtonStyle, ComponentType } from 'discord.js';
import type { ActionTable } from '../../commands/action-table.js';
import type { Button, Reply } from '../../core/reply.js';
import { type ButtonTarget, encodeButtonTarget } from './button-target.js';
import { discordLimits as limits } from './discord-limits.js';
import { discordMessages } from './discord-messages.js';
import { type EmbedPage, renderEmbeds } from './render-embeds.js';
import { truncateText } from './truncate-text.js';

/** A reply rendered into pages, kept so the page button can show the next one. */
export interface PagedReply {
  pages: EmbedPage[];
  buttons: Button[];
}

export interface MessageTables {
  actions: ActionTable<ButtonTarget>;
  pages: ActionTable<PagedReply>;
}

export interface DiscordMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
}

/** The first page of a reply as a Discord message; further pages are stored and reached with "More results". */
export function buildMessage(reply: Reply, tables: MessageTables): DiscordMessage {
  const pages = renderEmbeds(reply);
  if (pages.length === 1) return { embeds: pages[0] ?? [], components: buttonRows(reply.buttons, undefined, tables) };
  const paged: PagedReply = { pages, buttons: reply.buttons };
  return buildPage(paged, tables.pages.put(paged), 0, tables);
}

/** Every page of a reply as its own message, buttons on the last, for posts nobody pages through (digests). */
export function buildMessages(reply: Reply, tables: MessageTables): DiscordMessage[] {
  const pages = renderEmbeds(reply);
  return pages.map((embeds, index) => ({
    embeds,
    components: index === pages.length - 1 ? buttonRows(reply.buttons, undefined, tables) : [],
  }));
}

/** One page of a stored reply. The reply's own "more" button shows on the last page, after the page button runs out. */
export function buildPage(paged: PagedReply, pagesKey: string, page: number, tables: MessageTables): DiscordMessage {
  const index = Math.min(page, paged.pages.length - 1);
  const last = index === paged.pages.length - 1;
  const next = last ? undefined : { key: pagesKey, page: index + 1, pages: paged.pages.length };
  const buttons = last ? paged.buttons : paged.buttons.filter((b) => b.id !== 'more');
  return { embeds: paged.pages[index] ?? [], components: buttonRows(buttons, next, tables) };
}

function buttonRows(
  buttons: Button[],
  next: { key: string; page: number; pages: number } | undefined,
  tables: MessageTables,
): DiscordMessage['components'] {
  const rendered: APIButtonComponent[] = [];
  const used = new Set<string>();
  if (next) {
    rendered.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: discordMessages.nextPage(next.page + 1, next.pages),
      custom_id: encodeButtonTarget({ kind: 'page', pagesKey: next.key, page: next.page }, tables.actions),
    });
  }
  for (const button of buttons) {
    if (rendered.length >= limits.buttonsPerRow * limits.rowsPerMessage) break;
    let customId = encodeButtonTarget({ kind: 'action', button: button.id, action: button.action }, tables.actions);
    // Discord rejects a message whose buttons share a custom_id; a table key is always unique.
    if (used.has(customId)) customId = `t:${tables.actions.put({ kind: 'action', button: button.id, action: button.action })}`;
    used.add(customId);
    rendered.push({
      type: ComponentType.Button,
      style: button.style === 'primary' ? ButtonStyle.Primary : button.style === 'danger' ? ButtonStyle.Danger : ButtonStyle.Secondary,
      label: truncateText(button.label, limits.buttonLabel) || button.id,
      custom_id: customId,
    });
  }
  const rows: DiscordMessage['components'] = [];
  for (let i = 0; i < rendered.length; i += limits.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: rendered.slice(i, i + limits.buttonsPerRow) });
  }
  return rows;
}
