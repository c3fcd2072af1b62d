import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake platform saw: accepted posts, refusals, and posts for a channel that already had one. */
export interface PlatformStats {
  accepted: number;
  rejected429: number;
  duplicates: number;
  /** Most requests accepted within any one second (sliding), to show the pacing held. */
  peakPerSecond: number;
}

export type LimitMode = 'window' | 'bucket';

export interface FakePlatform {
  /** Base URL; Discord's API is `${url}/api` (discord.js adds /v10), Slack's Web API is `${url}/api/`. */
  url: string;
  stats: PlatformStats;
  /**
   * Changes the global limit (requests per second; 0 = none) and how it is counted, and forgets what it saw:
   * `window` refuses a request when the rolling second already holds `limit`; `bucket` is a token bucket of
   * `limit` tokens refilled at `limit` per second.
   */
  reset(globalPerSecond: number, mode?: LimitMode): void;
  close(): Promise<void>;
}

/**
 * A loopback HTTP server speaking just enough of Discord's `POST /channels/{id}/messages` and Slack's
 * `chat.postMessage` for the digest: it answers at once, and can enforce a global limit per rolling second
 * the way Discord does (429 with Retry-After and X-RateLimit-Global), counting refusals and duplicates.
 */
export async function startFakePlatform(): Promise<FakePlatform> {
  let limit = 0;
  let mode: LimitMode = 'window';
  let tokens = 0;
  let refilledAt = 0;
  let window: number[] = [];
  const seen = new Set<string>();
  const stats: PlatformStats = { accepted: 0, rejected429: 0, duplicates: 0, peakPerSecond: 0 };
  let nextId = 1n;

  const admit = (): number | undefined => {
    const now = performance.now();
    while (window.length > 0 && window[0]! <= now - 1000) window.shift();
    if (limit > 0 && mode === 'window' && window.length >= limit) return window[0]! + 1000 - now;
    if (limit > 0 && mode === 'bucket') {
      tokens = Math.min(limit, tokens + ((now - refilledAt) * limit) / 1000);
      refilledAt = now;
      if (tokens < 1) return ((1 - tokens) * 1000) / limit;
      tokens -= 1;
    }
    window.push(now);
    stats.peakPerSecond = Math.max(stats.peakPerSecond, window.length);
    return undefined;
  };
  const record = (channel: string) => {
    stats.accepted++;
    if (seen.has(channel)) stats.duplicates++;
    seen.add(channel);
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const discord = /^\/api\/v\d+\/channels\/([^/]+)\/messages$/.exec(req.url ?? '');
    const slack = req.url === '/api/chat.postMessage';
    if (!discord && !slack) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Unknown route"}');
      return;
    }
    const waitMs = admit();
    if (waitMs !== undefined) {
      stats.rejected429++;
      const seconds = Math.max(0.001, waitMs / 1000);
      if (discord) {
        res
          .writeHead(429, {
            'content-type': 'application/json',
            'retry-after': String(Math.ceil(seconds)),
            'x-ratelimit-global': 'true',
            'x-ratelimit-scope': 'global',
          })
          .end(JSON.stringify({ message: 'You are being rate limited.', retry_after: seconds, global: true }));
      } else {
        res
          .writeHead(429, { 'content-type': 'application/json', 'retry-after': String(Math.ceil(seconds)) })
          .end('{"ok":false,"error":"ratelimited"}');
      }
      return;
    }
    const id = String(nextId++);
    if (discord) {
      record(`discord:${discord[1]}`);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id, channel_id: discord[1] }));
      return;
    }
    const params = req.headers['content-type']?.includes('json')
      ? (JSON.parse(body) as Record<string, string>)
      : Object.fromEntries(new URLSearchParams(body));
    record(`slack:${params.channel}`);
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ ok: true, channel: params.channel, ts: `1700000000.${id.padStart(6, '0')}` }));
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    reset(globalPerSecond, limitMode = 'window') {
      limit = globalPerSecond;
      mode = limitMode;
      tokens = globalPerSecond;
      refilledAt = performance.now();
      window = [];
      seen.clear();
      Object.assign(stats, { accepted: 0, rejected429: 0, duplicates: 0, peakPerSecond: 0 });
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
