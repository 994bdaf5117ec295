/** Watching the data directory for added, changed and removed article files. */
import { watch as nodeWatch } from 'node:fs';
import type { Article, SkippedFile } from '../model/article.ts';
import { assignScopedIds } from './article-id.ts';
import { nodeArticleFs, type ArticleFs } from './article-fs.ts';
import { listAllArticleFiles } from './load-articles.ts';
import { DEFAULT_MAX_BYTES, readArticleFile } from './read-article-file.ts';

/** What changed in the data directory since the last report. */
export interface ArticleChanges {
  /** Articles added or changed (parsed successfully), by their current id. */
  changed: Article[];
  /** Ids of articles whose files were removed (or renamed away). */
  removed: string[];
  /** Files added or changed that could not be parsed: the caller keeps the previous good version. */
  skipped: SkippedFile[];
}

/** Starts watching a directory for changes; returns a handle with `close()`. Injectable for tests. */
export type StartWatch = (dir: string, onEvent: () => void, onError: (err: unknown) => void) => { close(): void };

/** Options for {@link watchArticles}. */
export interface WatchOptions {
  /** File-system access. Default node:fs/promises. */
  fs?: ArticleFs;
  /** Quiet time after the last file-system event before rescanning, in ms. Default 250. */
  debounceMs?: number;
  /** Fallback poll interval comparing mtime/size, in ms; 0 disables polling. Default 2000. */
  pollMs?: number;
  /** Files larger than this many bytes are skipped. Default 5 MB. */
  maxBytes?: number;
  /**
   * Change-notification source, started for the data directory and for `guilds/` and each
   * server's folder as they appear. Default node:fs.watch; polling alone when it fails on the data directory.
   */
  startWatch?: StartWatch;
  /** Called when a rescan or the watcher itself fails (the watcher keeps running); a repeated identical failure is reported once. Default: ignore. */
  onError?: (err: unknown) => void;
}

/** A running watcher. */
export interface ArticleWatcher {
  /** Resolves once the initial snapshot of the directory is taken; changes after it are reported. */
  ready: Promise<void>;
  /** Resolves once a scan started after this call has ended (its changes reported): what tests wait on instead of a fixed time. */
  settled(): Promise<void>;
  /** Stops watching and polling; no callback is made afterwards. */
  close(): void;
}

interface Seen {
  id: string;
  mtimeMs: number;
  size: number;
}

const defaultStartWatch: StartWatch = (dir, onEvent, onError) => {
  const watcher = nodeWatch(dir, { persistent: false }, () => onEvent());
  watcher.on('error', onError);
  return watcher;
};

/**
 * Watches `dir` and its server folders `guilds/<guild id>/` (fs.watch with a debounce on the
 * data directory, `guilds/` and each server's folder — one created while running is watched from
 * the scan that finds it —, plus a poll on mtime/size as a fallback) and calls `onChange` with
 * the articles added/changed (a server's with its `scope`), the ids removed and the files that no
 * longer parse. Ids are assigned as loadArticles does. The state when watching starts is the
 * baseline and is not reported. Scans never overlap; a callback is only made when something changed.
 */
export function watchArticles(dir: string, onChange: (changes: ArticleChanges) => void, options: WatchOptions = {}): ArticleWatcher {
  const fs = options.fs ?? nodeArticleFs;
  const debounceMs = options.debounceMs ?? 250;
  const pollMs = options.pollMs ?? 2000;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const reportError = options.onError ?? (() => {});
  let lastError: string | null = null;
  // The same failure (say, the directory was deleted) is reported once, not on every poll.
  const onError = (err: unknown): void => {
    const message = err instanceof Error ? err.message : String(err);
    if (message === lastError) return;
    lastError = message;
    reportError(err);
  };
  let seen = new Map<string, Seen>();
  let closed = false;
  let scanning: Promise<void> | null = null;
  let rescan = false;
  let debounce: ReturnType<typeof setTimeout> | undefined;

  const scan = async (report: boolean): Promise<void> => {
    const listed = await listAllArticleFiles(fs, dir);
    if ('error' in listed) throw new Error(listed.error);
    watchFolders(listed.folders);
    const ids = assignScopedIds(listed.files);
    const next = new Map<string, Seen>();
    const changes: ArticleChanges = { changed: [], removed: [], skipped: [] };
    for (const { name, path, scope } of listed.files) {
      const id = ids.get(name)!;
      const before = seen.get(name);
      let info;
      try {
        info = await fs.lstat(path); // a symbolic link is seen as itself (and skipped), never followed
      } catch {
        continue; // gone between listing and stat: reported as removed if it was known
      }
      next.set(name, { id, mtimeMs: info.mtimeMs, size: info.size });
      if (before && before.mtimeMs === info.mtimeMs && before.size === info.size && before.id === id) continue;
      if (!report) continue;
      if (before && before.id !== id) changes.removed.push(before.id);
      const result = await readArticleFile(fs, path, id, maxBytes);
      if ('article' in result) changes.changed.push({ ...result.article, scope });
      else changes.skipped.push(result.skipped);
    }
    for (const [name, before] of seen) if (!next.has(name)) changes.removed.push(before.id);
    seen = next;
    // A server folder that cannot be read counts as empty (as when loading); said once.
    const unreadable = listed.unreadable[0];
    if (unreadable) onError(new Error(`${unreadable.reason} (the articles of server ${unreadable.scope} are left out)`));
    else lastError = null;
    const newIds = new Set([...next.values()].map((entry) => entry.id));
    changes.removed = [...new Set(changes.removed)].filter((id) => !newIds.has(id));
    if (report && !closed && (changes.changed.length > 0 || changes.removed.length > 0 || changes.skipped.length > 0)) {
      onChange(changes);
    }
  };

  const runScan = (): void => {
    if (closed) return;
    if (scanning) {
      rescan = true;
      return;
    }
    scanning = scan(true).catch(onError).finally(afterScan);
  };

  const afterScan = (): void => {
    scanning = null;
    if (rescan) {
      rescan = false;
      runScan();
    }
  };

  const schedule = (): void => {
    if (closed) return;
    clearTimeout(debounce);
    debounce = setTimeout(runScan, debounceMs);
  };

  const startWatch = options.startWatch ?? defaultStartWatch;
  /** Watchers of `guilds/` and the server folders, by path. */
  const folderWatchers = new Map<string, { close(): void }>();
  let watcher: { close(): void } | null = null;
  let rootWatched = false;

  /** Watches the folders a scan found and stops watching those that are gone; a folder newly watched is scanned again (a file may have arrived before its watcher). */
  function watchFolders(folders: readonly string[]): void {
    if (closed || !rootWatched) return; // fs.watch does not work here: polling alone
    const wanted = new Set(folders);
    for (const [folder, w] of folderWatchers) {
      if (wanted.has(folder)) continue;
      w.close();
      folderWatchers.delete(folder);
    }
    let added = false;
    for (const folder of wanted) {
      if (folderWatchers.has(folder)) continue;
      try {
        const w = startWatch(folder, schedule, (err) => {
          onError(err);
          folderWatchers.get(folder)?.close();
          folderWatchers.delete(folder);
        });
        folderWatchers.set(folder, w);
        added = true;
      } catch (err) {
        onError(err);
      }
    }
    if (added) schedule();
  }

  const ready = scan(false).catch(onError);
  scanning = ready.finally(afterScan);
  try {
    watcher = startWatch(dir, schedule, (err) => {
      onError(err);
      watcher?.close();
      watcher = null;
    });
    rootWatched = true;
  } catch (err) {
    onError(err);
  }
  const poll = pollMs > 0 ? setInterval(runScan, pollMs) : undefined;

  return {
    ready,
    async settled() {
      runScan();
      while (scanning) await scanning;
    },
    close() {
      closed = true;
      clearTimeout(debounce);
      clearInterval(poll);
      watcher?.close();
      watcher = null;
      for (const w of folderWatchers.values()) w.close();
      folderWatchers.clear();
    },
  };
}
