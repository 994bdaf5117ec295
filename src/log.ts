import pino, { type Logger } from 'pino';

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

const CENSOR = '[Redacted]';

export interface LoggerOptions {
  /** pino level; default 'info'. */
  level?: string;
  /** Where lines go; default standard error (standard output is kept for answers). */
  destination?: NodeJS.WritableStream;
  /** A secret (the bot token) scrubbed from every line, wherever it appears: fields, messages, errors, echoed user input. */
  secret?: string | null;
}

/** A destination that passes each line on to `target` at once, every occurrence of `secret` censored. */
function scrubbing(target: NodeJS.WritableStream, secret: string): pino.DestinationStream {
  return {
    write(line: string) {
      target.write(line.includes(secret) ? line.split(secret).join(CENSOR) : line);
    },
  };
}

/** The pino root logger: JSON lines on stderr, the Discord token redacted everywhere. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const secret = options.secret && options.secret.length >= 8 ? options.secret : null;
  const target = options.destination ?? process.stderr;
  return pino(
    { level: options.level ?? 'info', redact: { paths: REDACTED_PATHS, censor: CENSOR } },
    secret ? scrubbing(target, secret) : (target as pino.DestinationStream),
  );
}

export type { Logger };
