import { ANNOUNCEMENTS_FILE } from '../store/announcement-outbox.ts';
import { WATCH_SEEN_FILE } from './watch-seen-file.ts';

/**
 * The files one process keeps in CACHE_DIR (processes running different shards share the cache,
 * each announcing its own servers, so each has its own).
 */
export interface ProcessFiles {
  /** The announcement outbox (src/store/announcement-outbox.ts). */
  outbox: string;
  /** The articles its watch alerts knew when it last ran (src/news/watch-seen-file.ts). */
  watchSeen: string;
}

/**
 * The names of a process's files: the plain names (`announcements.json`, `watch-seen.json`) when
 * `shard` is null (not sharded, or running shard 0: the names they always had, so existing state
 * stays valid), else `-shard-<n>` before `.json` for the process whose lowest shard is n.
 */
export function processFiles(shard: number | null): ProcessFiles {
  const named = (file: string): string => (shard === null ? file : file.replace(/\.json$/, `-shard-${shard}.json`));
  return { outbox: named(ANNOUNCEMENTS_FILE), watchSeen: named(WATCH_SEEN_FILE) };
}
