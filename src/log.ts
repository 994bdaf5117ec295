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

export interface LoggerOptions {
  /** pino level; default 'info'. */
  level?: string;
  /** Where lines go; default standard error (standard output is kept for answers). */
  destination?: NodeJS.WritableStream;
  /** A secret to scrub from any message or serialized error text, e.g. the bot token. */
  secret?: string | null;
}

/** The pino root logger: JSON lines on stderr, the Discord token redacted everywhere. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const secret = options.secret && options.secret.length >= 8 ? options.secret : null;
  const scrub = (text: string): string => (secret ? text.split(secret).join('[Redacted]') : text);
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
      hooks: secret
        ? {
            logMethod(args, method) {
              method.apply(
                this,
                args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as Parameters<typeof method>,
              );
            },
          }
        : undefined,
      serializers: {
        err: (err: unknown) => {
          const s = pino.stdSerializers.err(err as Error);
          if (!secret) return s;
          return JSON.parse(scrub(JSON.stringify(s))) as unknown;
        },
      },
    },
    (options.destination ?? process.stderr) as pino.DestinationStream,
  );
}

export type { Logger };
