import pino, { type Logger } from 'pino';
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
}

/** A destination that passes each line on to `target` at once, every occurrence of the secret (or of its long parts) censored. */
function scrubbing(target: NodeJS.WritableStream, variants: string[]): pino.DestinationStream {
  return {
    write(line: string) {
      target.write(scrubSecret(line, variants));
    },
  };
}

/** The pino root logger: JSON lines on stderr, the Discord token redacted everywhere. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const variants = secretVariants(options.secret);
  const target = options.destination ?? process.stderr;
  return pino(
    { level: options.level ?? 'info', redact: { paths: REDACTED_PATHS, censor: CENSOR } },
    variants.length > 0 ? scrubbing(target, variants) : (target as pino.DestinationStream),
  );
}

export type { Logger };
