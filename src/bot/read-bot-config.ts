import { readConfig, type Config } from '../config.ts';
import { createLogger, type Logger } from '../log.ts';

/** The configuration of a process that talks to Discord, with its token, and its logger. */
export interface BotProcess {
  config: Config & { discordToken: string };
  log: Logger;
}

/** Where the one fatal line goes (tests capture it); default standard error. */
export interface BotProcessOptions {
  destination?: NodeJS.WritableStream;
}

/**
 * The configuration (already read and validated once, by `readConfig`) of a Discord process
 * (`npm start` with a token, start:sharded, deploy-commands) and its pino logger. Invalid
 * configuration or a missing DISCORD_TOKEN is one fatal log line naming the variable (the
 * token scrubbed), and null.
 */
export function toBotProcess(
  config: Config | { error: string },
  program: string,
  options: BotProcessOptions & { secret?: string } = {},
): BotProcess | null {
  const fatal = (message: string): null => {
    createLogger({ secret: options.secret, destination: options.destination }).fatal({ program }, message);
    return null;
  };
  if ('error' in config) return fatal(config.error);
  if (!config.discordToken) {
    return fatal('DISCORD_TOKEN is not set (see .env.example); without it use `npm start` or `npm run ask` in a terminal.');
  }
  const log = createLogger({ level: config.logLevel, secret: config.discordToken, destination: options.destination });
  return { config: { ...config, discordToken: config.discordToken }, log };
}

/** Reads and validates the environment once, for a Discord process's entry point (see toBotProcess). */
export function readBotConfig(env: NodeJS.ProcessEnv, program: string, options: BotProcessOptions = {}): BotProcess | null {
  return toBotProcess(readConfig(env), program, { ...options, secret: env.DISCORD_TOKEN });
}
