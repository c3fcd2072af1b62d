import type { AttachmentPayload } from 'discord.js';
import type { Logger } from '../../core/logger.js';
import type { Reply } from '../../core/reply.js';
import { renderPng } from '../../core/timeline/index.js';
import { discordLimits } from './discord-limits.js';
import { truncateText } from './truncate-text.js';

/**
 * A reply's picture as a PNG attachment whose description (Discord's alt text) holds the counts; nothing
 * when the reply has no picture. A picture that fails to render is left out: the embeds carry the same numbers.
 */
export function pictureFiles(reply: Reply, logger: Logger): { files?: AttachmentPayload[] } {
  if (!reply.picture || reply.isError) return {};
  try {
    const png = renderPng(reply.picture.svg);
    const description = truncateText(reply.picture.alt, discordLimits.attachmentDescription);
    return { files: [{ attachment: png, name: `${reply.picture.fileName}.png`, description }] };
  } catch (error) {
    logger.error({ err: error }, 'discord picture could not be rendered');
    return {};
  }
}
