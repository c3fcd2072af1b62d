import { createDiscordPoster } from '../adapters/discord/create-discord-poster.js';
import { createSlackDigestPoster } from '../adapters/slack/create-slack-digest-poster.js';
import type { Config } from '../config.js';
import { systemClock } from '../core/clock.js';
import type { DigestPoster } from '../core/digest/digest-types.js';
import type { Logger } from '../core/logger.js';

/** Posters for the platforms whose tokens are configured, so `readout digest run` can post to real channels. */
export async function createPlatformPosters(
  config: Config,
  logger: Logger,
): Promise<{ posters: DigestPoster[]; close: () => Promise<void> }> {
  const posters: DigestPoster[] = [];
  const closers: (() => void)[] = [];
  if (config.SLACK_BOT_TOKEN) {
    posters.push(createSlackDigestPoster({ botToken: config.SLACK_BOT_TOKEN, apiUrl: config.SLACK_API_URL, logger }));
  }
  if (config.DISCORD_TOKEN) {
    const discord = createDiscordPoster({
      token: config.DISCORD_TOKEN,
      apiUrl: config.DISCORD_API_URL,
      logger,
      clock: systemClock,
      requestsPerSecond: config.READOUT_DISCORD_REQUESTS_PER_SECOND,
    });
    posters.push(discord);
    closers.push(() => discord.close());
  }
  return {
    posters,
    close: async () => {
      for (const close of closers) close();
    },
  };
}
