import { describe, expect, it } from 'vitest';
import { createSerialWriter } from '../../src/files/serial-writer.ts';

/** A store whose writes finish when the test says: what was written, in order, and the writes still open. */
function heldStore() {
  const written: string[] = [];
  const open: Array<{ value: string; finish: () => void; fail: (err: Error) => void }> = [];
  const writeValue = (value: string): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      open.push({
        value,
        finish: () => {
          written.push(value);
          resolve();
        },
        fail: reject,
      });
    });
  /** Finishes the oldest open write (after letting the writer start the next one it has queued). */
  const finishOne = async (): Promise<void> => {
    const write = open.shift();
    if (!write) throw new Error('no write is open');
    write.finish();
    await settle();
  };
  return { written, open, writeValue, finishOne };
}

/** Lets the promise callbacks already queued run (no timer involved). */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('createSerialWriter', () => {
  it('GIVEN no write under way WHEN a value is written THEN it is written at once and the promise resolves after it', async () => {
    const store = heldStore();
    const writer = createSerialWriter(store.writeValue);
    let done = false;
    const writing = writer.write('a').then(() => (done = true));
    await settle();
    expect(store.open.map((w) => w.value)).toEqual(['a']);
    expect(done).toBe(false);
    await store.finishOne();
    await writing;
    expect(store.written).toEqual(['a']);
  });

  it('GIVEN a write under way WHEN three more are asked for THEN they wait for it and only the latest is written, once, for all three', async () => {
    const store = heldStore();
    const writer = createSerialWriter(store.writeValue);
    const first = writer.write('a');
    const later = [writer.write('b'), writer.write('c'), writer.write('d')];
    await settle();
    expect(store.open.map((w) => w.value)).toEqual(['a']);
    await store.finishOne();
    await first;
    expect(store.open.map((w) => w.value)).toEqual(['d']);
    await store.finishOne();
    await Promise.all(later);
    expect(store.written).toEqual(['a', 'd']);
  });

  it('GIVEN a write that fails THEN only its callers are told, and the write queued after it still runs', async () => {
    const store = heldStore();
    const writer = createSerialWriter(store.writeValue);
    const first = writer.write('a');
    const second = writer.write('b');
    await settle();
    store.open.shift()?.fail(new Error('disk full'));
    await expect(first).rejects.toThrow('disk full');
    await settle();
    await store.finishOne();
    await expect(second).resolves.toBeUndefined();
    expect(store.written).toEqual(['b']);
  });

  it('GIVEN a writer that throws at once THEN the caller gets a rejected promise, not an exception', async () => {
    const writer = createSerialWriter<string>(() => {
      throw new Error('bad value');
    });
    const writing = writer.write('a');
    await expect(writing).rejects.toThrow('bad value');
    await expect(writer.flushed()).resolves.toBeUndefined();
  });

  it('GIVEN a write under way and one queued THEN flushed resolves only once both are done, even when they fail', async () => {
    const store = heldStore();
    const writer = createSerialWriter(store.writeValue);
    const writes = [writer.write('a'), writer.write('b')].map((p) => p.catch(() => 'failed'));
    let flushed = false;
    const flushing = writer.flushed().then(() => (flushed = true));
    await settle();
    store.open.shift()?.fail(new Error('disk full'));
    await settle();
    expect(flushed).toBe(false);
    await store.finishOne();
    await flushing;
    expect(await Promise.all(writes)).toEqual(['failed', undefined]);
  });

  it('GIVEN nothing written THEN flushed resolves at once', async () => {
    const writer = createSerialWriter(async () => undefined);
    await expect(writer.flushed()).resolves.toBeUndefined();
  });
});
