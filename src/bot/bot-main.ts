import 'dotenv/config';
import { pathToFileURL } from 'node:url';
import { openCorpusStore } from '../engine/corpus-store.ts';
import { prepareWordVectors } from '../search/vectors/prepare-word-vectors.ts';
import { readBotConfig } from './read-bot-config.ts';
import { startBot } from './start-bot.ts';

/**
 * The bot process: reads the configuration, loads and watches the corpus, logs in, and on
 * SIGINT/SIGTERM logs out cleanly. Also the entry each shard runs (src/bot/sharded.ts).
 * Returns the exit code when startup fails; otherwise runs until a signal.
 */
export async function runBot(env: NodeJS.ProcessEnv = process.env): Promise<number | null> {
  const proc = readBotConfig(env, 'pilcrow');
  if (!proc) return 1;
  const { config, log } = proc;
  // Word vectors (meaning-based /related): loaded when converted already, else converted in the background.
  await prepareWordVectors({ cacheDir: config.cacheDir, convert: 'background', warn: (message, err) => log.warn({ err }, message), info: (message) => log.info(message) });
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
