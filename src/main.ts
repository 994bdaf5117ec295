/**
 * `npm start`: with DISCORD_TOKEN set, runs the bot; without it, answers in the terminal —
 * an interactive prompt when one is attached, else the digest (summary) of every article.
 */
import 'dotenv/config';
import { readConfig } from './config.ts';

async function main(): Promise<number | null> {
  const config = readConfig(process.env);
  if ('error' in config) {
    process.stderr.write(`pilcrow: ${config.error}\n`);
    return 1;
  }
  // Each mode loads only its own code: the terminal does not load discord.js, and a configuration
  // refused above exits before loading either (a start's CPU is mostly loading code).
  if (config.discordToken) return (await import('./bot/bot-main.ts')).runBot(config);
  const [{ renderDigest }, { runPrompt }, { openCorpusStore }, { createLogger }, { prepareWordVectors }] = await Promise.all([
    import('./cli/print-digest.ts'),
    import('./cli/prompt.ts'),
    import('./engine/corpus-store.ts'),
    import('./log.ts'),
    import('./search/vectors/prepare-word-vectors.ts'),
  ]);

  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  // The prompt wants search by meaning: a first conversion runs beside it. The digest printed when
  // run non-interactively needs no word vectors, so nothing is left running after it.
  await prepareWordVectors({
    cacheDir: config.cacheDir,
    convert: interactive ? 'background' : 'never',
    warn: (message) => process.stderr.write(`pilcrow: ${message}\n`),
  });
  // Warnings (skipped files, unusable cache entries) go to standard error as log lines; info only when LOG_LEVEL asks for it.
  const log = createLogger({ level: process.env.LOG_LEVEL ? config.logLevel : 'warn' });
  const store = await openCorpusStore({ dataDir: config.dataDir, cacheDir: config.cacheDir, log });
  if ('error' in store) {
    process.stderr.write(`pilcrow: ${store.error}\n`);
    return 1;
  }
  const corpus = store.current();
  if (interactive) {
    process.stdout.write('No DISCORD_TOKEN set: answering here in the terminal (see README to run on Discord).\n');
    await runPrompt(() => store.current(), { input: process.stdin, output: process.stdout });
  } else {
    process.stdout.write(`${renderDigest(corpus)}\n`);
  }
  store.close();
  return 0;
}

main().then(
  (code) => {
    if (code === null) return; // the bot runs until a signal
    process.exitCode = code;
    // A failed start exits at once: nothing left behind (a timer, a socket) may keep it alive.
    if (code !== 0) process.exit(code);
  },
  (err: unknown) => {
    process.stderr.write(`pilcrow failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(70);
  },
);
