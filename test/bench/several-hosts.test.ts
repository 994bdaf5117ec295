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
    const report = await runSeveralHosts({ processes: 2, paragraphs: 60, rate: 3, seconds: 2, cacheDir });
    expect(report.processes).toBe(2);
    expect(report.archive.paragraphs).toBeGreaterThanOrEqual(60);
    expect(report.startupMs.several).toHaveLength(2);
    expect(report.unanswered).toEqual({ single: 0, several: [0, 0] });
    expect(report.commands.length).toBeGreaterThan(0);
    for (const row of report.commands) expect(row.several).toHaveLength(2);
    // CPU figures come from /proc: numbers on Linux, null elsewhere.
    expect(report.startupCpuMs.several).toHaveLength(2);
    if (process.platform === 'linux') {
      for (const ms of [report.startupCpuMs.single, ...report.startupCpuMs.several]) expect(ms).toBeGreaterThan(0);
      expect(report.driveCores.several).toBeGreaterThanOrEqual(0);
    }
    expect(report.harness.cores.several).toBeGreaterThanOrEqual(0);
    const table = formatSeveralHostsReport(report);
    expect(table).toMatch(/start-up from a warm cache .*(PASS|FAIL)/);
    expect(table).toMatch(/every command within 1\.2× of one process: (PASS|FAIL)/);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  }, 300_000);
});
