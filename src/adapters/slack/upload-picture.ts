import { randomBytes } from 'node:crypto';
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';
import type { Picture } from '../../core/reply.js';
import { renderPng } from '../../core/timeline/index.js';
import { cutText } from './escape-mrkdwn.js';
import { slackLimits } from './slack-limits.js';
import { slackMessages } from './slack-messages.js';

/** Uploads a reply's picture to a channel; answers with a message for the asker when it could not. */
export type PictureUploader = (where: { team: string; channel: string }, picture: Picture) => Promise<string | undefined>;

/**
 * files.uploadV2 (getUploadURLExternal, the upload, completeUploadExternal) with the PNG of the picture
 * and its alt text. A file shared to a channel is seen by everyone there, so only public replies upload.
 */
export function createPictureUploader(clientFor: (team: string) => Promise<webApi.WebClient | undefined>, logger: Logger): PictureUploader {
  return async (where, picture) => {
    try {
      // In distribution mode each workspace uploads with its own token.
      const client = await clientFor(where.team);
      if (!client) return slackMessages.pictureNeedsInvite;
      const png = renderPng(picture.svg);
      await client.files.uploadV2({
        channel_id: where.channel,
        file: png,
        filename: `${picture.fileName}.png`,
        title: cutText(picture.alt.split('. ')[0] ?? picture.fileName, slackLimits.fileTitle),
        alt_text: cutText(picture.alt, slackLimits.altText),
      });
      return undefined;
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (code === 'not_in_channel' || code === 'channel_not_found') return slackMessages.pictureNeedsInvite;
      const refId = randomBytes(4).toString('hex');
      logger.error({ refId, err: error }, 'slack picture upload failed');
      return slackMessages.pictureFailed(refId);
    }
  };
}
