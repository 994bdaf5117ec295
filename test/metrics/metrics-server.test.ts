import { createServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { serveMetrics } from '../../src/bot/serve-metrics.ts';
import { createBotMetrics } from '../../src/metrics/bot-metrics.ts';
import { startMetricsServer, type Health, type MetricsServer } from '../../src/metrics/metrics-server.ts';

let server: MetricsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(health: Health) {
  const metrics = createBotMetrics(() => ({ articles: 3, paragraphs: 120 }));
  server = await startMetricsServer({ port: 0, registry: metrics.registry, health: () => health });
  return { metrics, url: server.url };
}

describe('/healthz', () => {
  it.each([
    [{ ready: true, gateway: true, corpus: true }, 200, 'ok'],
    [{ ready: false, gateway: false, corpus: true }, 503, 'unavailable'],
    [{ ready: true, gateway: false, corpus: true }, 503, 'unavailable'],
    [{ ready: true, gateway: true, corpus: false }, 503, 'unavailable'],
  ])('GIVEN %j THEN it answers %i', async (health, status, word) => {
    const { url } = await serve(health);
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ status: word, ...health });
  });

  it('GIVEN no host THEN it listens on loopback only', async () => {
    const { url } = await serve({ ready: true, gateway: true, corpus: true });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each([
    ['GET', '/nothing', 404],
    ['POST', '/metrics', 405],
  ])('GIVEN %s %s THEN %i', async (method, path, status) => {
    const { url } = await serve({ ready: true, gateway: true, corpus: true });
    expect((await fetch(`${url}${path}`, { method })).status).toBe(status);
  });
});

describe('/metrics', () => {
  it('GIVEN interactions, feed checks and announcements THEN they are counted under Prometheus-style names', async () => {
    const { metrics, url } = await serve({ ready: true, gateway: true, corpus: true });
    metrics.interaction({ command: 'summary', outcome: 'answered', latencyMs: 12 });
    metrics.interaction({ command: 'summary', outcome: 'answered', latencyMs: 30 });
    metrics.interaction({ command: 'who', outcome: 'user-error', latencyMs: 4 });
    metrics.feedCheck('nothing-new');
    metrics.announcement('queued');
    metrics.announcement('posted');
    const res = await fetch(`${url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    for (const line of [
      'pilcrow_commands_total{command="summary",outcome="answered"} 2',
      'pilcrow_commands_total{command="who",outcome="user-error"} 1',
      'pilcrow_command_duration_seconds_bucket{le="0.025",command="summary"} 1',
      'pilcrow_command_duration_seconds_count{command="summary"} 2',
      'pilcrow_feed_checks_total{outcome="nothing-new"} 1',
      'pilcrow_announcements_total{event="queued"} 1',
      'pilcrow_announcements_total{event="posted"} 1',
      'pilcrow_corpus_articles 3',
      'pilcrow_corpus_paragraphs 120',
    ])
      expect(text).toContain(line);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds /m);
    // Conventions: snake_case names; counters end in _total; durations in seconds, sizes in bytes.
    const types = [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => [m[1]!, m[2]!] as const);
    for (const [name, type] of types) {
      expect(name).toMatch(/^[a-z_][a-z0-9_]*$/);
      if (name.startsWith('pilcrow_') && type === 'counter') expect(name).toMatch(/_total$/);
      if (name.startsWith('pilcrow_') && type === 'histogram') expect(name).toMatch(/_seconds$/);
    }
  });
});

describe('serving metrics for a bot process', () => {
  it('GIVEN the port is taken THEN the start gets one clear message, not a crash', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const result = await serveMetrics({ port, host: '127.0.0.1', shards: null }, { corpus: () => undefined, client: () => undefined });
      expect(result).toEqual({
        error: expect.stringMatching(new RegExp(`^could not serve metrics on 127\\.0\\.0\\.1:${port}: the port is in use`)),
      });
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('GIVEN shard 2 of a sharded bot THEN its process serves on METRICS_PORT + 2, unhealthy before its client exists', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const base = (probe.address() as AddressInfo).port - 2; // so that base + 2 is a port known to be free
    await new Promise((resolve) => probe.close(resolve));
    const result = await serveMetrics(
      { port: base, host: '127.0.0.1', shards: { ids: [2], count: 4 } },
      { corpus: () => undefined, client: () => undefined },
    );
    if ('error' in result) throw new Error(result.error);
    server = result.server;
    expect(server.url).toBe(`http://127.0.0.1:${base + 2}`);
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({
      status: 'unavailable',
      ready: false,
      gateway: false,
      corpus: false,
    });
  });
});
