/**
 * `npx tsx bench/event-loop-during-rebuild.ts [--paragraphs 100000] [--runs 2]`: how long the
 * main thread's event loop is blocked while the corpus store rebuilds after one article changed,
 * at a synthetic corpus size: the old way (analysis + index build + cache writes inline) beside
 * the worker thread (only the index hand-over runs on the main thread). The cache is seeded with
 * the corpus's analyses first, as a running bot has it; the changed article is analysed for real.
 * Prints a table on stdout; progress goes to stderr.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { analyseArticle } from '../src/analysis/analyse-article.ts';
import { analyseAndIndexWithCache } from '../src/cache/corpus-cache.ts';
import { createCorpusRebuilder } from '../src/engine/corpus-rebuilder.ts';
import { currentAnalysisVersion, indexArticles, toCorpus } from '../src/engine/load-corpus.ts';
import { sortArticles } from '../src/engine/rebuild-messages.ts';
import type { Article } from '../src/model/article.ts';
import type { Corpus } from '../src/model/corpus.ts';
import { fixtureArticles } from '../test/support/article-from-paragraphs.ts';
import { synthesiseCorpus } from './synthesise-corpus.ts';
import { readCount } from './parse-bench-args.ts';

interface RebuildRow {
  mode: 'main thread' | 'worker';
  run: number;
  /** Wall time from the change to the new corpus being ready, ms. */
  rebuildMs: number;
  /** Longest event-loop delay on the main thread meanwhile, ms. */
  maxDelayMs: number;
  p99DelayMs: number;
}

const progress = (line: string): void => void process.stderr.write(`bench: ${line}\n`);

function readArgs(argv: string[]): { paragraphs: number; runs: number } {
  const usage = (): never => {
    process.stderr.write('usage: npx tsx bench/event-loop-during-rebuild.ts [--paragraphs N] [--runs N]\n');
    process.exit(2);
  };
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { paragraphs: { type: 'string', default: '100000' }, runs: { type: 'string', default: '2' } },
    }));
  } catch {
    return usage();
  }
  const args = { paragraphs: readCount(values.paragraphs), runs: readCount(values.runs) };
  if (Number.isNaN(args.paragraphs) || Number.isNaN(args.runs)) usage();
  return args;
}

/** Runs `rebuild` while sampling the event-loop delay every millisecond. */
async function measure(mode: RebuildRow['mode'], run: number, rebuild: () => Promise<unknown>): Promise<RebuildRow> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  await new Promise((resolve) => setTimeout(resolve, 50));
  histogram.enable();
  const start = performance.now();
  await rebuild();
  const rebuildMs = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 20)); // let the sampler see the last block
  histogram.disable();
  return { mode, run, rebuildMs, maxDelayMs: histogram.max / 1e6, p99DelayMs: histogram.percentile(99) / 1e6 };
}

/** Article `article` with one more paragraph: a change that forces its re-analysis. */
function edit(article: Article, run: number, text: string): Article {
  return { ...article, paragraphs: [...article.paragraphs, { n: article.paragraphs.length + 1, text: `${text} (edit ${run})` }] };
}

const { paragraphs, runs } = readArgs(process.argv.slice(2));
progress(`synthesising ~${paragraphs} paragraphs`);
const sources = fixtureArticles().map((article) => ({
  article,
  analysis: analyseArticle(article),
}));
const synthetic = synthesiseCorpus(sources, paragraphs);
const cacheDir = await mkdtemp(join(tmpdir(), 'pilcrow-bench-rebuild-'));
progress('seeding the cache with the corpus analyses and index');
const known = new Map(synthetic.map((a) => [a.article, a.analysis]));
const seeded = await analyseAndIndexWithCache(
  sortArticles(synthetic.map((a) => a.article)),
  (article) => known.get(article) ?? analyseArticle(article),
  {
    dir: cacheDir,
    analysisVersion: await currentAnalysisVersion(),
  },
);
let corpus: Corpus = toCorpus(seeded, []);
const total = corpus.articles.reduce((n, a) => n + a.article.paragraphs.length, 0);
const filler = sources[0]!.article.paragraphs[0]!.text;

const rows: RebuildRow[] = [];
const target = (run: number): Article => corpus.articles[(run * 7919) % corpus.articles.length]!.article;
for (let run = 1; run <= runs; run++) {
  progress(`main thread, run ${run}`);
  const changed = edit(target(run), run, filler);
  const articles = corpus.articles.map((a) => (a.article.id === changed.id ? changed : a.article));
  rows.push(
    await measure('main thread', run, async () => {
      corpus = await indexArticles(articles, [], { cacheDir });
    }),
  );
}
const rebuilder = createCorpusRebuilder({ cacheDir });
rebuilder.prepare(corpus);
for (let run = 1; run <= runs; run++) {
  progress(`worker, run ${run}`);
  const changed = edit(target(runs + run), runs + run, filler);
  const articles = corpus.articles.map((a) => (a.article.id === changed.id ? changed : a.article));
  const previous = corpus;
  rows.push(
    await measure('worker', run, async () => {
      const rebuilt = await rebuilder.rebuild(previous, articles, { changed: [changed], removed: [] });
      corpus = toCorpus(rebuilt, []);
    }),
  );
}
await rebuilder.close();
await rm(cacheDir, { recursive: true, force: true });

const ms = (n: number): string => n.toFixed(0).padStart(8);
process.stdout.write(
  [
    `Event loop during a rebuild after one article changed: ${corpus.articles.length} articles, ${total} paragraphs; node ${process.version}, ${availableParallelism()} CPUs, load ${loadavg()[0]!.toFixed(1)}`,
    'mode          run  rebuild ms  max delay ms  p99 delay ms',
    ...rows.map(
      (r) => `${r.mode.padEnd(12)} ${String(r.run).padStart(4)}  ${ms(r.rebuildMs)}    ${ms(r.maxDelayMs)}      ${ms(r.p99DelayMs)}`,
    ),
  ].join('\n') + '\n',
);
