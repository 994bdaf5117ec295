/**
 * One writer of one piece of state (a server's feeds, the announcement outbox, a server's digest
 * schedule): writes never overlap, so an older value can never land after a newer one, and a
 * burst of changes costs at most two writes, not one each.
 */
export interface SerialWriter<T> {
  /**
   * Writes `value` as soon as the write under way (if any) has finished. Values asked for while
   * a write is under way are coalesced: only the latest of them is written, once, and each of
   * those callers' promises settles with that write (rejecting with its error). The value is
   * the whole state, so the latest includes what every earlier caller asked for.
   */
  write(value: T): Promise<void>;
  /** Resolves when no write is under way or waiting; never rejects (each caller was told of its own failure). */
  flushed(): Promise<void>;
}

/** A SerialWriter over `writeValue` (which writes one whole value: a file, a row). */
export function createSerialWriter<T>(writeValue: (value: T) => Promise<void>): SerialWriter<T> {
  /** The write under way, or null. */
  let current: Promise<void> | null = null;
  /** The write that follows it (shared by every caller since it began), or null. */
  let next: Promise<void> | null = null;
  /** The value `next` will write: the latest asked for. */
  let nextValue: T;

  const start = (value: T): Promise<void> => {
    // Async, so that a writer throwing at once rejects the caller's promise like one failing later.
    const promise = (async () => writeValue(value))().finally(() => {
      if (current === promise) current = null;
    });
    current = promise;
    return promise;
  };

  return {
    write(value) {
      if (next) {
        nextValue = value;
        return next;
      }
      if (!current) return start(value);
      nextValue = value;
      next = current
        .catch(() => undefined)
        .then(() => {
          next = null;
          return start(nextValue);
        });
      return next;
    },
    async flushed() {
      while (current || next) await (next ?? current)?.catch(() => undefined);
    },
  };
}
