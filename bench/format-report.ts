import type { BenchReport } from './run-benchmark.ts';

/** The benchmark report as plain-text tables: one line per size, one per command and design, then quality. */
export function formatReport(report: BenchReport): string {
  const lines: string[] = [];
  lines.push(
    `Node ${report.node}, ${report.cpus} CPUs, load average ${report.load.start} → ${report.load.end}, analysis: ${report.analysis}, ${report.queriesPerCommand} queries per command`,
  );
  lines.push('');
  lines.push(
    table(
      [
        'size',
        'paragraphs',
        'articles',
        'names',
        'build ms',
        'start-up ms',
        'cache MB',
        'heap MB',
        'RSS MB',
        'memory ≤1GB',
        'start-up ≤10s',
      ],
      report.sizes.map((s) => [
        s.size === 1 ? '1 (bundled)' : String(s.size),
        String(s.paragraphs),
        String(s.articles),
        String(s.nameStrings),
        String(s.buildMs),
        `${s.startupMs}${s.startupFromCache ? '' : ' (not cached!)'}`,
        String(s.cacheMB),
        String(s.heapMB),
        String(s.rssMB),
        verdict(s.memoryPass),
        verdict(s.startupPass),
      ]),
    ),
  );
  lines.push('');
  lines.push(
    table(
      ['size', 'command', 'design', 'runs', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'target', 'pass'],
      report.sizes.flatMap((s) =>
        s.commands.map((c) => [
          String(s.size),
          c.command,
          c.design,
          String(c.runs),
          ...milliseconds(c),
          [c.targetP95 === null ? '' : `p95≤${c.targetP95}`, c.targetP99 === null ? '' : `p99≤${c.targetP99}`].filter(Boolean).join(' ') ||
            '-',
          verdict(c.pass),
        ]),
      ),
    ),
  );
  lines.push('');
  lines.push(
    'Event-loop blocking per command (answer + Discord render, as the bot runs it), wall clock and CPU time; target at 100k: CPU p99 ≤ 10 ms:',
  );
  lines.push(
    table(
      ['size', 'command', 'runs', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'cpu p50', 'cpu p99', 'cpu max', 'pass'],
      report.sizes.flatMap((s) => [
        [String(s.size), `(prepare answers: ${s.prepareMs} ms, in the background)`, '', '', '', '', '', '', '', '', ''],
        ...s.blocking.map((b) => [
          String(s.size),
          b.command,
          String(b.runs),
          ...milliseconds(b),
          b.cpu.p50.toFixed(2),
          b.cpu.p99.toFixed(2),
          b.cpu.max.toFixed(2),
          verdict(b.pass),
        ]),
      ]),
    ),
  );
  const q = report.quality;
  lines.push('');
  lines.push(
    `Quality on the bundled article (${q.queries} queries, right top paragraph): pilcrow ${q.top1.pilcrow}, plain fuse ${q.top1['fuse-scan']}, MiniSearch alone ${q.top1.minisearch}; agreement with plain fuse top 5: ${q.agreementAt5}; never worse than plain fuse: ${verdict(q.notWorseThanFuse)}`,
  );
  lines.push(
    table(
      ['query', 'expected ¶', 'pilcrow', 'fuse', 'minisearch'],
      q.rows.map((r) => [
        r.query,
        r.expected.join(','),
        mark(r.pilcrow, r.expected),
        mark(r.fuse, r.expected),
        mark(r.minisearch, r.expected),
      ]),
    ),
  );
  return lines.join('\n');
}

function verdict(pass: boolean | null): string {
  return pass === null ? '-' : pass ? 'PASS' : 'FAIL';
}

function mark(paragraph: number | null, expected: readonly number[]): string {
  if (paragraph === null) return '✗ none';
  return `${expected.includes(paragraph) ? '✓' : '✗'} ${paragraph}`;
}

/** Left-aligned columns padded to their widest cell. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The p50, p95, p99 and max columns of a latency row, in milliseconds to two decimals. */
function milliseconds(stats: { p50: number; p95: number; p99: number; max: number }): string[] {
  return [stats.p50, stats.p95, stats.p99, stats.max].map((ms) => ms.toFixed(2));
}
