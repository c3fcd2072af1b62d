import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/logger.js';
import type { AppMetrics } from './create-metrics.js';
import { opsMessages } from './ops-messages.js';
import { pageAccessFor } from './page/ops-page-access.js';
import type { OpsPageSource } from './page/ops-page-types.js';
import { serveOpsPage } from './page/serve-ops-page.js';
import type { Readiness } from './readiness.js';

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export interface OpsServerOptions {
  /** 0 picks a free port (tests); see `OpsServer.port`. */
  port: number;
  host?: string;
  /** The variable that sets the port, named when it cannot be listened on. */
  portName?: 'PORT' | 'READOUT_OPS_PORT';
  /**
   * `public`: the port the internet reaches (Slack posts there): /healthz and /readyz say only their status,
   * and details and /metrics need `token` as a bearer token. `private`: the operator's port (READOUT_OPS_PORT), all of it.
   */
  exposure: 'public' | 'private';
  /** READOUT_OPS_TOKEN on the public port when there is no ops port; undefined means no details there at all. */
  token?: string | undefined;
  /** READOUT_OPS_TOKEN for /ops where the page is not open (see pageAccessFor): a bearer token or the sign-in form. */
  pageToken?: string | undefined;
  readiness: Readiness;
  metrics: AppMetrics;
  logger: Logger;
}

export interface OpsServer {
  /** The port actually listened on. */
  port: number;
  /** Serves the operator page (GET /ops) from this source; until then /ops answers 503 while the process starts. */
  servePage(source: OpsPageSource): void;
  /**
   * Hands a platform's requests to its listener: those for `path` when given (Discord's /discord/interactions),
   * else every other path (Slack HTTP mode's /slack/events share the port); returns the unmount.
   */
  mount(listener: RequestListener, path?: string): () => void;
  close(): Promise<void>;
}

/**
 * The operations endpoints: GET /healthz (liveness: the process serves), GET /readyz (readiness: every part
 * can serve) and GET /metrics (Prometheus). On PORT (public: status only, Slack's /slack/events beside them)
 * in every mode that talks to a platform, and with details and metrics on READOUT_OPS_PORT when it is set.
 * GET /ops, the read-only operator page, is served where /metrics is (see serveOpsPage).
 * It listens before the corpus loads, so a probe sees "starting" rather than a refused connection.
 */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const started = Date.now();
  let mounted: RequestListener | undefined;
  const mountedAt = new Map<string, RequestListener>();
  let page: OpsPageSource | undefined;
  const pageAccess = pageAccessFor(options.exposure, options.host, options.pageToken);
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const ops = path === '/healthz' || path === '/readyz' || path === '/metrics';
    if (path === '/ops' || path.startsWith('/ops/')) {
      if (!page) return send(res, 503, { error: opsMessages.pageStarting });
      await serveOpsPage(page, pageAccess, req, res);
      return;
    }
    if (!ops) {
      const listener = mountedAt.get(path) ?? mounted;
      if (!listener) return send(res, 404, { error: opsMessages.notFound });
      try {
        listener(req, res);
      } catch {
        // Bolt throws for a path it does not route; that is a plain 404 here.
        if (!res.headersSent) send(res, 404, { error: opsMessages.notFound });
      }
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: opsMessages.methodNotAllowed });
    const detailed = options.exposure === 'private' || bearerMatches(req, options.token);
    if (path === '/metrics') {
      if (!detailed) return send(res, 404, { error: opsMessages.metricsNotHere });
      const { contentType, body } = await options.metrics.scrape();
      res.writeHead(200, { 'content-type': contentType });
      res.end(body);
      return;
    }
    const report = await options.readiness.report();
    if (!detailed) {
      // Status only: readiness details name internal hosts and store errors.
      // A stuck digest scheduler fails liveness here too: an orchestrator probing the public port restarts it.
      const ok = path === '/healthz' ? !report.failed && report.live : report.ready;
      const status = path === '/healthz' ? (ok ? 'ok' : report.failed ? 'failing' : 'stuck') : ok ? 'ready' : 'not_ready';
      return send(res, ok ? 200 : 503, { status });
    }
    if (path === '/healthz') {
      const uptimeSeconds = Math.round((Date.now() - started) / 1000);
      if (report.failed) return send(res, 503, { status: 'failing', reason: report.checks['process']?.detail, uptimeSeconds });
      if (!report.live) {
        const reason = Object.entries(report.liveness).find(([, check]) => !check.ok);
        return send(res, 503, {
          status: 'stuck',
          reason: reason ? `${reason[0]}: ${reason[1].detail}` : undefined,
          checks: report.liveness,
          uptimeSeconds,
        });
      }
      return send(res, 200, {
        status: 'ok',
        uptimeSeconds,
        ...(Object.keys(report.liveness).length > 0 ? { checks: report.liveness } : {}),
      });
    }
    send(res, report.ready ? 200 : 503, { status: report.ready ? 'ready' : 'not_ready', checks: report.checks });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.logger.error({ err: error, path: req.url }, 'ops endpoint failed');
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const name = options.portName ?? 'PORT';
      if (error.code === 'EADDRINUSE') reject(new Error(opsMessages.portInUse(options.port, name), { cause: error }));
      else if (error.code === 'EACCES') reject(new Error(opsMessages.portDenied(options.port, name), { cause: error }));
      else reject(error);
    });
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  options.logger.info(
    { host: options.host, exposure: options.exposure, port },
    options.exposure === 'private' ? 'serving /healthz, /readyz and /metrics' : 'serving /healthz and /readyz (status only)',
  );
  return {
    port,
    servePage(source) {
      page = source;
    },
    mount(listener, path) {
      if (path !== undefined) {
        mountedAt.set(path, listener);
        return () => {
          if (mountedAt.get(path) === listener) mountedAt.delete(path);
        };
      }
      mounted = listener;
      return () => {
        if (mounted === listener) mounted = undefined;
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Whether the request carries `Authorization: Bearer <token>`; compared in constant time (both sides hashed to one length). */
function bearerMatches(req: IncomingMessage, token: string | undefined): boolean {
  if (!token) return false;
  const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  if (!match) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(match[1]!), digest(token));
}
