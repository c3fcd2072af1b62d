import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';

/** Slack's replay window: a request timestamp may differ from our clock by at most five minutes. */
export const MAX_SKEW_SECONDS = 5 * 60;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Wraps the receiver's request listener: Bolt rejects stale timestamps but accepts ones from the future,
 * which would let a captured request be replayed later; such a request gets a 401 before Bolt sees it.
 */
export function rejectFutureTimestamps(listener: Listener, clock: Clock, logger: Logger): Listener {
  return (req, res) => {
    const header = req.headers['x-slack-request-timestamp'];
    const timestamp = Number(Array.isArray(header) ? header[0] : header);
    if (req.method === 'POST' && Number.isFinite(timestamp) && timestamp > clock.now().getTime() / 1000 + MAX_SKEW_SECONDS) {
      logger.warn({ timestamp }, 'slack request rejected: timestamp in the future');
      req.resume();
      res.writeHead(401).end();
      return;
    }
    listener(req, res);
  };
}
