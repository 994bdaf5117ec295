// Entry of the corpus rebuild worker thread. The worker is started without the parent's
// execArgv, so TypeScript loading is registered here the same way under `tsx` and vitest.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { serveRebuilds } = await import('./rebuild-worker.ts');
serveRebuilds(parentPort, workerData ?? {});
