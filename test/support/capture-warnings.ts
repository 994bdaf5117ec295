import { Writable } from 'node:stream';
import { pino, type Level, type Logger } from 'pino';

/** A logged line, parsed. */
export type LogLine = { level: number; msg: string } & Record<string, unknown>;

/** A pino logger at `level` whose lines are kept, parsed, in `lines`. */
export function captureLog(level: Level): { lines: LogLine[]; log: Logger } {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, log: pino({ level }, sink) };
}

/** A pino logger at warn level whose lines (warnings and worse) are kept, parsed, in `lines`. */
export function captureWarnings(): { lines: LogLine[]; log: Logger } {
  return captureLog('warn');
}
