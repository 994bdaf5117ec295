import { readConfig, type Config } from '../config.ts';
import { createLogger, type Logger } from '../log.ts';

/** The configuration of a process that talks to Discord, with its token, and its logger. */
export interface BotProcess {
  config: Config & { discordToken: string };
  log: Logger;
}

/**
 * Reads the configuration for a Discord process (`npm start` with a token, start:sharded,
 * deploy-commands). Invalid configuration or a missing DISCORD_TOKEN is one line on stderr
 * naming the variable, and null.
 */
export function readBotConfig(env: NodeJS.ProcessEnv, program: string): BotProcess | null {
  const config = readConfig(env);
  if ('error' in config) {
    console.error(`${program}: ${config.error}`);
    return null;
  }
  if (!config.discordToken) {
    console.error(
      `${program}: DISCORD_TOKEN is not set (see .env.example); without it use \`npm start\` or \`npm run ask\` in a terminal.`,
    );
    return null;
  }
  const log = createLogger({ level: config.logLevel, secret: config.discordToken });
  return { config: { ...config, discordToken: config.discordToken }, log };
}
