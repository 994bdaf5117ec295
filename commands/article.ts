import { MessageFlags, SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { MANAGE_SERVER, type CommandContext, type CommandRules, type Outcome, type SubcommandHandler } from '../src/bot/command-module.ts';
import { newsAndServer, replyPrivately, waitForArticle } from '../src/bot/news-replies.ts';
import { readAttachment, checkAttachment, type AttachmentInfo } from '../src/bot/read-attachment.ts';
import { isUserError, userError } from '../src/model/user-error.ts';
import { removeArticleButtonId, removeArticleKeyButtonId, REMOVE_CANCEL_ID } from '../src/render/discord/custom-ids.ts';
import { renderArticleAdded, renderArticleList, renderIdChoices, renderRemoveQuestion } from '../src/render/discord/render-library.ts';
import { renderUserError } from '../src/render/discord/render-user-error.ts';

/** How long /article add waits for the new article to be in the corpus before answering, in ms. */
const READY_WAIT_MS = 5000;

/** /article add | list | remove: a server's own articles (visible only in that server). */
export const data = new SlashCommandBuilder()
  .setName('article')
  .setDescription("This server's own articles: add one from a link or a file, list them, remove one")
  .addSubcommand((s) =>
    s
      .setName('add')
      .setDescription('Add an article from a link or a .txt, .md or .html file (Manage Server)')
      .addStringOption((o) => o.setName('url').setDescription('An https link to the article').setMaxLength(2000).setRequired(false))
      .addAttachmentOption((o) => o.setName('file').setDescription('A .txt, .md or .html file of at most 5 MB').setRequired(false)),
  )
  .addSubcommand((s) =>
    s
      .setName('list')
      .setDescription("This server's articles, newest first, with their ids")
      .addIntegerOption((o) =>
        o.setName('page').setDescription('Page to show (10 per page)').setMinValue(1).setMaxValue(1000).setRequired(false),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('remove')
      .setDescription("Remove one of this server's articles (Manage Server)")
      .addStringOption((o) =>
        o.setName('article').setDescription('The article to remove').setAutocomplete(true).setMaxLength(200).setRequired(true),
      ),
  );

/** Adding and removing need Manage Server; listing is for everyone in the server. */
export const rules: CommandRules = {
  cooldown: 2,
  guildOnly: true,
  manage: {
    memberPermissions: MANAGE_SERVER,
    subcommands: ['add', 'remove'],
    purposes: { add: 'add articles', remove: 'remove articles' },
  },
  news: 'Adding articles',
};

/** The attachment option as the checks read it. */
function attachmentInfo(interaction: ChatInputCommandInteraction): AttachmentInfo | null {
  const file = interaction.options.getAttachment('file');
  return file ? { name: file.name ?? '', size: file.size, url: file.url, contentType: file.contentType ?? null } : null;
}

/** /article add: exactly one of url: and file:; the file is checked before it is downloaded. */
async function add(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<Outcome> {
  const { news, guildId } = newsAndServer(interaction, ctx);
  const url = interaction.options.getString('url')?.trim() || null;
  const file = attachmentInfo(interaction);
  if ((url === null) === (file === null)) {
    const message = url ? 'Give either url: or file:, not both.' : 'Give a link with url: or attach a .txt, .md or .html file with file:.';
    return replyPrivately(interaction, userError('bad-option', message));
  }
  if (file) {
    const refused = checkAttachment(file);
    if (refused) return replyPrivately(interaction, refused);
  }
  // Fetching and extracting may take up to 10 s: say "thinking…" privately first.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  let added;
  if (url) {
    added = await news.library.addFromUrl(url, { scope: guildId });
  } else {
    const read = await readAttachment(file!, news.fetchPage);
    added = isUserError(read) ? read : await news.library.addFromFile(read, { scope: guildId });
  }
  if (isUserError(added)) {
    await interaction.editReply(renderUserError(added));
    return 'user-error';
  }
  ctx.log.info(
    { articleId: added.id, existed: added.existed, paragraphs: added.paragraphs },
    added.existed ? 'article already there' : 'article added',
  );
  // Members can ask about it as soon as the answer says so.
  const ready = await waitForArticle(ctx, added.id, READY_WAIT_MS);
  await interaction.editReply(renderArticleAdded(added, ready));
  return 'answered';
}

/** /article list [page]: newest first, with ids. */
async function list(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<Outcome> {
  const { news, guildId } = newsAndServer(interaction, ctx);
  const entries = await news.library.list(guildId);
  await interaction.reply({ ...renderArticleList(entries, interaction.options.getInteger('page') ?? 1), flags: MessageFlags.Ephemeral });
  return 'answered';
}

/** /article remove article: asks to confirm with a button (the removal happens in src/bot/remove-article.ts). */
async function remove(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<Outcome> {
  const { news, guildId } = newsAndServer(interaction, ctx);
  const wanted = interaction.options.getString('article')?.trim() ?? '';
  const entries = await news.library.list(guildId);
  const lower = wanted.toLowerCase();
  const entry = entries.find((e) => e.id === wanted) ?? entries.find((e) => e.title?.trim().toLowerCase() === lower);
  if (!entry) {
    const message =
      entries.length === 0
        ? 'This server has added no articles, so there is nothing to remove. (Articles in the data folder itself are shared and removed on the host.)'
        : `"${wanted.slice(0, 100)}" is not one of this server's own articles; pick one from the list as you type, or see /article list.`;
    return replyPrivately(interaction, userError('unknown-article', message));
  }
  const confirmId =
    removeArticleButtonId(entry.id) ??
    removeArticleKeyButtonId(ctx.pages.remember({ command: 'article-remove', options: { article: entry.id } }));
  await interaction.reply({ ...renderRemoveQuestion(entry, confirmId, REMOVE_CANCEL_ID), flags: MessageFlags.Ephemeral });
  return 'answered';
}

/** The handler of each subcommand (the dispatcher runs the one used). */
export const subcommands: Readonly<Record<string, SubcommandHandler>> = { add, list, remove };

/** Suggests this server's own articles (by headline or id) for /article remove. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<Outcome> {
  const news = ctx.news;
  const focused = interaction.options.getFocused(true);
  if (!news || focused.name !== 'article' || !interaction.guildId) {
    await interaction.respond([]);
    return 'completed';
  }
  const partial = String(focused.value ?? '')
    .trim()
    .toLowerCase();
  const entries = await news.library.list(interaction.guildId);
  const matching = entries.filter((e) => partial === '' || e.id.includes(partial) || (e.title ?? '').toLowerCase().includes(partial));
  await interaction.respond(renderIdChoices(matching.map((e) => ({ name: e.title?.trim() || e.id, value: e.id }))));
  return 'completed';
}
