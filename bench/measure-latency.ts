/** Latency percentiles in milliseconds. */
export interface LatencyStats {
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Untimed runs before timing (the whole list once, up to this many), so the JIT has settled. */
const WARM_UP_RUNS = 200;

/** Times `run` once per query (after an untimed warm-up pass over up to WARM_UP_RUNS of them) and summarises. */
export function measureLatency<Q>(
  queries: readonly Q[],
  run: (query: Q) => unknown,
  now: () => number = performance.now.bind(performance),
): LatencyStats {
  for (const q of queries.slice(0, WARM_UP_RUNS)) run(q);
  const times: number[] = [];
  for (const q of queries) {
    const start = now();
    run(q);
    times.push(now() - start);
  }
  return summariseTimes(times);
}

/** p50/p95/p99/max of a list of durations (nearest-rank), rounded to 0.01 ms. */
export function summariseTimes(times: readonly number[]): LatencyStats {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => {
    if (sorted.length === 0) return 0;
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return round2(sorted[rank]!);
  };
  return { runs: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: round2(sorted[sorted.length - 1] ?? 0) };
}

function round2(ms: number): number {
  return Math.round(ms * 100) / 100;
}
