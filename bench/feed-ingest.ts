/**
 * `npm run bench:feeds [-- --items 100 --concurrency 4 --json]`: how long a feed of N items takes
 * to ingest, end to end on the local news site (test/support/news-site, on 127.0.0.1): the real
 * fetcher, the real article library in a temp data folder, the feed service. Two runs:
 *   add    — `/feed add` of the site's 100-item feed: every item's page fetched and stored, no announcement;
 *   check  — a subscribed feed that suddenly lists N new stories: one check stores and announces them all.
 * For each: wall time, CPU time, and the longest the event loop was blocked meanwhile (the bot
 * must keep answering commands within Discord's 3 seconds while a feed is ingested).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { wholeOption } from './parse-bench-args.ts';
import pino from 'pino';
import { openFeedService, type FeedService } from '../src/feeds/feed-service.ts';
import { openArticleLibrary } from '../src/library/article-library.ts';
import { isUserError } from '../src/model/user-error.ts';
import { createPageFetcher } from '../src/web/fetch-page.ts';
import { generateStories } from '../test/support/news-site/generate-stories.ts';
import { NEWS_SITE_PATHS, startNewsSite } from '../test/support/news-site/start-news-site.ts';

const GUILD = '100000000000000001';
const CHANNEL = '100000000000000002';

interface Run {
  run: string;
  items: number;
  stored: number;
  announced: number;
  wallMs: number;
  cpuMs: number;
  /** The longest event-loop delay seen during the run. */
  maxLoopDelayMs: number;
  /** The 99th percentile of event-loop delay. */
  p99LoopDelayMs: number;
}

const USAGE = 'usage: npm run bench:feeds -- [--items N (1-100)] [--concurrency N (1-16)] [--json]';

async function measure(run: string, items: number, work: () => Promise<{ stored: number; announced: number }>): Promise<Run> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const { stored, announced } = await work();
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  histogram.disable();
  return {
    run,
    items,
    stored,
    announced,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    maxLoopDelayMs: Math.round(histogram.max / 1e6),
    p99LoopDelayMs: Math.round(histogram.percentile(99) / 1e6),
  };
}

async function runFeedIngest(options: { items: number; concurrency: number }): Promise<Run[]> {
  const site = await startNewsSite();
  const dataDir = await mkdtemp(join(tmpdir(), 'pilcrow-bench-feeds-'));
  let service: FeedService | null = null;
  try {
    const fetchPage = createPageFetcher({ allowPrivateUrls: true });
    const library = openArticleLibrary({ dataDir, fetchPage });
    let announced = 0;
    service = openFeedService({
      dataDir,
      fetchPage,
      library,
      announce: async () => void (announced += 1),
      log: pino({ level: 'warn' }),
      pageConcurrency: options.concurrency,
    });
    const feeds = service;
    const runs: Run[] = [];

    runs.push(
      await measure('add (store, no announcement)', 100, async () => {
        const added = await feeds.add(GUILD, site.url(NEWS_SITE_PATHS.feeds.big), CHANNEL);
        if (isUserError(added)) throw new Error(added.error.message);
        return { stored: added.stored, announced };
      }),
    );

    const subscribed = await feeds.add('100000000000000003', site.url(NEWS_SITE_PATHS.feeds.rss), CHANNEL);
    if (isUserError(subscribed)) throw new Error(subscribed.error.message);
    site.setFeed('rss', generateStories(options.items));
    announced = 0;
    runs.push(
      await measure('check (store and announce)', options.items, async () => {
        const before = feeds.list('100000000000000003')[0]!.articlesAdded;
        const status = await feeds.checkNow('100000000000000003', subscribed.feed.id);
        if (isUserError(status)) throw new Error(status.error.message);
        return { stored: status.articlesAdded - before, announced };
      }),
    );
    return runs;
  } finally {
    await service?.stop();
    await site.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function formatRuns(runs: readonly Run[], concurrency: number): string {
  const header = ['run', 'items', 'stored', 'announced', 'wall ms', 'cpu ms', 'max loop delay ms', 'p99 loop delay ms'];
  const rows = runs.map((r) => [r.run, r.items, r.stored, r.announced, r.wallMs, r.cpuMs, r.maxLoopDelayMs, r.p99LoopDelayMs].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [`Feed ingest on the local news site, ${concurrency} pages at a time`, line(header), ...rows.map(line)].join('\n');
}

let settings: { items: number; concurrency: number; json: boolean };
try {
  const { values } = parseArgs({
    options: { items: { type: 'string' }, concurrency: { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
  });
  settings = {
    items: wholeOption('items', values.items, 100, 1, 100),
    concurrency: wholeOption('concurrency', values.concurrency, 4, 1, 16),
    json: values.json ?? false,
  };
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
  process.exit(2);
}

const runs = await runFeedIngest(settings);
process.stdout.write(
  settings.json
    ? `${JSON.stringify({ concurrency: settings.concurrency, runs }, null, 2)}\n`
    : `${formatRuns(runs, settings.concurrency)}\n`,
);
