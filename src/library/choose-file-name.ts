/** File names for added articles: a slug of the headline, unique across the whole data directory. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { assignIds, toArticleId } from '../ingest/article-id.ts';
import { isArticleFileName } from '../ingest/read-article-file.ts';
import { GUILD_ID, guildsFolder } from './library-scope.ts';

/** Slugs are cut (at a hyphen) to at most this many characters. */
const MAX_SLUG_CHARS = 60;

/**
 * The slug for an article: the kebab-case of its headline, else of `fallback` (the last part of
 * its URL path, or the uploaded file's name), else "article"; at most 60 characters, cut at a
 * word boundary.
 */
export function slugFor(title: string | null, fallback: string | null): string {
  for (const candidate of [title, fallback]) {
    if (candidate === null) continue;
    // toArticleId reads a file name: slashes in a headline ("Flu/Covid season") are not folders.
    const id = toArticleId(`${candidate.replace(/[\\/]/g, ' ')}.md`);
    if (id !== 'article') return cut(id);
  }
  return 'article';
}

function cut(slug: string): string {
  if (slug.length <= MAX_SLUG_CHARS) return slug;
  const head = slug.slice(0, MAX_SLUG_CHARS + 1);
  const boundary = head.lastIndexOf('-');
  return (boundary > MAX_SLUG_CHARS / 2 ? head.slice(0, boundary) : head.slice(0, MAX_SLUG_CHARS)).replace(/-+$/, '');
}

/** The word after the last slash of a URL's path, without its extension ("…/city-budget.html" → "city-budget"), or null. */
export function urlSlugSource(url: string | null): string | null {
  if (url === null) return null;
  try {
    const segment = new URL(url).pathname
      .split('/')
      .filter((part) => part !== '')
      .pop();
    return segment ? decodeURIComponent(segment).replace(/\.[a-z]{2,5}$/i, '') : null;
  } catch {
    return null;
  }
}

/**
 * `<slug>.md`, or `<slug>-2.md`, `-3`… so that its article id is taken by no article file
 * anywhere in the data directory (the shared folder and every `guilds/<id>/`), whatever ids the
 * loader gives those. `reserved` are ids being written right now.
 */
export async function chooseFileName(dataDir: string, slug: string, reserved: ReadonlySet<string> = new Set()): Promise<string> {
  const taken = new Set(reserved);
  const folders = [dataDir, ...(await listGuildFolders(dataDir))];
  for (const folder of folders) {
    const names = (await readNames(folder)).filter(isArticleFileName).sort();
    for (const name of names) taken.add(toArticleId(name));
    for (const id of assignIds(names).values()) taken.add(id);
  }
  let id = slug;
  for (let n = 2; taken.has(id); n++) id = `${slug}-${n}`;
  return `${id}.md`;
}

async function listGuildFolders(dataDir: string): Promise<string[]> {
  return (await readNames(guildsFolder(dataDir))).filter((name) => GUILD_ID.test(name)).map((name) => join(guildsFolder(dataDir), name));
}

async function readNames(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw err;
  }
}
