import {
  DiscordAPIError,
  RESTJSONErrorCodes,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  type RepliableInteraction,
} from 'discord.js';
import type { Logger } from 'pino';
import { prepareAnswers } from '../answers/run-command.ts';
import { scopeCorpus, warmScope } from '../engine/scope-corpus.ts';
import type { Corpus } from '../model/corpus.ts';
import { textPayload } from '../render/discord/discord-payload.ts';
import { userError } from '../model/user-error.ts';
import { renderUserError } from '../render/discord/render-user-error.ts';
import type { CommandContext, CommandModule, Outcome, SubcommandHandler } from './command-module.ts';
import { memoiseAnswers } from './answer-memo.ts';
import { checkCommandRules, subcommandOf } from './check-command-rules.ts';
import { handleButton } from './handle-button.ts';
import { respond } from './respond.ts';

/** Said when a handler throws; the details go to the log with the interaction id. */
export const APOLOGY_TEXT = 'Sorry, something went wrong while answering. It has been logged; please try again.';

/** What the dispatcher needs: the commands by name, the shared context, the root logger. */
export interface DispatcherOptions {
  commands: ReadonlyMap<string, CommandModule>;
  /** `corpus()` gives the whole live corpus: each handler gets the view of its interaction's server (scopeCorpus). */
  context: Omit<CommandContext, 'log'>;
  log: Logger;
  /**
   * Prepares a server's view when first used, after the interaction that asked for it: its
   * searches (warmScope) and what answers look up per corpus (prepareAnswers). Default that.
   */
  prepare?: (corpus: Corpus) => Promise<void>;
  /** Told of every interaction handled (metrics): its command or button kind (`unknown` for what no handler knows), outcome and latency. */
  observe?: (event: { command: string; outcome: string; latencyMs: number }) => void;
}

/** The default DispatcherOptions.prepare: on a later turn of the event loop, the view's searches, then its answers in slices. */
async function prepareView(view: Corpus): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  warmScope(view);
  await prepareAnswers(view);
}

/** Longest option value written to the log. */
const LOGGED_VALUE = 100;
/** Option names never logged. */
const SECRET_OPTION = /token|secret|password/i;

function loggedOptions(interaction: Interaction): Record<string, unknown> | undefined {
  if (!interaction.isChatInputCommand() && !interaction.isAutocomplete()) return undefined;
  const out: Record<string, unknown> = {};
  const add = (options: readonly CommandInteractionOption[]): void => {
    for (const option of options) {
      if (SECRET_OPTION.test(option.name)) continue;
      // A subcommand (/article add url:…): its name, then its own options.
      if (option.options) {
        out.subcommand = option.name;
        add(option.options);
        continue;
      }
      out[option.name] = typeof option.value === 'string' ? option.value.slice(0, LOGGED_VALUE) : option.value;
    }
  };
  add(interaction.options.data);
  return out;
}

function commandOf(interaction: Interaction): string {
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) return interaction.commandName;
  if (interaction.isButton()) return `button:${interaction.customId.split(/[:|]/)[0] ?? ''}`;
  return `type:${interaction.type}`;
}

async function apologise(interaction: RepliableInteraction): Promise<void> {
  await respond(interaction, { payload: textPayload(APOLOGY_TEXT), ephemeral: true });
}

/**
 * The one interaction handler: routes slash commands, autocomplete and buttons to their
 * handlers, each with the corpus its server sees (scopeCorpus: shared articles and the server's
 * own; a citation or page of another server's article is then unknown, as a removed one); logs one line per interaction (command, options, latency, outcome); catches any
 * thrown error once, logs it with the interaction id and apologises privately, so the bot
 * keeps serving. Never rejects.
 */
export function createDispatcher(options: DispatcherOptions): (interaction: Interaction) => Promise<void> {
  const context = { ...options.context, run: memoiseAnswers(options.context.run) };
  const prepare = options.prepare ?? prepareView;
  const prepared = new WeakSet<Corpus>();
  /**
   * What a member of `guildId` sees (DMs: the shared articles alone): the view of the live corpus
   * for that server, the same object while the corpus stays (so answers are remembered per view).
   */
  const corpusFor = (guildId: string | null): Corpus => {
    const live = options.context.corpus();
    const view = scopeCorpus(live, guildId);
    if (view !== live && !prepared.has(view)) {
      prepared.add(view);
      void prepare(view).catch((err: unknown) => options.log.error({ err, guildId }, 'could not prepare the answers of a server'));
    }
    return view;
  };
  return async (interaction) => {
    const started = options.context.clock();
    const command = commandOf(interaction);
    const log = options.log.child({ command, interactionId: interaction.id, guildId: interaction.guildId });
    const guildId = interaction.guildId ?? null;
    const ctx: CommandContext = { ...context, log, corpus: () => corpusFor(guildId) };
    /** The interaction's one log line, and what observers are told. */
    const finish = (outcome: Outcome | 'error' | 'expired'): void => {
      logInteraction(interaction, log, { started, outcome, clock: options.context.clock });
      options.observe?.({ command: outcome === 'unknown' ? 'unknown' : command, outcome, latencyMs: options.context.clock() - started });
    };
    let outcome: Outcome | 'error';
    try {
      outcome = (await route(interaction, ctx, options.commands)) ?? 'answered';
    } catch (err) {
      if (isExpired(err)) {
        // Discord no longer accepts any response (its 3 s window passed): an apology would fail too.
        const ageMs = Number.isFinite(interaction.createdTimestamp) ? options.context.clock() - interaction.createdTimestamp : undefined;
        log.warn({ interactionId: interaction.id, ageMs }, 'interaction expired before it was answered (the bot is overloaded)');
        finish('expired');
        return;
      }
      outcome = 'error';
      log.error({ err, interactionId: interaction.id }, 'interaction handler failed');
      try {
        if (interaction.isAutocomplete()) {
          if (!interaction.responded) await interaction.respond([]);
        } else if (interaction.isRepliable()) {
          await apologise(interaction);
        }
      } catch (replyErr) {
        log.error({ err: replyErr, interactionId: interaction.id }, 'could not send the apology');
      }
    }
    finish(outcome);
  };
}

/** The one log line of an interaction: command, options, latency, outcome (autocomplete at debug level). */
function logInteraction(interaction: Interaction, log: Logger, at: { started: number; outcome: string; clock: () => number }): void {
  const line = {
    kind: interaction.type,
    options: loggedOptions(interaction),
    userId: interaction.user.id,
    latencyMs: at.clock() - at.started,
    outcome: at.outcome,
  };
  if (interaction.isAutocomplete()) log.debug(line, 'interaction');
  else log.info(line, 'interaction');
}

/** Discord's answer to a response after its window: the interaction is unknown (10062). */
function isExpired(err: unknown): boolean {
  return err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.UnknownInteraction;
}

/** Runs the subcommand the member used from the command's table; any other (a stale client) is told the ones there are. */
async function runSubcommand(
  interaction: ChatInputCommandInteraction,
  name: string,
  subcommands: Readonly<Record<string, SubcommandHandler>>,
  ctx: CommandContext,
): Promise<Outcome> {
  const used = subcommandOf(interaction);
  const handler = used !== null && Object.hasOwn(subcommands, used) ? subcommands[used] : undefined;
  if (handler) return handler(interaction, ctx);
  const names = Object.keys(subcommands).map((s) => `/${name} ${s}`);
  const choices = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? `/${name}`);
  return answerPrivately(interaction, `Use ${choices}.`);
}

/** Tells the member privately why a command cannot be run as asked (a user error, not a refusal). */
async function answerPrivately(interaction: ChatInputCommandInteraction, message: string): Promise<Outcome> {
  await respond(interaction, { payload: renderUserError(userError('bad-option', message)), ephemeral: true });
  return 'user-error';
}

async function route(interaction: Interaction, ctx: CommandContext, commands: ReadonlyMap<string, CommandModule>): Promise<Outcome | void> {
  if (interaction.isChatInputCommand()) {
    const command = commands.get(interaction.commandName);
    if (!command) {
      await respond(interaction, {
        payload: textPayload(`I don't know /${interaction.commandName.slice(0, 32)} (any more). Try /summary, /quote, /who or /related.`),
        ephemeral: true,
      });
      return 'unknown';
    }
    const verdict = await checkCommandRules(interaction, command, ctx);
    if ('refused' in verdict) return verdict.refused;
    const checked = verdict.postTo ? { ...ctx, postTo: verdict.postTo } : ctx;
    if (command.rules?.news !== undefined && !ctx.news) {
      return answerPrivately(interaction, `${command.rules.news} is not set up on this bot.`);
    }
    if (!command.subcommands) return command.execute(interaction, checked);
    return runSubcommand(interaction, command.data.name, command.subcommands, checked);
  }
  if (interaction.isAutocomplete()) {
    const command = commands.get(interaction.commandName);
    if (!command?.autocomplete) {
      await interaction.respond([]);
      return 'unknown';
    }
    return command.autocomplete(interaction, ctx);
  }
  if (interaction.isButton()) return handleButton(interaction, ctx);
  if (interaction.isRepliable()) {
    await respond(interaction, { payload: textPayload(`That is not something I can handle.`), ephemeral: true });
  }
  return 'unknown';
}
