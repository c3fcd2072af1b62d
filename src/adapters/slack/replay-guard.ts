import { createHash } from 'node:crypto';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';
import type { SeenRequests } from './seen-requests.js';

/**
 * Global middleware: Slack redelivers a request it thinks we missed (X-Slack-Retry-Num); a repeat of one
 * we already took is acknowledged and dropped, so a command never runs (and answers) twice.
 */
export function replayGuard(seen: SeenRequests, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const key = requestKey(args.body as Record<string, unknown>);
    if (seen.firstSight(key)) {
      await args.next();
      return;
    }
    logger.info(
      { key: key.slice(0, 24), retryNum: args.context.retryNum, retryReason: args.context.retryReason },
      'slack duplicate request ignored',
    );
    const ack = (args as { ack?: () => Promise<void> }).ack;
    if (ack) await ack();
  };
}

/** Slack's own ids when the payload has one (trigger_id for commands and clicks, event_id for events), else a hash. */
function requestKey(body: Record<string, unknown>): string {
  for (const field of ['trigger_id', 'event_id'] as const) {
    const value = body[field];
    if (typeof value === 'string' && value.length > 0) return `${field}:${value}`;
  }
  return `sha256:${createHash('sha256').update(JSON.stringify(body)).digest('hex')}`;
}
