import type { APIEmbed, APIEmbedField } from 'discord.js';
import { type Block, citationText, type Reply, showsSpeakerLabel } from '../../core/reply.js';
import { discordLimits as limits } from './discord-limits.js';
import { escapeDiscordText } from './escape-discord-text.js';
import { renderRichText } from './render-rich-text.js';
import { truncateText } from './truncate-text.js';

const COLOR = { normal: 0x5865f2, error: 0xe67e22 } as const;

/** The embeds of one Discord message; a reply too long for one message becomes several pages. */
export type EmbedPage = APIEmbed[];

/**
 * Renders a neutral reply as Discord embeds, page by page: every page fits one message (10 embeds,
 * 6000 characters, per-part limits). Corpus text is escaped; matches are bold; citations go in footers.
 * Never throws on long input: parts are cut with an ellipsis and whole embeds move to later pages.
 */
export function renderEmbeds(reply: Reply): EmbedPage[] {
  const color = reply.isError ? COLOR.error : COLOR.normal;
  const embeds = blocksToEmbeds(reply.blocks, color);
  if (embeds.length === 0)
    embeds.push({ color, description: truncateText(escapeDiscordText(reply.fallback || ' '), limits.embedDescription) });
  const fitted = embeds.map(fitEmbed).filter((e) => e.title || e.description || e.fields?.length || e.footer || e.author);
  if (fitted.length === 0)
    fitted.push({ color, description: truncateText(escapeDiscordText(reply.fallback.trim() || '…'), limits.embedDescription) });
  return paginate(fitted);
}

/** How many characters Discord counts toward the 6000 per message. */
export function embedLength(embed: APIEmbed): number {
  let length = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  length += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) length += field.name.length + field.value.length;
  return length;
}

/** Walks the blocks in order: headings and loose text gather into a general embed; results and quotes get one each. */
function blocksToEmbeds(blocks: Block[], color: number): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  let general: { embed: APIEmbed; lines: string[] } | undefined;
  const flush = () => {
    if (general) embeds.push(...splitDescription(general.embed, general.lines));
    general = undefined;
  };
  const current = () => {
    general ??= { embed: { color }, lines: [] };
    return general;
  };
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        flush();
        general = { embed: { color, title: truncateText(escapeDiscordText(block.text), limits.embedTitle) }, lines: [] };
        break;
      case 'text':
        current().lines.push(renderRichText(block.text, limits.embedDescription));
        break;
      case 'note':
        current().lines.push(renderRichText([{ text: block.text, emphasis: 'em' }], limits.embedDescription));
        break;
      case 'list':
        for (const item of block.items) current().lines.push(`• ${renderRichText(item, limits.embedDescription - 2)}`);
        break;
      case 'fields': {
        const target = current();
        target.embed.fields = [...(target.embed.fields ?? []), ...block.fields.map(toField)];
        break;
      }
      case 'result':
        flush();
        embeds.push({
          color,
          ...(block.title ? { title: truncateText(escapeDiscordText(block.title), limits.embedTitle) } : {}),
          description: renderRichText(block.body, limits.embedDescription),
          ...(block.fields?.length ? { fields: block.fields.map(toField) } : {}),
          footer: { text: truncateText(citationText(block.citation), limits.footerText) },
        });
        break;
      case 'quote':
        flush();
        embeds.push({
          color,
          // Author names and footers are shown as plain text by Discord, so they need no escaping.
          ...(showsSpeakerLabel(block) ? { author: { name: truncateText(block.speaker, limits.authorName) } } : {}),
          description:
            block.speech === 'indirect'
              ? renderRichText(block.text, limits.embedDescription)
              : `“${renderRichText(block.text, limits.embedDescription - 2)}”`,
          footer: { text: truncateText(citationText(block.citation), limits.footerText) },
        });
        break;
    }
  }
  flush();
  return embeds;
}

function toField(field: { label: string; value: string }): APIEmbedField {
  return {
    name: truncateText(escapeDiscordText(field.label), limits.fieldName) || '\u200b',
    value: truncateText(escapeDiscordText(field.value), limits.fieldValue) || '\u200b',
  };
}

/** Puts lines into the description, continuing in further embeds when one is full; fields go on the last. */
function splitDescription(embed: APIEmbed, lines: string[]): APIEmbed[] {
  const fields = embed.fields ?? [];
  const out: APIEmbed[] = [];
  let current: APIEmbed = { ...embed, fields: undefined };
  let description = '';
  for (const line of lines) {
    const next = description ? `${description}\n${line}` : line;
    if (next.length > limits.embedDescription && description) {
      out.push({ ...current, description });
      current = { color: embed.color };
      description = line;
    } else {
      description = next;
    }
  }
  if (description) current.description = description;
  for (let i = 0; i < fields.length; i += limits.embedFields) {
    if (i > 0) {
      out.push(current);
      current = { color: embed.color };
    }
    current.fields = fields.slice(i, i + limits.embedFields);
  }
  if (current.fields === undefined) delete current.fields;
  out.push(current);
  return out.filter((e) => e.title || e.description || e.fields?.length);
}

/** Makes one embed fit a message on its own: drops trailing fields, then shortens the description. */
function fitEmbed(embed: APIEmbed): APIEmbed {
  const fitted = { ...embed, fields: embed.fields ? [...embed.fields] : undefined };
  if (!fitted.fields) delete fitted.fields;
  // Discord rejects blank titles and descriptions rather than ignoring them.
  if (!fitted.title?.trim()) delete fitted.title;
  if (!fitted.description?.trim()) delete fitted.description;
  while (embedLength(fitted) > limits.embedTotal && fitted.fields && fitted.fields.length > 0) fitted.fields.pop();
  const over = embedLength(fitted) - limits.embedTotal;
  if (over > 0 && fitted.description) fitted.description = truncateText(fitted.description, fitted.description.length - over);
  return fitted;
}

function paginate(embeds: APIEmbed[]): EmbedPage[] {
  const pages: EmbedPage[] = [];
  let page: EmbedPage = [];
  let length = 0;
  for (const embed of embeds) {
    const size = embedLength(embed);
    if (page.length > 0 && (page.length >= limits.embedsPerMessage || length + size > limits.embedTotal)) {
      pages.push(page);
      page = [];
      length = 0;
    }
    page.push(embed);
    length += size;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}
