/** File names for added articles: a slug of the headline, whose id no other article file has. */
import { toArticleId } from '../ingest/article-id.ts';

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
 * `<slug>.md`, or `<slug>-2.md`, `-3`…: the first whose id is not `taken` — every id the loader
 * gives in the data directory (shared files and every `guilds/<id>/`), which includes every
 * file's own stem, so the new file keeps its stem as its id and changes no other file's id.
 */
export function chooseFileName(slug: string, taken: ReadonlySet<string>): string {
  let id = slug;
  for (let n = 2; taken.has(id); n++) id = `${slug}-${n}`;
  return `${id}.md`;
}
