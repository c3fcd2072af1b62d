import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';

/**
 * A TCP proxy on loopback in front of a real server, that the test turns bad on purpose: a black hole
 * (bytes are swallowed both ways and new connections hang, as when a network path dies behind a NAT box
 * that still answers keepalives), a reset of every open connection, and refused connections.
 */
export class ChaosProxy {
  private blackHole = false;
  private readonly pairs = new Set<{ client: Socket; upstream: Socket }>();
  private server: Server;
  port = 0;

  private constructor(
    private readonly upstreamHost: string,
    private readonly upstreamPort: number,
  ) {
    this.server = this.createListener();
  }

  static async start(upstreamHost: string, upstreamPort: number): Promise<ChaosProxy> {
    const proxy = new ChaosProxy(upstreamHost, upstreamPort);
    await proxy.listen(0);
    return proxy;
  }

  /** Connections accepted so far (each pg connection is one). */
  accepted = 0;

  private createListener(): Server {
    return createServer((client) => {
      this.accepted++;
      const upstream = tcpConnect(this.upstreamPort, this.upstreamHost);
      const pair = { client, upstream };
      this.pairs.add(pair);
      client.on('data', (chunk) => {
        if (!this.blackHole) upstream.write(chunk);
      });
      upstream.on('data', (chunk) => {
        if (!this.blackHole) client.write(chunk);
      });
      const close = () => {
        this.pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      };
      client.on('error', close).on('close', close);
      upstream.on('error', close).on('close', close);
    });
  }

  private listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.port = (this.server.address() as { port: number }).port;
        resolve();
      });
    });
  }

  /** Swallows every byte both ways, for open and new connections, until `heal`. */
  startBlackHole(): void {
    this.blackHole = true;
  }

  heal(): void {
    this.blackHole = false;
  }

  /** Resets every open connection once (TCP RST), as a restarted server or a failed-over load balancer does. */
  resetAll(): void {
    for (const { client, upstream } of this.pairs) {
      client.resetAndDestroy();
      upstream.destroy();
    }
    this.pairs.clear();
  }

  /** Resets every open connection and refuses new ones (nothing listens) for `ms`; resolves once it listens again. */
  async refuseFor(ms: number): Promise<void> {
    this.resetAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await new Promise((resolve) => setTimeout(resolve, ms));
    this.server = this.createListener();
    await this.listen(this.port);
  }

  async close(): Promise<void> {
    this.resetAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
