import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatLoadReport } from '../../bench/format-load-report.ts';
import { generateLoadMix } from '../../bench/load-mix.ts';
import { runLoadBenchmark, sourceArticles } from '../../bench/run-load-benchmark.ts';
import { synthesiseArticles } from '../../bench/synthesise-corpus.ts';

const cacheDirs: string[] = [];
afterAll(async () => {
  for (const dir of cacheDirs) await rm(dir, { recursive: true, force: true });
});

describe('the load benchmark in CI size', () => {
  it('GIVEN 30 mixed actions at 10/s over a 12-article archive THEN the real bot process answers every one, within limits, with no error lines', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'pilcrow-load-test-'));
    cacheDirs.push(cacheDir);
    // No 3-second window here: this asserts that everything is answered, not how fast (that is the benchmark's job).
    const report = await runLoadBenchmark({ rate: 10, seconds: 3, articles: 12, cacheDir, callbackWindowMs: null });
    expect(report.sent).toBe(30);
    expect(report.archive.articles).toBe(12);
    expect(report.failures).toEqual({});
    expect(report.firstResponses).toBe(30);
    expect(report.finalAnswers).toBe(30);
    expect(report.invalidAnswers).toBe(0);
    expect(report.apologies).toBe(0);
    expect(report.errorLines).toBe(0);
    expect(report.actions.reduce((n, a) => n + a.sent, 0)).toBe(30);
    expect(report.firstResponse.p50).toBeLessThanOrEqual(report.firstResponse.max);
    expect(formatLoadReport(report)).toContain('first responses');
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  }, 240_000);

  it('GIVEN a seed THEN the mix is the same every time and holds every kind of action', () => {
    const corpus = synthesiseArticles(sourceArticles(), 20);
    const mix = generateLoadMix(corpus, 400);
    expect(generateLoadMix(corpus, 400)).toEqual(mix);
    expect(new Set(mix.map((a) => a.label))).toEqual(
      new Set([
        'summary',
        'summary article',
        'quote (bare)',
        'quote speaker',
        'quote about',
        'who',
        'related',
        'autocomplete name',
        'autocomplete article',
        'button:page',
        'button:cite',
      ]),
    );
  });

  it('GIVEN an article count THEN the archive has exactly that many articles, the real ones first', () => {
    const corpus = synthesiseArticles(sourceArticles(), 9);
    expect(corpus).toHaveLength(9);
    expect(corpus[0]!.article.id).toBe('putin-belarus-transition');
    expect(new Set(corpus.map((a) => a.article.id)).size).toBe(9);
  });
});
