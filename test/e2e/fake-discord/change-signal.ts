import { EventEmitter } from 'node:events';

/** Lets waiters sleep until some state changes, instead of polling on a timer. */
export interface ChangeSignal {
  /** Wakes every waiter so it re-checks its condition. */
  notify(): void;
  /**
   * Resolves with the condition's first truthy value, checked now and after each notify();
   * rejects with an error naming `what` after timeoutMs.
   */
  waitUntil<T>(condition: () => T | undefined | false, timeoutMs: number, what: string): Promise<T>;
  /** Rejects every pending waiter (used when the server closes). */
  abort(reason: string): void;
}

/** Creates a {@link ChangeSignal}. */
export function createChangeSignal(): ChangeSignal {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    notify: () => emitter.emit('change'),
    abort: (reason) => emitter.emit('abort', reason),
    waitUntil<T>(condition: () => T | undefined | false, timeoutMs: number, what: string): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const cleanup = (): void => {
          clearTimeout(timer);
          emitter.off('change', check);
          emitter.off('abort', onAbort);
        };
        const check = (): void => {
          let value: T | undefined | false;
          try {
            value = condition();
          } catch (error) {
            cleanup();
            reject(error);
            return;
          }
          if (value !== undefined && value !== false) {
            cleanup();
            resolve(value);
          }
        };
        const onAbort = (reason: string): void => {
          cleanup();
          reject(new Error(`fake-discord: stopped waiting for ${what}: ${reason}`));
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`fake-discord: timed out after ${timeoutMs} ms waiting for ${what}`));
        }, timeoutMs);
        emitter.on('change', check);
        emitter.on('abort', onAbort);
        check();
      });
    },
  };
}
