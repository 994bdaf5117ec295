import 'dotenv/config';
import { pathToFileURL } from 'node:url';
import { readConfig } from '../config.ts';
import { openCorpusStore } from '../engine/corpus-store.ts';
import { createLogger } from '../log.ts';
import { startBot } from './start-bot.ts';

/**
 * The bot process: reads the configuration, loads and watches the corpus, logs in, and on
 * SIGINT/SIGTERM logs out cleanly. Also the entry each shard runs (src/bot/sharded.ts).
 * Returns the exit code when startup fails; otherwise runs until a signal.
 */
export async function runBot(env: NodeJS.ProcessEnv = process.env): Promise<number | null> {
  const config = readConfig(env);
  if ('error' in config) {
    console.error(`pilcrow: ${config.error}`);
    return 1;
  }
  const log = createLogger({ level: config.logLevel, secret: config.discordToken });
  if (!config.discordToken) {
    log.error('DISCORD_TOKEN is not set; the bot cannot log in (use `npm run ask` for the terminal).');
    return 1;
  }
  const store = await openCorpusStore({ dataDir: config.dataDir, cacheDir: config.cacheDir, watch: true, log });
  if ('error' in store) {
    log.error({ dataDir: config.dataDir }, store.error);
    return 1;
  }
  let bot;
  try {
    bot = await startBot({ config, log, source: store });
  } catch (err) {
    log.error({ err }, 'the bot could not start');
    store.close();
    return 1;
  }
  const shutdown = (signal: string): void => {
    log.info({ signal }, 'shutting down');
    void bot.stop().finally(() => {
      store.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  return null;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await runBot();
  if (code !== null) process.exit(code);
}
