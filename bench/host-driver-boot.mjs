// Entry of a host driver thread (bench/host-driver.ts). Started without the parent's execArgv, so
// TypeScript loading is registered here, the same under `tsx` and vitest.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { serveHostDriver } = await import('./host-driver-thread.ts');
await serveHostDriver(parentPort, workerData);
