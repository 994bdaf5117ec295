// Entry of the word-vector conversion worker thread: reads the embeddings JSON as a stream,
// writes the compact binary file atomically, and reports. Its code comes from the build or the
// TypeScript source, as for the rebuild worker (the thread starts without the parent's execArgv).
import { parentPort, workerData } from 'node:worker_threads';
import { importWorkerModule } from '../../launch/import-worker-module.mjs';

const { convertToFile } = await importWorkerModule(import.meta.url, 'src/search/vectors/convert-to-file.ts', './convert-to-file.ts');
try {
  await convertToFile(workerData.source, workerData.target);
  parentPort.postMessage({ ok: true });
} catch (err) {
  parentPort.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
}
