/**
 * Reads a response body chunk by chunk and stops at `maxBytes`: the rest is never read (the stream
 * is cancelled, so the connection is closed), so a 50 MB answer costs at most `maxBytes` of memory.
 * Counts the bytes after decompression, so a small compressed bomb is cut too.
 */
export async function readCappedBody(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<{ kind: 'bytes'; bytes: Uint8Array } | { kind: 'too-large'; readBytes: number }> {
  if (body === null) return { kind: 'bytes', bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        chunks.length = 0;
        await reader.cancel().catch(() => undefined);
        return { kind: 'too-large', readBytes: total };
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { kind: 'bytes', bytes };
}
