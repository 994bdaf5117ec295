/**
 * Resolves once this process has no file-system request in flight, after letting pending
 * callbacks run (each check is one turn of the event loop: setImmediate): the explicit signal a
 * test waits on before asserting that something did NOT happen — a write, a save, a step that
 * would follow one — instead of sleeping a fixed time. Throws after `timeoutMs`.
 * What counts as a file-system request: the resource names Node reports for them
 * (process.getActiveResourcesInfo: FSReqCallback, FSReqPromise, CloseReq, FileHandle…).
 */
const FILE_SYSTEM_REQUEST = /^(FSReq|CloseReq|FileHandle)/;

export async function ioSettled(options: { timeoutMs?: number; turns?: number } = {}): Promise<void> {
  const { timeoutMs = 10_000, turns = 3 } = options;
  const end = Date.now() + timeoutMs;
  // A few quiet turns in a row: a request may start from a callback of the turn before.
  for (let quiet = 0; quiet < turns;) {
    await new Promise((resolve) => setImmediate(resolve));
    if (process.getActiveResourcesInfo().some((name) => FILE_SYSTEM_REQUEST.test(name))) quiet = 0;
    else quiet += 1;
    if (Date.now() > end) throw new Error(`file-system requests still in flight after ${timeoutMs} ms`);
  }
}
