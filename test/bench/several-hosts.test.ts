import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSeveralHostsReport, runSeveralHosts } from '../../bench/run-several-hosts.ts';
import { createTestDatabase } from '../support/postgres.ts';

// Probed once for the reason of a skip (a user's machine without PostgreSQL; under CI a failure).
const probe = await createTestDatabase();
if (!('skip' in probe)) await probe.drop();

const cacheDirs: string[] = [];
afterAll(async () => {
  for (const dir of cacheDirs) await rm(dir, { recursive: true, force: true });
});

describe.skipIf('skip' in probe)('the several-hosts benchmark in CI size', () => {
  it('GIVEN two bot processes on one PostgreSQL over a small archive THEN every action is answered alone and at once, and the table says PASS or FAIL for each target', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'pilcrow-several-hosts-test-'));
    cacheDirs.push(cacheDir);
    // No timing is asserted (that is the benchmark's job), only that it runs through and reports.
    // The lock-step phase is the same code with other loads (its table: several-hosts-report.test.ts).
    const report = await runSeveralHosts({ processes: 2, paragraphs: 60, rate: 6, seconds: 2, lockStep: false, cacheDir });
    expect(report.processes).toBe(2);
    expect(report.archive.paragraphs).toBeGreaterThanOrEqual(60);
    expect(report.alone.startupMs).toHaveLength(1);
    expect(report.lockStep).toBeNull();
    expect(report.independent.startupMs).toHaveLength(2);
    expect(report.independent.startupCpuMs).toHaveLength(2);
    expect(report.independent.harness.loopDelayP99Ms).toHaveLength(2);
    expect(report.independent.harness.loopBusy).toHaveLength(2);
    expect(report.independent.harness.cores).toBeGreaterThanOrEqual(0);
    expect(report.alone.unanswered).toEqual([0]);
    expect(report.independent.unanswered).toEqual([0, 0]);
    // 12 actions each, every kind once in each run of 11: each of the 11 commands measured everywhere.
    expect(report.commands).toHaveLength(11);
    for (const row of report.commands) {
      expect(row.singleSamples).toBeGreaterThanOrEqual(1);
      expect(row.independent.samples).toHaveLength(2);
      for (const n of row.independent.samples) expect(n).toBeGreaterThanOrEqual(1);
      expect(row.independent.ratio).toBeGreaterThan(0);
      expect(row.independent.chanceRatio).toBeGreaterThan(0);
      expect(row.lockStep).toBeNull();
    }
    const sent = (c: (typeof report.commands)[number]) => c.independent.samples.reduce((n, k) => n + k, 0);
    expect(report.commands.reduce((n, c) => n + c.singleSamples, 0)).toBe(12);
    expect(report.commands.reduce((n, c) => n + sent(c), 0)).toBe(24);
    // CPU figures come from /proc: numbers on Linux, null elsewhere.
    if (process.platform === 'linux') {
      for (const ms of [...report.alone.startupCpuMs, ...report.independent.startupCpuMs]) expect(ms).toBeGreaterThan(0);
      expect(report.independent.driveCores).toBeGreaterThanOrEqual(0);
      expect(report.independent.databaseTransactionsPerSecond).toBeGreaterThanOrEqual(0);
    }
    const table = formatSeveralHostsReport(report);
    expect(table).toMatch(/each ≤ 10 s: (PASS|FAIL)/);
    expect(table).not.toMatch(/lock-step p95/);
    expect(table).toMatch(/every command within 1\.2× of one process: (PASS|FAIL)/);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  }, 300_000);
});
