import type { RepliableInteraction } from 'discord.js';
import type { UserError } from '../model/user-error.ts';
import { renderUserError } from '../render/discord/render-user-error.ts';
import type { CommandContext, Outcome } from './command-module.ts';
import type { NewsDesk } from '../news/news-desk-interface.ts';
import { respond } from './respond.ts';

/** How often waitForArticle looks at the corpus, in ms. */
const POLL_MS = 100;

/**
 * The news desk and the server of a news command's handler. The dispatcher checked both before
 * it ran (the command's rules declare `news` and `guildOnly`), so their absence is a bug.
 */
export function newsAndServer(interaction: RepliableInteraction, ctx: CommandContext): { news: NewsDesk; guildId: string } {
  if (!ctx.news || !interaction.guildId)
    throw new Error(`a news command ran without ${ctx.news ? 'a server' : 'a news desk'}: its rules must declare news and guildOnly`);
  return { news: ctx.news, guildId: interaction.guildId };
}

/** Answers a user error privately (a reply, or the edit of a deferral); the outcome to log. */
export async function replyPrivately(interaction: RepliableInteraction, error: UserError<string>): Promise<Outcome> {
  await respond(interaction, { payload: renderUserError(error), ephemeral: true });
  return 'user-error';
}

/**
 * Waits until the corpus the member sees holds article `id` (the file is written, then the
 * watcher rebuilds the corpus), at most `timeoutMs`. True when it is there.
 */
export async function waitForArticle(ctx: Pick<CommandContext, 'corpus' | 'clock'>, id: string, timeoutMs: number): Promise<boolean> {
  const deadline = ctx.clock() + timeoutMs;
  while (!ctx.corpus().byId.has(id)) {
    if (ctx.clock() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return true;
}
