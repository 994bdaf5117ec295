// A rebuild worker for tests: the real worker and pipeline, with behaviour scripted by the
// articles' text: "[fail]" makes the rebuild throw, "[crash]" ends the thread, "[bad-analysis]"
// makes the analysis of that one article throw; while the file
// <cacheDir>/hold exists a rebuild waits (reported as a warning; it fails after 20 s, so a test that forgets the file
// fails rather than hangs); each rebuild reports its thread id as a warning.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { serveRebuilds } = await import('../../../src/engine/rebuild-worker.ts');
const { analyseAndIndex } = await import('../../../src/engine/load-corpus.ts');
const { analyseArticle } = await import('../../../src/analysis/analyse-article.ts');

const analyse = (article) => {
  if (article.paragraphs.some((p) => p.text.includes('[bad-analysis]'))) throw new Error('scripted analysis failure');
  return analyseArticle(article);
};

serveRebuilds(parentPort, workerData, async (articles, options) => {
  const text = articles.flatMap((a) => a.paragraphs.map((p) => p.text)).join('\n');
  if (text.includes('[crash]')) process.exit(7);
  if (text.includes('[fail]')) throw new Error('scripted rebuild failure');
  if (existsSync(join(workerData.cacheDir, 'hold'))) options.onWarning('rebuild holding');
  const end = Date.now() + 20_000;
  while (existsSync(join(workerData.cacheDir, 'hold'))) {
    if (Date.now() > end) throw new Error('the test never removed the hold file');
    await sleep(20);
  }
  options.onWarning(`rebuilt in thread ${threadId}`);
  return analyseAndIndex(articles, { ...options, analyse });
});
