// Thread of test/warm-cache.global.ts: loads the data folder into the cache folder given (the
// product's loadCorpus: parse, analyse, index, each written to the cache), and reports. TypeScript
// loading is registered here as in the product's worker entries (a thread starts without it).
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { loadCorpus } = await import('../../src/engine/load-corpus.ts');
const warnings = [];
try {
  const loaded = await loadCorpus({
    dataDir: workerData.dataDir,
    cacheDir: workerData.cacheDir,
    onWarning: (message) => warnings.push(message),
  });
  if ('error' in loaded) parentPort.postMessage({ error: loaded.error });
  else if (loaded.corpus.articles.length === 0) parentPort.postMessage({ error: `no article loaded: ${loaded.warning ?? ''}` });
  else parentPort.postMessage({ warnings });
} catch (err) {
  parentPort.postMessage({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
}
