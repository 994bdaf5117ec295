/**
 * What one command costs the bot's event loop, end to end as the dispatcher does it: the
 * answer (runCommand, or the autocomplete) and its Discord rendering (page 0, or the page a
 * button asks for). Everything in the bot between the gateway and the reply is synchronous
 * except I/O, so this is the time the loop is blocked per command.
 */
import { completeOption } from '../src/answers/autocomplete.ts';
import { prepareAnswers, runCommand } from '../src/answers/run-command.ts';
import type { Corpus } from '../src/model/corpus.ts';
import { isUserError } from '../src/model/user-error.ts';
import { renderAnswer } from '../src/render/discord/render-answer.ts';
import { renderUserError } from '../src/render/discord/render-user-error.ts';
import type { BenchQueries } from './bench-queries.ts';
import { summariseTimes, type LatencyStats } from './measure-latency.ts';

/**
 * Blocking time of one kind of command at one corpus size: wall-clock time, and the process's
 * CPU time over the same runs (on a shared machine the wall clock also counts the time the
 * process waited for a core; the CPU time is what the command itself cost).
 */
export interface BlockingRow extends LatencyStats {
  command: string;
  cpu: LatencyStats;
}

/** Untimed runs before timing, so the JIT has settled. */
const WARM_UP_RUNS = 50;

/** Times `run` once per query in wall-clock and CPU milliseconds. */
function timeBoth<Q>(command: string, queries: readonly Q[], run: (query: Q) => unknown): BlockingRow {
  for (const q of queries.slice(0, WARM_UP_RUNS)) run(q);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const q of queries) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    run(q);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { command, ...summariseTimes(wall), cpu: summariseTimes(cpu) };
}

/** The commands timed, each over the query lists (options as members give them). */
const KINDS: ReadonlyArray<{
  command: string;
  name: string;
  options: (q: BenchQueries, i: number) => Record<string, string | number>;
  page?: (i: number) => number;
}> = [
  { command: 'summary', name: 'summary', options: () => ({}) },
  { command: 'summary article', name: 'summary', options: (q, i) => ({ article: q.articles[i]! }) },
  { command: 'quote (bare)', name: 'quote', options: () => ({}) },
  { command: 'quote page N', name: 'quote', options: () => ({}), page: (i) => i * 37 },
  { command: 'quote speaker', name: 'quote', options: (q, i) => ({ speaker: q.names[i]! }) },
  { command: 'quote about', name: 'quote', options: (q, i) => ({ about: q.topics[i]! }) },
  { command: 'who', name: 'who', options: (q, i) => ({ name: q.names[i]! }) },
  { command: 'related', name: 'related', options: (q, i) => ({ topic: q.topics[i]! }) },
];

/**
 * Builds what answers prepare per corpus (as the bot does when a corpus is swapped in, in the
 * background), then times each kind of command; returns the rows and the preparation time.
 */
export async function measureBlocking(
  corpus: Corpus,
  queries: BenchQueries,
  count: number,
): Promise<{ prepareMs: number; rows: BlockingRow[] }> {
  const started = performance.now();
  await prepareAnswers(corpus);
  const prepareMs = performance.now() - started;
  const indices = Array.from({ length: count }, (_, i) => i);
  const rows: BlockingRow[] = KINDS.map((kind) =>
    timeBoth(kind.command, indices, (i) => {
      const result = runCommand(corpus, kind.name, kind.options(queries, i));
      return isUserError(result)
        ? renderUserError(result)
        : renderAnswer(result, { page: kind.page?.(i) ?? 0, pageButtonId: (p) => `pg|${kind.name}|${p}` });
    }),
  );
  rows.push(timeBoth('autocomplete name', queries.names, (q) => completeOption(corpus, 'name', q.slice(0, 4))));
  rows.push(timeBoth('autocomplete article', queries.articles, (q) => completeOption(corpus, 'article', q.slice(0, 6))));
  return { prepareMs, rows };
}
