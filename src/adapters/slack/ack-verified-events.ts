import type { IncomingMessage, ServerResponse } from 'node:http';
import { type App, HTTPModuleFunctions } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';
import type { TurnQueue } from '../../core/turn-queue.js';
import { readSlashCommand } from './read-slack-payload.js';
import { slackMessages } from './slack-messages.js';

const http = HTTPModuleFunctions;

export interface AckVerifiedEventsOptions {
  signingSecret: string;
  /** The app the events go to (it exists only after the receiver does). */
  app: () => App;
  /** Where acknowledged events wait for Bolt's listeners, one per loop turn. */
  queue: TurnQueue;
  logger: Logger;
}

/**
 * The handler of POST /slack/events, routed by Bolt's HTTPReceiver (as a custom route, on the path as Bolt
 * reads it). It does what HTTPReceiver does for its own endpoints, with Bolt's own functions and in the same
 * order: Bolt's signature check on the exact bytes of the body, then Bolt's parser on those same bytes,
 * `ssl_check` and `url_verification` answered and dropped. Only then, and only for a verified request, it
 * writes the 200 before Bolt's listeners run, so a burst of commands does not wait for each other's middleware:
 * the app processes the event on a later loop turn with an acknowledgement that goes nowhere.
 */
export function ackVerifiedEvents(options: AckVerifiedEventsOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const log = options.logger;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let verified: Awaited<ReturnType<typeof http.parseAndVerifyHTTPRequest>>;
    try {
      verified = await http.parseAndVerifyHTTPRequest({ enabled: true, signingSecret: options.signingSecret }, req, res);
    } catch (error) {
      log.warn({ reason: (error as Error).message }, 'slack request rejected: not signed by Slack');
      http.buildNoBodyResponse(res, 401);
      return;
    }
    // biome-ignore lint/suspicious/noExplicitAny: Bolt's parsed bodies are any
    let body: any;
    try {
      body = http.parseHTTPRequestBody(verified);
    } catch (error) {
      log.warn({ reason: (error as Error).message }, 'slack request rejected: unreadable body');
      http.buildNoBodyResponse(res, 400);
      return;
    }
    if (body?.ssl_check === '1') {
      http.buildSSLCheckResponse(res);
      return;
    }
    if (body?.type === 'url_verification') {
      http.buildUrlVerificationResponse(res, body);
      return;
    }
    if (body?.command !== undefined) {
      const command = readSlashCommand(body);
      if (!command.ok) {
        log.warn({ field: command.field }, 'slack command with a malformed field');
        http.buildContentResponse(res, { response_type: 'ephemeral', text: slackMessages.malformedRequest });
        return;
      }
    }
    http.buildNoBodyResponse(res, 200);
    const event = {
      body,
      // The real acknowledgement is already written; Bolt's listeners ack into nothing.
      ack: async () => {},
      retryNum: http.extractRetryNumFromHTTPRequest(req),
      retryReason: http.extractRetryReasonFromHTTPRequest(req),
      customProperties: {},
    };
    await options.queue.run(() => options.app().processEvent(event));
  };
  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error({ err: error }, 'slack request failed in bolt');
      if (!res.headersSent) http.buildNoBodyResponse(res, 500);
    });
  };
}
