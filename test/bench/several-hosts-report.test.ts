import { describe, expect, it } from 'vitest';
import { poissonArrivals, steadyArrivals } from '../../bench/arrivals.ts';
import { worstOfChance } from '../../bench/chance-ratio.ts';
import { generateLoadMix } from '../../bench/load-mix.ts';
import { sourceArticles } from '../../bench/run-load-benchmark.ts';
import { formatSeveralHostsReport, type PhaseFigures, type SeveralHostsReport } from '../../bench/run-several-hosts.ts';
import { synthesiseArticles } from '../../bench/synthesise-corpus.ts';

describe('the loads of the several-hosts benchmark', () => {
  it('GIVEN a seed THEN Poisson arrivals are the same every time, rise, and average the rate; another seed gives other instants', () => {
    const arrivals = poissonArrivals(4000, 8, 1);
    expect(poissonArrivals(4000, 8, 1)).toEqual(arrivals);
    expect(poissonArrivals(4000, 8, 2)).not.toEqual(arrivals);
    for (let i = 1; i < arrivals.length; i++) expect(arrivals[i]!).toBeGreaterThanOrEqual(arrivals[i - 1]!);
    // 4,000 exponential gaps of mean 125 ms: their mean is within a few percent of it.
    expect(arrivals[arrivals.length - 1]! / arrivals.length).toBeGreaterThan(115);
    expect(arrivals[arrivals.length - 1]! / arrivals.length).toBeLessThan(135);
    expect(steadyArrivals(3, 4)).toEqual([0, 250, 500]);
  });

  it('GIVEN the even mix THEN each run of as many actions as there are kinds holds every kind once, in an order the seed decides', () => {
    const corpus = synthesiseArticles(sourceArticles(), 12);
    const mix = generateLoadMix(corpus, 44, 9, 'even');
    const kinds = new Set(generateLoadMix(corpus, 400).map((a) => a.label));
    expect(kinds.size).toBe(11);
    for (let at = 0; at < 44; at += 11) expect(new Set(mix.slice(at, at + 11).map((a) => a.label))).toEqual(kinds);
    expect(generateLoadMix(corpus, 44, 9, 'even')).toEqual(mix);
    expect(generateLoadMix(corpus, 44, 10, 'even').map((a) => a.label)).not.toEqual(mix.map((a) => a.label));
  });
});

function phase(processes: number): PhaseFigures {
  const each = <T>(value: T): T[] => Array.from({ length: processes }, () => value);
  return {
    startupMs: each(3000),
    settleMs: each(600),
    startupCpuMs: each(4200),
    driveCores: 0.1,
    harness: { cores: 0.05, loopBusy: each(0.02), loopDelayP99Ms: each(1.5) },
    databaseTransactionsPerSecond: 0.2,
    unanswered: each(0),
  };
}

describe('the worst of several p95s by chance alone', () => {
  it('GIVEN answers THEN sets drawn from them give a worst p95 at or above theirs, the same for the same seed, and none without answers', () => {
    const answers = Array.from({ length: 44 }, (_, i) => 5 + ((i * 37) % 44) / 2);
    const chance = worstOfChance(answers, [44, 44, 44, 44])!;
    expect(chance).toBeGreaterThanOrEqual(1);
    expect(chance).toBeLessThan(1.5);
    expect(worstOfChance(answers, [44, 44, 44, 44])).toBe(chance);
    // One set drawn is as likely above the p95 as below it: the worst of four is above.
    expect(worstOfChance(answers, [44])!).toBeLessThanOrEqual(chance);
    expect(worstOfChance([], [44])).toBeNull();
    expect(worstOfChance(answers, [44, 0])).toBeNull();
  });
});

describe('the several-hosts table', () => {
  it('GIVEN both phases at once THEN the judged table comes first with its verdict, the lock-step one after it as information, and an unmeasured command reads n/a', () => {
    const report: SeveralHostsReport = {
      node: 'v20',
      cpus: 2,
      load: { start: 0.5, end: 0.7 },
      processes: 2,
      archive: { articles: 3, paragraphs: 60 },
      rate: 8,
      seconds: 60,
      mix: 'even',
      alone: phase(1),
      independent: phase(2),
      lockStep: phase(2),
      commands: [
        {
          label: 'who',
          single: 10.25,
          singleSamples: 40,
          independent: { several: [11.5, 12], samples: [41, 39], ratio: 1.17, pooledRatio: 1.1, chanceRatio: 1.21, pass: true },
          lockStep: { several: [19, 21], samples: [40, 40], ratio: 2.05, pooledRatio: 1.95, chanceRatio: 1.2, pass: false },
        },
        {
          label: 'related',
          single: 0,
          singleSamples: 0,
          independent: { several: [12, 0], samples: [3, 0], ratio: null, pooledRatio: null, chanceRatio: null, pass: false },
          lockStep: { several: [0, 0], samples: [0, 0], ratio: null, pooledRatio: null, chanceRatio: null, pass: false },
        },
      ],
      targets: { startsWithin10s: true, p95Within: false },
    };
    const table = formatSeveralHostsReport(report);
    expect(table).toMatch(/who +10\.3 +11\.5 +12\.0 +1\.17× +PASS +1\.10× +1\.21× +40; 41\/39/);
    expect(table).toMatch(/related .* n\/a +FAIL +n\/a +n\/a +0; 3\/0/);
    expect(table).toMatch(/each ≤ 10 s: PASS/);
    const judged = table.indexOf('every command within 1.2× of one process: FAIL');
    const lockStep = table.indexOf('lock-step p95');
    expect(judged).toBeGreaterThan(0);
    expect(lockStep).toBeGreaterThan(judged);
    expect(table.slice(lockStep)).toMatch(/who .* 2\.05× +FAIL/);
    expect(table.slice(lockStep)).toMatch(/information, not the target/);
  });
});
