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
 * first file with a given id keeps it, later ones get "-2", "-3"…. Ids in `taken` (which is
 * updated) are avoided as well.
 */
export function assignIds(files: readonly string[], taken: Set<string> = new Set()): Map<string, string> {
  const ids = new Map<string, string>();
  for (const file of files) {
    const base = toArticleId(file);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    ids.set(file, id);
  }
  return ids;
}

/** An article file and whose it is: `scope` null for a shared file, else the guild id of its folder. */
export interface ScopedFileName {
  /** Unique key of the file (its path relative to the data directory). */
  name: string;
  scope: string | null;
}

/**
 * Ids for the files of the whole data directory, unique across it. Shared files are numbered
 * among themselves first, exactly as {@link assignIds} does, so their ids never depend on what
 * servers add; then each server's files (servers in the order given, files in name order) get
 * ids from their file names, with "-2", "-3"… on a clash with any id already given.
 */
export function assignScopedIds(files: readonly ScopedFileName[]): Map<string, string> {
  const taken = new Set<string>();
  const ids = assignIds(
    files.filter((f) => f.scope === null).map((f) => f.name),
    taken,
  );
  const byScope = new Map<string, string[]>();
  for (const f of files) {
    if (f.scope === null) continue;
    const names = byScope.get(f.scope);
    if (names) names.push(f.name);
    else byScope.set(f.scope, [f.name]);
  }
  for (const names of byScope.values()) for (const [name, id] of assignIds(names, taken)) ids.set(name, id);
  return ids;
}
