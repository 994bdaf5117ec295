import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * What the bot reports while it runs, as Prometheus metrics (prom-client). Names follow
 * Prometheus conventions: the `pilcrow_` prefix, base units (seconds, bytes), `_total` on
 * counters. The process metrics (memory, CPU, event-loop delay, handles) are prom-client's
 * defaults, under their standard names (`process_resident_memory_bytes`,
 * `nodejs_eventloop_lag_p99_seconds`, …).
 */
export interface BotMetrics {
  registry: Registry;
  /** One interaction answered: its command (or kind), its outcome, how long it took. */
  interaction: (event: { command: string; outcome: string; latencyMs: number }) => void;
  /** One feed check ended with this outcome (`new-items`, `nothing-new`, `failed`, …). */
  feedCheck: (outcome: string) => void;
  /** An announcement was queued, posted, or failed to post. */
  announcement: (event: 'queued' | 'posted' | 'failed') => void;
}

/** What the corpus gauges read at each scrape. */
export interface CorpusSize {
  articles: number;
  paragraphs: number;
}

/** Latency buckets in seconds: answers take milliseconds; Discord's 3 s window is the last bound that matters. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** The bot's metrics in a registry of their own (so tests and several bots in one process never share counters). */
export function createBotMetrics(corpusSize: () => CorpusSize): BotMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const commands = new Counter({
    name: 'pilcrow_commands_total',
    help: 'Interactions handled, by command (or button/autocomplete kind) and outcome.',
    labelNames: ['command', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'pilcrow_command_duration_seconds',
    help: 'Time from receiving an interaction to its answer, by command.',
    labelNames: ['command'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const feedChecks = new Counter({
    name: 'pilcrow_feed_checks_total',
    help: 'Feed checks, by outcome.',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const announcements = new Counter({
    name: 'pilcrow_announcements_total',
    help: 'Announcements of new articles, by event (queued, posted, failed).',
    labelNames: ['event'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'pilcrow_corpus_articles',
    help: 'Articles in the loaded corpus (shared and every server’s).',
    registers: [registry],
    collect() {
      this.set(corpusSize().articles);
    },
  });
  new Gauge({
    name: 'pilcrow_corpus_paragraphs',
    help: 'Body paragraphs in the loaded corpus.',
    registers: [registry],
    collect() {
      this.set(corpusSize().paragraphs);
    },
  });
  return {
    registry,
    interaction: ({ command, outcome, latencyMs }) => {
      commands.inc({ command, outcome });
      latency.observe({ command }, latencyMs / 1000);
    },
    feedCheck: (outcome) => feedChecks.inc({ outcome }),
    announcement: (event) => announcements.inc({ event }),
  };
}
