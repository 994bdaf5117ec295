import { DISCORD_LIMITS } from './discord-limits.ts';

/**
 * Button custom ids. They are stateless where they can be, so buttons keep working after
 * a restart:
 * - `cite:<article>:<n>` — show paragraph n of an article in full;
 * - `pg|<command>|<page>|<v1>|<v2>…` — page `page` of a command re-run with its option
 *   values in the order of the command's spec (empty = not given; `|` and `%` escaped);
 * - `pk|<key>|<page>` — the same when the options do not fit in 100 characters: `key`
 *   names options remembered in memory (such buttons go stale after a restart);
 * - `rm:<article>` — confirm removing a server's article (`rmk:<key>` when the id is too long:
 *   remembered in memory; `rm-cancel`: keep it).
 */
export type ParsedCustomId =
  | { kind: 'cite'; article: string; paragraph: number }
  | { kind: 'remove-article'; article: string }
  | { kind: 'remove-article-key'; key: string }
  | { kind: 'remove-cancel' }
  | { kind: 'page'; command: string; page: number; values: Array<string | undefined> }
  | { kind: 'page-key'; key: string; page: number };

/** The custom id of a citation button, or null when the article id makes it too long. */
export function citeButtonId(article: string, paragraph: number): string | null {
  const id = `cite:${article}:${paragraph}`;
  return id.length <= DISCORD_LIMITS.customId ? id : null;
}

/** The custom id of the button confirming the removal of an article, or null when the id makes it too long. */
export function removeArticleButtonId(article: string): string | null {
  const id = `rm:${article}`;
  return id.length <= DISCORD_LIMITS.customId ? id : null;
}

/** The custom id of the removal button for an article remembered under `key` (≤ 80 chars). */
export function removeArticleKeyButtonId(key: string): string {
  return `rmk:${key}`;
}

/** The custom id of the button that keeps the article after all. */
export const REMOVE_CANCEL_ID = 'rm-cancel';

function escapeValue(value: string): string {
  return value.replace(/%/g, '%25').replace(/\|/g, '%7C');
}

function unescapeValue(value: string): string {
  return value.replace(/%7C/g, '|').replace(/%25/g, '%');
}

/**
 * The custom id of a page button carrying the command and its option values, or null when
 * it would exceed Discord's 100 characters (then use pageKeyButtonId).
 */
export function pageButtonId(command: string, values: Array<string | number | undefined>, page: number): string | null {
  const encoded = values.map((v) => (v === undefined ? '' : escapeValue(String(v))));
  while (encoded.length > 0 && encoded[encoded.length - 1] === '') encoded.pop();
  const id = ['pg', command, String(page), ...encoded].join('|');
  return id.length <= DISCORD_LIMITS.customId ? id : null;
}

/** The custom id of a page button whose options are remembered under `key` (≤ 80 chars). */
export function pageKeyButtonId(key: string, page: number): string {
  return `pk|${key}|${page}`;
}

/** Reads a custom id produced by this module; null for anything else (stale or foreign). */
export function parseCustomId(id: string): ParsedCustomId | null {
  const cite = /^cite:(.+):(\d{1,6})$/.exec(id);
  if (cite) {
    const paragraph = Number(cite[2]);
    return paragraph >= 1 ? { kind: 'cite', article: cite[1]!, paragraph } : null;
  }
  if (id === REMOVE_CANCEL_ID) return { kind: 'remove-cancel' };
  const removeKey = /^rmk:(.+)$/.exec(id);
  if (removeKey) return { kind: 'remove-article-key', key: removeKey[1]! };
  const remove = /^rm:(.+)$/.exec(id);
  if (remove) return { kind: 'remove-article', article: remove[1]! };
  const parts = id.split('|');
  if (parts[0] === 'pg' && parts.length >= 3 && /^\d{1,4}$/.test(parts[2]!) && parts[1]) {
    const values = parts.slice(3).map((v) => (v === '' ? undefined : unescapeValue(v)));
    return { kind: 'page', command: parts[1], page: Number(parts[2]), values };
  }
  if (parts[0] === 'pk' && parts.length === 3 && parts[1] && /^\d{1,4}$/.test(parts[2]!)) {
    return { kind: 'page-key', key: parts[1], page: Number(parts[2]) };
  }
  return null;
}
