import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';
import type { TurnQueue } from '../../core/turn-queue.js';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** Slack's own request bodies are a few kilobytes; anything over this is refused before it is read whole. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Bodies read at once before Bolt has verified any of them; one more is answered 503. */
export const MAX_PENDING_BODIES = 64;
/** A body still arriving after this long is cut off, so slow senders cannot hold the slots above. */
export const BODY_DEADLINE_MS = 10_000;

export interface BoundRequestBodiesOptions {
  logger: Logger;
  /** Queued commands wait while an answer is being written, so acknowledgements do not compete with them. */
  queue: TurnQueue;
  maxBodyBytes?: number;
  maxPendingBodies?: number;
  bodyDeadlineMs?: number;
}

/**
 * Sits in front of Bolt's HTTPReceiver and only bounds what an unverified request may cost: every POST,
 * whatever its path, is read into `rawBody` (the exact bytes, unchanged) up to 64 KB, with a bounded number
 * read at once and a deadline; then Bolt's receiver gets it and routes it by its own reading of the path.
 * The events route verifies the signature on those same bytes with Bolt's check and parses them with Bolt's
 * parser (ack-verified-events.ts), so there is one router, one verifier and one parser. Bolt's buffering has no
 * limit of its own; a request whose `rawBody` is set is taken as it is.
 */
export function boundRequestBodies(listener: Listener, options: BoundRequestBodiesOptions): Listener {
  const log = options.logger;
  const maxBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const maxPending = options.maxPendingBodies ?? MAX_PENDING_BODIES;
  const deadlineMs = options.bodyDeadlineMs ?? BODY_DEADLINE_MS;
  let pending = 0;

  const refuse = (req: IncomingMessage, res: ServerResponse, status: number, reason: string) => {
    log.warn({ status, reason }, 'slack request refused before verification');
    if (!res.headersSent) res.writeHead(status, { connection: 'close', ...(status === 503 ? { 'retry-after': '1' } : {}) });
    // The rest of the body is not read: the connection closes once the answer is out.
    res.end(() => req.destroy());
  };

  return (req, res) => {
    if ((req.method ?? '').toUpperCase() !== 'POST') {
      listener(req, res);
      return;
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) return refuse(req, res, 413, 'declared body too large');
    if (pending >= maxPending) return refuse(req, res, 503, 'too many bodies being read');
    pending += 1;
    let counted = true;
    const done = () => {
      if (!counted) return;
      counted = false;
      pending -= 1;
    };
    // Until this request's answer is written, queued commands wait, so reading its body does not wait for them.
    void options.queue.hold(new Promise<void>((resolve) => res.once('finish', resolve).once('close', resolve)));
    res.once('close', done);
    readBody(req, maxBytes, deadlineMs).then(
      (raw) => {
        done();
        (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
        try {
          listener(req, res);
        } catch (error) {
          // Bolt throws for a path it does not route (HTTPReceiverDeferredRequestError).
          const unrouted = (error as { code?: string }).code === ErrorCode.HTTPReceiverDeferredRequestError;
          if (!unrouted) log.error({ err: error }, 'slack request failed in bolt');
          if (!res.headersSent) res.writeHead(unrouted ? 404 : 500).end();
        }
      },
      (error: BodyError) => {
        done();
        refuse(req, res, error.status, error.message);
      },
    );
  };
}

class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage, maxBytes: number, deadlineMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error: BodyError) => {
      clearTimeout(timer);
      req.removeListener('data', onData);
      req.pause();
      reject(error);
    };
    const timer = setTimeout(() => stop(new BodyError(408, 'body not received in time')), deadlineMs);
    timer.unref();
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        stop(new BodyError(413, 'body too large'));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    req.once('error', () => stop(new BodyError(400, 'body unreadable')));
  });
}
