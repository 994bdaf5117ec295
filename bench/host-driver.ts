/**
 * A fake Discord and the members sending one host's load, run in a worker thread of their own
 * (bench/host-driver-thread.ts): with several bot processes, one thread serving every fake would
 * stamp one bot's answers late while it handled another's, and add that to the times measured
 * only when several run.
 */
import { Worker } from 'node:worker_threads';
import type { DriverUse, HostDriverReply, HostDriverRequest } from './host-driver-thread.ts';
import type { LoadAction } from './load-mix.ts';
import type { Outcome } from './run-load-benchmark.ts';

const BOOT_URL = new URL('./host-driver-boot.mjs', import.meta.url);

export interface HostDriver {
  token: string;
  apiUrl: string;
  waitForLogin(timeoutMs: number): Promise<void>;
  /** bench/run-load-benchmark.ts's settle: how long until the bot answered probes promptly, ms. */
  settle(): Promise<number>;
  /** bench/run-load-benchmark.ts's drive, with the thread's own load while it ran. */
  drive(actions: LoadAction[], rate: number, arrivals: number[]): Promise<{ outcomes: Outcome[]; use: DriverUse }>;
  close(): Promise<void>;
}

type Ask = HostDriverRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** Starts the thread and its fake Discord; resolves when the fake listens. */
export async function startHostDriver(options: { callbackWindowMs: number | null }): Promise<HostDriver> {
  const worker = new Worker(BOOT_URL, { workerData: options, execArgv: [] });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  let nextId = 1;
  let closed = false;
  const failAll = (err: Error): void => {
    for (const entry of waiting.values()) entry.reject(err);
    waiting.clear();
  };
  const ready = new Promise<{ token: string; apiUrl: string }>((resolve, reject) => {
    worker.on('message', (reply: HostDriverReply) => {
      if (reply.type === 'ready') {
        resolve(reply);
        return;
      }
      const entry = waiting.get(reply.id);
      if (!entry) return;
      waiting.delete(reply.id);
      if (reply.type === 'done') entry.resolve(reply.value);
      else entry.reject(new Error(reply.message));
    });
    worker.once('error', (err) => {
      reject(err);
      failAll(err);
    });
    worker.once('exit', (code) => {
      const err = new Error(`a host driver thread exited (code ${code})`);
      reject(err);
      if (!closed) failAll(err);
    });
  });
  const ask = <T>(request: Ask): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  const { token, apiUrl } = await ready;
  return {
    token,
    apiUrl,
    waitForLogin: (timeoutMs) => ask<void>({ type: 'wait-for-login', timeoutMs }),
    settle: () => ask<number>({ type: 'settle' }),
    drive: (actions, rate, arrivals) => ask({ type: 'drive', actions, rate, arrivals }),
    async close() {
      if (closed) return;
      closed = true;
      await ask<void>({ type: 'close' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}
