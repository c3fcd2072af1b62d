import { type IncomingMessage, ServerResponse } from 'node:http';
import { isValidSlackRequest } from '@slack/bolt';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { TurnQueue } from '../../core/turn-queue.js';
import { firstValues, readInteractivePayload, readSlashCommand } from './read-slack-payload.js';
import { slackMessages } from './slack-messages.js';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export interface AckBeforeWorkOptions {
  signingSecret: string;
  /** The events endpoint, e.g. `/slack/events`. */
  path: string;
  clock: Clock;
  logger: Logger;
  /** Bodies larger than this get a 413 (Slack's own are a few kilobytes). */
  maxBodyBytes?: number;
  /** Where acknowledged requests wait for Bolt, one per loop turn, so Bolt's own work does not delay the next 200. */
  queue: TurnQueue;
}

/**
 * Wraps Bolt's HTTP request listener so that a signed slash command or interaction is answered with its
 * 200 before Bolt sees it. Bolt acknowledges from inside the listener chain, so under a burst the k-th
 * request waited for k-1 commands; here the acknowledgement is written first and Bolt gets the request
 * with a response that goes nowhere, on a later loop turn. This wrapper therefore checks signatures itself (Bolt's check must
 * be off: the body it gets is normalised, each form field reduced to its first value) and answers a
 * malformed command with a message instead of passing it on. Anything else (events, url_verification,
 * ssl_check, other paths) goes to Bolt untouched.
 */
export function ackBeforeWork(listener: Listener, options: AckBeforeWorkOptions): Listener {
  const log = options.logger;
  const maxBytes = options.maxBodyBytes ?? 1_000_000;
  const later = (job: () => void) =>
    options.queue.run(job).catch((error: unknown) => log.error({ err: error }, 'slack request failed in bolt'));
  return (req, res) => {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== options.path) {
      listener(req, res);
      return;
    }
    // Until this request's answer is written, queued commands wait, so reading its body does not wait for them.
    void options.queue.hold(new Promise<void>((resolve) => res.once('finish', resolve).once('close', resolve)));
    readBody(req, maxBytes)
      .then(
        (raw) => {
          const text = raw.toString('utf8');
          if (!signed(req, text, options)) {
            log.warn({}, 'slack request rejected: bad signature or stale timestamp');
            res.writeHead(401).end();
            return;
          }
          const handOver = (body: string, response: ServerResponse) => {
            (req as IncomingMessage & { rawBody?: Buffer }).rawBody = Buffer.from(body);
            listener(req, response);
          };
          if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
            handOver(text, res);
            return;
          }
          const fields = firstValues(new URLSearchParams(text));
          const payload = fields['payload'];
          if (payload !== undefined) {
            if (!readInteractivePayload(payload)) {
              log.warn({}, 'slack interaction rejected: unreadable payload');
              res.writeHead(400).end();
              return;
            }
            res.writeHead(200).end();
            void later(() => handOver(new URLSearchParams({ payload }).toString(), sink(req)));
            return;
          }
          if (fields['command'] !== undefined) {
            const command = readSlashCommand(fields);
            if (!command.ok) {
              log.warn({ field: command.field }, 'slack command rejected: malformed field');
              res.writeHead(200, { 'content-type': 'application/json' });
              res.end(JSON.stringify({ response_type: 'ephemeral', text: slackMessages.malformedRequest }));
              return;
            }
            res.writeHead(200).end();
            void later(() => handOver(new URLSearchParams(fields).toString(), sink(req)));
            return;
          }
          handOver(text, res);
        },
        (error: unknown) => {
          log.warn({ err: error }, 'slack request body unreadable');
          if (!res.headersSent) res.writeHead(413).end();
          req.resume();
        },
      )
      .catch((error: unknown) => {
        // Nothing above should throw; if it does, the request still gets an answer and the process keeps running.
        log.error({ err: error }, 'slack request failed before bolt');
        if (!res.headersSent) res.writeHead(500).end();
      });
  };
}

/** A response nobody reads: Bolt's own acknowledgement lands here, since the real one is already sent. */
function sink(req: IncomingMessage): ServerResponse {
  return new ServerResponse(req);
}

function signed(req: IncomingMessage, body: string, options: AckBeforeWorkOptions): boolean {
  const signature = header(req, 'x-slack-signature');
  const timestamp = Number(header(req, 'x-slack-request-timestamp'));
  // Slack's SSL check is the one request it sends unsigned, and it carries nothing to act on.
  if (!signature && /(?:^|&)ssl_check=1(?:&|$)/.test(body)) return true;
  if (!signature || !Number.isFinite(timestamp)) return false;
  return isValidSlackRequest({
    signingSecret: options.signingSecret,
    body,
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
    nowMilliseconds: options.clock.now().getTime(),
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new Error(`body over ${maxBytes} bytes`));
        req.removeAllListeners('data');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
