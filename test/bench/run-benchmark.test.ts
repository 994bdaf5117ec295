import { describe, expect, it } from 'vitest';
import { formatReport } from '../../bench/format-report.ts';
import { parseBenchArgs } from '../../bench/parse-bench-args.ts';
import { runBenchmark } from '../../bench/run-benchmark.ts';
import { summariseTimes } from '../../bench/measure-latency.ts';
import { synthesiseCorpus } from '../../bench/synthesise-corpus.ts';
import { createSeededRandom } from '../../bench/seeded-random.ts';
import { devArticle, seedArticle } from '../support/article-from-paragraphs.ts';

const empty = { sentences: [], entities: [], quotes: [], ranking: [] };

describe('the benchmark in CI size', () => {
  it('GIVEN sizes 1 and 1000 with few queries THEN every size has well-formed rows for every command', async () => {
    const report = await runBenchmark({ sizes: [1, 1000], queries: 4 });
    expect(report.sizes.map((s) => s.size)).toEqual([1, 1000]);
    expect(report.sizes[0]).toMatchObject({ paragraphs: 41, articles: 1 });
    expect(report.sizes[1]!.paragraphs).toBe(1000);
    for (const size of report.sizes) {
      expect(size.startupFromCache).toBe(true);
      for (const n of [size.buildMs, size.startupMs, size.heapMB, size.rssMB]) expect(n).toBeGreaterThan(0);
      const commands = size.commands.filter((c) => c.design === 'pilcrow').map((c) => c.command);
      expect(commands).toEqual(['related', 'who', 'quote', 'articles', 'summary']);
      expect(size.commands.map((c) => c.design)).toContain('fuse-scan');
      expect(size.commands.map((c) => c.design)).toContain('minisearch');
      for (const row of size.commands) {
        expect(row.runs).toBeGreaterThan(0);
        expect(row.p50).toBeLessThanOrEqual(row.p95);
        expect(row.p95).toBeLessThanOrEqual(row.p99);
        expect(row.p99).toBeLessThanOrEqual(row.max);
      }
    }
    expect(report.quality.queries).toBe(report.quality.rows.length);
    expect(report.quality.notWorseThanFuse).toBe(true);
    expect(formatReport(report)).toContain('related');
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('synthesiseCorpus', () => {
  const sources = [seedArticle(), devArticle('wikinews-20070223-train')].map((article) => ({ article, analysis: empty }));

  it('GIVEN a paragraph target THEN the corpus has exactly that many paragraphs, sources first, unique ids', () => {
    const corpus = synthesiseCorpus(sources, 500);
    expect(corpus.reduce((n, a) => n + a.article.paragraphs.length, 0)).toBe(500);
    expect(corpus.slice(0, 2).map((a) => a.article.id)).toEqual(sources.map((s) => s.article.id));
    expect(new Set(corpus.map((a) => a.article.id)).size).toBe(corpus.length);
  });

  it('GIVEN the same seed THEN the same corpus comes out', () => {
    expect(synthesiseCorpus(sources, 300)).toEqual(synthesiseCorpus(sources, 300));
  });
});

describe('small parts', () => {
  it.each<[string[], unknown]>([
    [[], { sizes: [1, 1000, 10000, 100000], queries: 200, json: false }],
    [['--sizes', '1,1000', '--queries', '5', '--json'], { sizes: [1, 1000], queries: 5, json: true }],
    [['--sizes=1,100_000'], { sizes: [1, 100000], queries: 200, json: false }],
  ])('GIVEN the arguments %j THEN they parse to %j', (argv, expected) => {
    expect(parseBenchArgs(argv)).toEqual(expected);
  });

  it.each([[['--sizes', 'x']], [['--queries', '0']], [['--what']]])('GIVEN the bad arguments %j THEN an error comes back', (argv) => {
    expect(parseBenchArgs(argv)).toHaveProperty('error');
  });

  it('GIVEN durations THEN the nearest-rank percentiles are reported', () => {
    const times = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summariseTimes(times)).toEqual({ runs: 100, p50: 50, p95: 95, p99: 99, max: 100 });
  });

  it('GIVEN one seed THEN the PRNG repeats its sequence', () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });
});
