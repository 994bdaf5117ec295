import pino, { type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';
import { REDACTED, scrubSecret, secretVariants } from './scrub-secret.ts';

/** Paths pino removes from every log line, wherever a token could appear. */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'config.discordToken',
  'discordToken',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'headers.authorization',
  '*.headers.authorization',
  'authorization',
];

const CENSOR = REDACTED;

export interface LoggerOptions {
  /** pino level; default 'info'. */
  level?: string;
  /** Where lines go; default standard error (standard output is kept for answers). */
  destination?: NodeJS.WritableStream;
  /** A secret (the bot token) scrubbed from every line, wherever it appears: fields, messages, errors, echoed user input. */
  secret?: string | null;
  /**
   * Lines for a person: one readable line each (time, level, message, then the fields) instead of
   * JSON. Default: when the destination is a terminal; services (systemd, Docker) get JSON.
   */
  readable?: boolean;
}

/** A destination that passes each line on to `target` at once, every occurrence of the secret (or of its long parts) censored. */
function scrubbing(target: NodeJS.WritableStream, variants: string[]): pino.DestinationStream {
  return {
    write(line: string) {
      target.write(scrubSecret(line, variants));
    },
  };
}

/** A destination that turns each JSON line into pino-pretty's one readable line before passing it on. */
function readableLines(target: NodeJS.WritableStream): pino.DestinationStream {
  const format = prettyFactory({ colorize: false, singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' });
  return {
    write(line: string) {
      target.write(format(line));
    },
  };
}

/** The pino root logger: JSON lines on stderr (readable lines at a terminal), the Discord token redacted everywhere. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const variants = secretVariants(options.secret);
  const target = options.destination ?? process.stderr;
  const readable = options.readable ?? Boolean((target as { isTTY?: boolean }).isTTY);
  const shown = readable ? readableLines(target) : (target as pino.DestinationStream);
  return pino(
    { level: options.level ?? 'info', redact: { paths: REDACTED_PATHS, censor: CENSOR } },
    variants.length > 0 ? scrubbing(shown as NodeJS.WritableStream, variants) : shown,
  );
}

export type { Logger };
