import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/logger.js';
import type { AppMetrics } from './create-metrics.js';
import { opsMessages } from './ops-messages.js';
import type { Readiness } from './readiness.js';

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export interface OpsServerOptions {
  /** 0 picks a free port (tests); see `OpsServer.port`. */
  port: number;
  host?: string;
  readiness: Readiness;
  metrics: AppMetrics;
  logger: Logger;
}

export interface OpsServer {
  /** The port actually listened on. */
  port: number;
  /** Hands every other path to a platform's listener (Slack HTTP mode's /slack/events share the port); returns the unmount. */
  mount(listener: RequestListener): () => void;
  close(): Promise<void>;
}

/**
 * The operations endpoints, on PORT in every mode that talks to a platform: GET /healthz (liveness:
 * the process serves), GET /readyz (readiness: every part can serve) and GET /metrics (Prometheus).
 * It listens before the corpus loads, so a probe sees "starting" rather than a refused connection.
 */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const started = Date.now();
  let mounted: RequestListener | undefined;
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const ops = path === '/healthz' || path === '/readyz' || path === '/metrics';
    if (!ops) {
      if (!mounted) return send(res, 404, { error: opsMessages.notFound });
      try {
        mounted(req, res);
      } catch {
        // Bolt throws for a path it does not route; that is a plain 404 here.
        if (!res.headersSent) send(res, 404, { error: opsMessages.notFound });
      }
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: opsMessages.methodNotAllowed });
    if (path === '/metrics') {
      const { contentType, body } = await options.metrics.scrape();
      res.writeHead(200, { 'content-type': contentType });
      res.end(body);
      return;
    }
    const report = await options.readiness.report();
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
      if (error.code === 'EADDRINUSE') reject(new Error(opsMessages.portInUse(options.port), { cause: error }));
      else if (error.code === 'EACCES') reject(new Error(opsMessages.portDenied(options.port), { cause: error }));
      else reject(error);
    });
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  options.logger.info({ port }, 'serving /healthz, /readyz and /metrics');
  return {
    port,
    mount(listener) {
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
