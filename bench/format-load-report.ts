import type { LatencyStats } from './measure-latency.ts';
import type { LoadReport } from './run-load-benchmark.ts';

function stats(s: LatencyStats): string {
  return [s.p50, s.p95, s.p99, s.max].map((n) => String(Math.round(n)).padStart(6)).join(' ');
}

function verdict(pass: boolean | null): string {
  return pass === null ? 'n/a' : pass ? 'PASS' : 'FAIL';
}

/** The load benchmark's report as a table. */
export function formatLoadReport(r: LoadReport): string {
  const lines = [
    `Load: ${r.sent} actions at ${r.rate}/s for ${r.seconds} s on ${r.archive.articles} articles (${r.archive.paragraphs} paragraphs); ` +
      `node ${r.node}, ${r.cpus} cpus, load average ${r.load.start} → ${r.load.end}; bot start-up ${(r.startupMs / 1000).toFixed(1)} s, settled ${(r.settleMs / 1000).toFixed(1)} s later`,
    '',
    `first responses          ${r.firstResponses}/${r.sent}, within 3 s: ${r.withinWindow}   ${verdict(r.targets.allWithinWindow)}`,
    `final answers            ${r.finalAnswers}/${r.sent} (invalid ${r.invalidAnswers}, apologies ${r.apologies})   ${verdict(r.targets.everyFinalAnswer)}`,
    `error log lines          ${r.errorLines} (warnings ${r.warnLines})   ${verdict(r.targets.noErrorLines)}`,
    `peak RSS MB              ${r.peakRssMB ?? 'n/a'} (whole life), ${r.loadRssMB ?? 'n/a'} (during the load)   ${verdict(r.targets.rssWithin1GB)}`,
    '',
    'ms                          sent    p50    p95    p99    max |    p50    p95    p99    max',
    `${'all: first | final'.padEnd(26)} ${String(r.sent).padStart(5)} ${stats(r.firstResponse)} | ${stats(r.finalAnswer)}`,
    ...r.actions.map((a) => `${a.label.padEnd(26)} ${String(a.sent).padStart(5)} ${stats(a.firstResponse)} | ${stats(a.finalAnswer)}`),
  ];
  for (const [reason, n] of Object.entries(r.failures)) lines.push(`failed ×${n}: ${reason}`);
  for (const sample of r.errorSamples) lines.push(`error: ${sample}`);
  return lines.join('\n');
}
