// Entry of the word-vector conversion worker thread: reads the embeddings JSON as a stream,
// writes the compact binary file atomically, and reports. TypeScript loading is registered here
// the same way as for the rebuild worker (the thread starts without the parent's execArgv).
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { convertToFile } = await import('./convert-to-file.ts');
try {
  await convertToFile(workerData.source, workerData.target);
  parentPort.postMessage({ ok: true });
} catch (err) {
  parentPort.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
}
