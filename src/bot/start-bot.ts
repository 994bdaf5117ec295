import path from 'node:path';
import { Events, type Client } from 'discord.js';
import type { Logger } from 'pino';
import { completeOption } from '../answers/autocomplete.ts';
import { prepareAnswers, runCommand } from '../answers/run-command.ts';
import { createClient } from './client.ts';
import { BOT_DEFAULTS, type BotSettings, type CommandModule, type CompleteOption, type RunCommand } from './command-module.ts';
import { createCooldowns } from './cooldowns.ts';
import { DIGEST_STATE_FILE, startDigest, type CorpusSource, type Digest } from './digest.ts';
import { createDispatcher } from './dispatcher.ts';
import { loadCommands } from './load-commands.ts';
import { createPageMemory } from './page-ids.ts';

/** What the bot needs to run; everything with I/O is passed in. */
export interface StartBotOptions {
  config: {
    discordToken: string | null;
    discordApiUrl: string | null;
    digestChannelId: string | null;
    cacheDir: string;
  };
  log: Logger;
  /** The live corpus (a CorpusStore). */
  source: CorpusSource;
  /** Command modules by name; default: every module in commands/. */
  commands?: ReadonlyMap<string, CommandModule>;
  /** Answer functions; default the engine's runCommand and completeOption. */
  run?: RunCommand;
  complete?: CompleteOption;
  /** Milliseconds since the epoch; default Date.now. */
  clock?: () => number;
  settings?: Partial<BotSettings>;
  /** How long to wait for the gateway to be ready, in ms; default 60 000. */
  readyTimeoutMs?: number;
}

/** A logged-in bot. */
export interface RunningBot {
  client: Client;
  /** The digest, when DIGEST_CHANNEL_ID is set. */
  digest: Digest | null;
  /** Logs out and closes the gateway connection; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Logs the bot in and wires everything: the one interaction dispatcher, gateway health
 * logging (discord.js reconnects and resumes by itself after a dropped connection), and the
 * digest channel. Resolves once the client is ready.
 */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config, log } = options;
  if (!config.discordToken) throw new Error('startBot needs DISCORD_TOKEN');
  const clock = options.clock ?? Date.now;
  const run = options.run ?? runCommand;
  const commands = options.commands ?? (await loadCommands());
  const client = createClient(config);
  const dispatch = createDispatcher({
    commands,
    log,
    context: {
      corpus: () => options.source.current(),
      run,
      complete: options.complete ?? completeOption,
      clock,
      cooldowns: createCooldowns(clock),
      pages: createPageMemory(),
      settings: { ...BOT_DEFAULTS, ...options.settings },
    },
  });
  // What answers look up per corpus is built in the background now and after every swap, not by a member's command.
  void prepareAnswers(options.source.current());
  options.source.onChange((corpus) => void prepareAnswers(corpus));
  client.on(Events.InteractionCreate, (interaction) => void dispatch(interaction));
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shardId) => log.warn({ shardId, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shardId) => log.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, 'gateway resumed'));
  client.on(Events.ShardError, (err, shardId) => log.error({ err, shardId }, 'gateway error'));

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Discord gateway not ready in time')), options.readyTimeoutMs ?? 60_000);
    client.once(Events.ClientReady, () => {
      clearTimeout(timer);
      resolve();
    });
  });
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await client.destroy();
    log.info('bot stopped');
  };
  try {
    await client.login(config.discordToken);
    await ready;
  } catch (err) {
    await stop();
    throw err;
  }
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size, commands: [...commands.keys()] }, 'bot ready');

  let digest: Digest | null = null;
  // Under sharding only shard 0 announces, so each article is posted once.
  if (config.digestChannelId && (!client.shard || client.shard.ids.includes(0))) {
    digest = await startDigest({
      client,
      source: options.source,
      channelId: config.digestChannelId,
      stateFile: path.join(config.cacheDir, DIGEST_STATE_FILE),
      run,
      log: log.child({ component: 'digest' }),
    });
  }
  return { client, digest, stop };
}
