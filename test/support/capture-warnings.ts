import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

/** A pino logger at warn level whose lines (warnings and worse) are kept, parsed, in `lines`. */
export function captureWarnings(): { lines: Array<{ level: number; msg: string }>; log: Logger } {
  const lines: Array<{ level: number; msg: string }> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, log: pino({ level: 'warn' }, sink) };
}
