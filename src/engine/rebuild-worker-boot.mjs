// Entry of the corpus rebuild worker thread. The worker is started without the parent's
// execArgv: in a process started from a build (bin/pilcrow.mjs sets PILCROW_BUNDLE) it runs that
// build's worker; otherwise TypeScript loading is registered here the same way under `tsx` and vitest.
import { parentPort, workerData } from 'node:worker_threads';
import { importWorkerModule } from '../launch/import-worker-module.mjs';

const { serveRebuilds } = await importWorkerModule(import.meta.url, 'src/engine/rebuild-worker.ts', './rebuild-worker.ts');
serveRebuilds(parentPort, workerData ?? {});
