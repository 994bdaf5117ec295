/** The bookkeeping the library keeps in a stored article's front matter (`pilcrow:` block). */
import { loadYaml } from '../ingest/load-parsers.ts';

/** What the `pilcrow:` block of a file says; null for anything it does not say or says in the wrong shape. */
export interface PilcrowFields {
  hash: string | null;
  sourceUrl: string | null;
  feedItem: string | null;
  feed: string | null;
}

const FENCE = /^---\s*$/;
/** The front matter is looked for in this many leading characters. */
const MAX_FRONT_MATTER_CHARS = 64 * 1024;

/**
 * Reads the `pilcrow:` block from the YAML front matter at the top of `text`. Never throws:
 * a file without front matter, with invalid YAML or without the block gives all nulls (the
 * loader is the one that reports a malformed file).
 */
export function readPilcrowFields(text: string): PilcrowFields {
  const empty: PilcrowFields = { hash: null, sourceUrl: null, feedItem: null, feed: null };
  const lines = text
    .replace(/^\uFEFF/, '')
    .slice(0, MAX_FRONT_MATTER_CHARS)
    .split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) return empty;
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close < 0) return empty;
  let data: unknown;
  try {
    data = loadYaml().parse(lines.slice(1, close).join('\n'), { maxAliasCount: 50, uniqueKeys: true });
  } catch {
    return empty;
  }
  const block = isRecord(data) ? data['pilcrow'] : null;
  if (!isRecord(block)) return empty;
  return {
    hash: readText(block['hash']),
    sourceUrl: readText(block['source_url']),
    feedItem: readText(block['feed_item']),
    feed: readText(block['feed']),
  };
}

function readText(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
