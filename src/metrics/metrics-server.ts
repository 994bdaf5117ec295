import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** What /healthz reports; healthy when all three hold. */
export interface Health {
  /** The bot has started (logged in, news in running). */
  ready: boolean;
  /** The gateway connection is up (every shard of this process). */
  gateway: boolean;
  /** A corpus is loaded and answers can be given. */
  corpus: boolean;
}

export interface MetricsServerOptions {
  port: number;
  /** Interface to listen on; default loopback, so metrics are not public unless asked. */
  host?: string;
  registry: Registry;
  health: () => Health;
}

export interface MetricsServer {
  /** The base URL it listens on (http://host:port). */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `GET /healthz` (200 with `{"status":"ok",…}` when ready, gateway connected and corpus
 * loaded, else 503 with what is missing) and `GET /metrics` (Prometheus text format). Anything
 * else is 404; methods other than GET and HEAD are 405.
 */
export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/healthz') {
      const health = options.health();
      const ok = health.ready && health.gateway && health.corpus;
      res
        .writeHead(ok ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', ...health }));
      return;
    }
    if (path === '/metrics') {
      options.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': options.registry.contentType }).end(text),
        (err: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${String(err)}`),
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /healthz or /metrics\n');
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
