import { createHash } from 'node:crypto';
import { findCommandSpec } from '../answers/command-spec.ts';
import { pageButtonId, pageKeyButtonId, type ParsedCustomId } from '../render/discord/custom-ids.ts';

/** Command options as handlers read them. */
export type CommandOptions = Record<string, string | number | undefined>;

/** A re-runnable question: what a page button stands for. */
export interface PagedQuery {
  command: string;
  options: CommandOptions;
}

/** Queries whose options are too long for a custom id, remembered in memory (bounded). */
export interface PageMemory {
  remember(query: PagedQuery): string;
  recall(key: string): PagedQuery | undefined;
}

/** Remembered queries at most; the oldest is forgotten first. */
const MEMORY_SIZE = 2000;

/** An in-memory PageMemory keyed by a short hash of the query. */
export function createPageMemory(): PageMemory {
  const entries = new Map<string, PagedQuery>();
  return {
    remember(query) {
      const key = createHash('sha256')
        .update(JSON.stringify([query.command, query.options]))
        .digest('base64url')
        .slice(0, 16);
      entries.delete(key);
      entries.set(key, query);
      if (entries.size > MEMORY_SIZE) entries.delete(entries.keys().next().value!);
      return key;
    },
    recall(key) {
      return entries.get(key);
    },
  };
}

/**
 * The page-button id maker for a query: options in the command spec's order inside the id
 * when they fit in 100 characters (stateless), else a remembered key.
 */
export function pageIdsFor(query: PagedQuery, memory: PageMemory): (page: number) => string {
  const spec = findCommandSpec(query.command);
  const values = spec ? spec.options.map((o) => query.options[o.name]) : [];
  let key: string | null = null;
  return (page) => {
    const id = spec ? pageButtonId(query.command, values, page) : null;
    if (id) return id;
    key ??= memory.remember(query);
    return pageKeyButtonId(key, page);
  };
}

/** The query and page a page button stands for; undefined when it is stale or unknown. */
export function queryOfPageButton(parsed: ParsedCustomId, memory: PageMemory): { query: PagedQuery; page: number } | undefined {
  if (parsed.kind === 'page-key') {
    const query = memory.recall(parsed.key);
    return query ? { query, page: parsed.page } : undefined;
  }
  if (parsed.kind !== 'page') return undefined;
  const spec = findCommandSpec(parsed.command);
  if (!spec || parsed.values.length > spec.options.length) return undefined;
  const options: CommandOptions = {};
  spec.options.forEach((option, i) => {
    const raw = parsed.values[i];
    if (raw === undefined) return;
    options[option.name] = option.type === 'integer' ? Number(raw) : raw;
  });
  return { query: { command: spec.name, options }, page: parsed.page };
}
