import { webApi } from '@slack/bolt';
import type { DigestPoster } from '../../core/digest/digest-types.js';
import type { Logger } from '../../core/logger.js';
import { toSlackLogger } from './slack-logger.js';
import { createSlackPoster } from './slack-poster.js';

/** The Web API base URL as the WebClient wants it: with its trailing slash. */
export function slackApiBase(apiUrl: string | undefined): string | undefined {
  if (!apiUrl) return undefined;
  return apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`;
}

/**
 * A digest poster with its own Web API client: no blind retries, and 429s surface at once,
 * because the digest ledger schedules retries. Used by the adapter and by `readout digest run`.
 */
export function createSlackDigestPoster(options: { botToken: string; apiUrl?: string | undefined; logger: Logger }): DigestPoster {
  const slackApiUrl = slackApiBase(options.apiUrl);
  const client = new webApi.WebClient(options.botToken, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    logger: toSlackLogger(options.logger, 'slack-digest'),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 15_000,
  });
  return createSlackPoster(client);
}
