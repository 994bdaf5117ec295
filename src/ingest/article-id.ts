/** Article ids from file names. */
import { basename, extname } from 'node:path';

/** Kebab-case id from a file's base name without extension ("Putin Belarus_2020.txt" → "putin-belarus-2020"). */
export function toArticleId(file: string): string {
  const base = basename(file, extname(file));
  const id = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1-$2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return id === '' ? 'article' : id;
}

/**
 * Assigns unique ids to file names (in the order given, so callers pass them sorted): the
 * first file with a given id keeps it, later ones get "-2", "-3"….
 */
export function assignIds(files: readonly string[]): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const file of files) {
    const base = toArticleId(file);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    ids.set(file, id);
  }
  return ids;
}
