/** `npm run add -- <url|file> [--data DIR] [--guild ID] [--json]`: one article stored in the library from the terminal. */
import { open } from 'node:fs/promises';
import path from 'node:path';
import { readConfig } from '../config.ts';
import { openArticleLibrary, type AddedArticle, type LibraryOptions } from '../library/article-library.ts';
import { libraryError, type LibraryError } from '../library/library-error.ts';
import { isDiscordId } from '../model/discord-id.ts';
import { MAX_FILE_BYTES } from '../library/read-added-article.ts';
import { isUserError } from '../model/user-error.ts';
import { openDatabase, type Database } from '../store/pg/open-database.ts';
import { pgArticleRecords } from '../store/pg/pg-article-records.ts';
import { createPageFetcher, type FetchPage } from '../web/fetch-page.ts';
import { parseFlags } from './parse-flags.ts';

export const ADD_USAGE = 'Usage: npm run add -- <https://link | file.txt|.md|.html> [--data DIR] [--guild GUILD_ID] [--json]';

/** What the command reads and writes, injectable for tests. */
export interface AddCommandIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Default: the safe fetcher, private addresses allowed only by ALLOW_PRIVATE_URLS=true. */
  fetchPage?: FetchPage;
  clock?: () => number;
}

/**
 * Stores the article of a link or a file and prints `Added <id>: "<title>" (N paragraphs) → <file>`
 * (or `Already there: …` when the story is stored already); `--json` prints
 * `{id, title, paragraphs, file, existed}` or `{error: {code, message}}`. Exit code 0 when stored
 * or already there, 1 when refused, 2 for a usage or configuration error.
 */
export async function runAddCommand(io: AddCommandIo): Promise<number> {
  const config = readConfig(io.env, io.cwd);
  if ('error' in config) {
    io.stderr(`pilcrow: ${config.error}\n`);
    return 2;
  }
  const args = readAddArgs(io.argv);
  if ('error' in args) {
    io.stderr(`${args.error}\n${ADD_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout(`${ADD_USAGE}\n`);
    return 0;
  }
  // With DATABASE_URL a server's articles are recorded in the database (its folder is only a copy, remade at the bot's start).
  let database: Database | null = null;
  if (config.databaseUrl && args.guild !== null) {
    const opened = await openDatabase(config.databaseUrl);
    if ('error' in opened) {
      io.stderr(`pilcrow: ${opened.error}\n`);
      return 2;
    }
    database = opened;
  }
  try {
    return await addAndReport(io, args, {
      dataDir: args.data === null ? config.dataDir : path.resolve(io.cwd, args.data),
      fetchPage: io.fetchPage ?? createPageFetcher({ allowPrivateUrls: config.allowPrivateUrls }),
      ...(io.clock ? { clock: io.clock } : {}),
      ...(database ? { records: pgArticleRecords(database.pool) } : {}),
    });
  } finally {
    await database?.close();
  }
}

async function addAndReport(io: AddCommandIo, args: AddArgs, libraryOptions: LibraryOptions): Promise<number> {
  const library = openArticleLibrary(libraryOptions);
  const options = { scope: args.guild };
  let result: AddedArticle | LibraryError;
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(args.source)) result = await library.addFromUrl(args.source, options);
  else {
    const file = await readLocalFile(path.resolve(io.cwd, args.source));
    result = isUserError(file) ? file : await library.addFromFile({ name: path.basename(args.source), bytes: file }, options);
  }
  if (isUserError(result)) {
    if (args.json) io.stdout(`${JSON.stringify({ error: { code: result.error.code, message: result.error.message } })}\n`);
    else io.stderr(`pilcrow: ${result.error.message}\n`);
    return 1;
  }
  if (args.json) {
    const { id, title, paragraphs, file, existed } = result;
    io.stdout(`${JSON.stringify({ id, title, paragraphs, file, existed })}\n`);
  } else {
    const title = result.title === null ? '(no headline)' : `"${result.title}"`;
    const count = `${result.paragraphs} paragraph${result.paragraphs === 1 ? '' : 's'}`;
    io.stdout(`${result.existed ? 'Already there' : 'Added'} ${result.id}: ${title} (${count}) → ${result.file}\n`);
  }
  return 0;
}

interface AddArgs {
  source: string;
  data: string | null;
  guild: string | null;
  json: boolean;
  help: boolean;
}

function readAddArgs(argv: string[]): AddArgs | { error: string } {
  const parsed = parseFlags(argv, {
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
    data: { type: 'string' },
    guild: { type: 'string' },
  });
  if ('error' in parsed) return parsed;
  const { values, positionals } = parsed;
  if (values.help) return { source: '', data: null, guild: null, json: values.json, help: true };
  if (positionals.length !== 1)
    return { error: positionals.length === 0 ? 'Give one link or file to add.' : 'Give only one link or file at a time.' };
  const guild = values.guild?.trim() ?? null;
  if (guild !== null && !isDiscordId(guild))
    return { error: `--guild needs a Discord server id (15–21 digits), got "${guild.slice(0, 40)}".` };
  return { source: positionals[0]!, data: values.data ?? null, guild, json: values.json, help: false };
}

/** A local file's bytes; refused (not read) when it is not a regular file or over the size limit. */
async function readLocalFile(file: string): Promise<Uint8Array | LibraryError> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return libraryError('bad-file', code === 'ENOENT' ? `No such file: ${file}` : `Cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return libraryError('bad-file', `Not a regular file: ${file}`);
    if (info.size > MAX_FILE_BYTES)
      return libraryError(
        'too-large',
        `${path.basename(file)} is ${(info.size / (1024 * 1024)).toFixed(1)} MB; files up to 5 MB can be added.`,
      );
    return new Uint8Array(await handle.readFile());
  } catch (err) {
    return libraryError('bad-file', `Cannot read ${file}: ${(err as Error).message}`);
  } finally {
    await handle.close();
  }
}
