/** Running tasks one after another (each starts when the one before has settled). */

export type Serialiser = <T>(task: () => Promise<T>) => Promise<T>;

/** A queue of one: `run(task)` waits for every task queued before it; a failing task does not stop the ones after it. */
export function createSerialiser(): Serialiser {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
