import { Status, type Client } from 'discord.js';
import type { Corpus } from '../model/corpus.ts';
import type { BotMetrics } from '../metrics/bot-metrics.ts';
import { startMetricsServer, type MetricsServer } from '../metrics/metrics-server.ts';
import type { ShardSet } from './shard-of-guild.ts';

/** What /healthz looks at, read at each request (each may not exist yet while the bot starts). */
export interface MetricsSources {
  corpus(): Corpus | undefined;
  client(): Client | undefined;
}

/** The metrics of a bot process and the server that shows them. */
export interface ServedMetrics {
  metrics: BotMetrics;
  server: MetricsServer;
}

/**
 * With METRICS_PORT set, serves /healthz and /metrics for this process: on METRICS_PORT, or
 * METRICS_PORT + n for the process of shard n under `npm run start:sharded` (each shard is its own
 * process with its own counters). Returns an error message when the port cannot be had.
 */
export async function serveMetrics(
  settings: { port: number; host: string; shards: ShardSet | null },
  sources: MetricsSources,
): Promise<ServedMetrics | { error: string }> {
  // Imported here: a bot without METRICS_PORT never loads prom-client (a sixth of a second of CPU at every start).
  const { createBotMetrics } = await import('../metrics/bot-metrics.ts');
  const metrics = createBotMetrics(() => {
    const corpus = sources.corpus();
    return {
      articles: corpus?.articles.length ?? 0,
      paragraphs: corpus?.articles.reduce((n, a) => n + a.article.paragraphs.length, 0) ?? 0,
    };
  });
  const port = settings.port + (settings.shards?.ids[0] ?? 0);
  try {
    const server = await startMetricsServer({
      port,
      host: settings.host,
      registry: metrics.registry,
      health: () => {
        const client = sources.client();
        return { ready: client?.isReady() ?? false, gateway: client?.ws.status === Status.Ready, corpus: sources.corpus() !== undefined };
      },
    });
    return { metrics, server };
  } catch (err) {
    const reason =
      (err as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 'the port is in use' : err instanceof Error ? err.message : String(err);
    return { error: `could not serve metrics on ${settings.host}:${port}: ${reason} (set METRICS_PORT to a free port, or leave it empty)` };
  }
}
