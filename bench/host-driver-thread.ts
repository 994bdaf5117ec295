/**
 * One host's fake Discord and its members, in a thread of their own (bench/host-driver.ts starts
 * it): the requests of one bot are received, and its answers stamped, by a loop that serves no
 * other bot, as each host of a real deployment talks to Discord on its own.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { MessagePort } from 'node:worker_threads';
import { startFakeDiscord } from '../test/e2e/fake-discord/index.ts';
import type { LoadAction } from './load-mix.ts';
import { drive, settle, type Outcome } from './run-load-benchmark.ts';

/** What the thread is asked to do (each request has an id, answered once). */
export type HostDriverRequest =
  | { id: number; type: 'wait-for-login'; timeoutMs: number }
  | { id: number; type: 'settle' }
  | { id: number; type: 'drive'; actions: LoadAction[]; rate: number; arrivals: number[] }
  | { id: number; type: 'close' };

/** How loaded this thread was while it sent the load: its event loop's busy share and delay p99 beyond a 1 ms timer. */
export interface DriverUse {
  loopBusy: number;
  loopDelayP99Ms: number;
}

export type HostDriverReply =
  | { type: 'ready'; token: string; apiUrl: string }
  | { id: number; type: 'done'; value?: unknown }
  | { id: number; type: 'failed'; message: string };

/** The event-loop delay histogram's timer (ms); its samples are the time between two timer turns, so this is taken off. */
const LOOP_RESOLUTION_MS = 1;

export async function serveHostDriver(port: MessagePort | null, data: { callbackWindowMs: number | null }): Promise<void> {
  if (!port) throw new Error('host-driver-thread: not started as a worker');
  const fake = await startFakeDiscord(data.callbackWindowMs === null ? {} : { callbackWindowMs: data.callbackWindowMs });
  const post = (reply: HostDriverReply): void => port.postMessage(reply);
  port.on('message', (request: HostDriverRequest) => {
    void (async () => {
      try {
        if (request.type === 'wait-for-login') {
          await fake.waitForLogin(request.timeoutMs);
          post({ id: request.id, type: 'done' });
        } else if (request.type === 'settle') {
          post({ id: request.id, type: 'done', value: await settle(fake) });
        } else if (request.type === 'drive') {
          const value: { outcomes: Outcome[]; use: DriverUse } = await measured(() =>
            drive(fake, request.actions, request.rate, request.arrivals),
          );
          post({ id: request.id, type: 'done', value });
        } else {
          await fake.close();
          post({ id: request.id, type: 'done' });
          port.close();
        }
      } catch (err) {
        post({ id: request.id, type: 'failed', message: err instanceof Error ? err.message : String(err) });
      }
    })();
  });
  post({ type: 'ready', token: fake.token, apiUrl: fake.apiUrl });
}

async function measured(run: () => Promise<Outcome[]>): Promise<{ outcomes: Outcome[]; use: DriverUse }> {
  const delay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  const before = performance.eventLoopUtilization();
  delay.enable();
  const outcomes = await run();
  delay.disable();
  const busy = performance.eventLoopUtilization(before).utilization;
  const p99 = Math.max(0, delay.percentile(99) / 1e6 - LOOP_RESOLUTION_MS);
  return { outcomes, use: { loopBusy: Math.round(busy * 1000) / 1000, loopDelayP99Ms: Math.round(p99 * 100) / 100 } };
}
