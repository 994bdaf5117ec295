import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeArticleFs } from '../../src/ingest/article-fs.ts';
import { watchArticles, type ArticleChanges, type ArticleWatcher, type WatchOptions } from '../../src/ingest/watch-articles.ts';

const article = (title: string) => `${title}\n\nThe council met on Tuesday and approved the plan.\n\nWork starts next year.`;

/** Generous upper bound for a change to be noticed; tests never assert on how fast it is. */
const BOUND_MS = 15_000;

let dir: string;
let watcher: ArticleWatcher | null;
let events: ArticleChanges[];
let waiters: Array<() => void>;

/** Writes a file atomically (a dot-file renamed into place), so no scan sees it half-written. */
function put(name: string, content: string | Uint8Array): void {
  const temp = join(dir, `.tmp-${name}`);
  writeFileSync(temp, content);
  renameSync(temp, join(dir, name));
}

async function start(options: WatchOptions = {}): Promise<void> {
  watcher = watchArticles(
    dir,
    (changes) => {
      events.push(changes);
      for (const wake of waiters.splice(0)) wake();
    },
    { debounceMs: 50, pollMs: 300, ...options },
  );
  await watcher.ready;
}

/** Resolves once the events so far satisfy `check`; rejects after the generous bound. */
function until(check: (all: ArticleChanges[]) => boolean): Promise<ArticleChanges[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching change within ${BOUND_MS} ms: ${JSON.stringify(events)}`)), BOUND_MS);
    const test = () => {
      if (check(events)) {
        clearTimeout(timer);
        resolve(events);
      } else waiters.push(test);
    };
    test();
  });
}

const changedTitles = (all: ArticleChanges[]) => all.flatMap((e) => e.changed.map((a) => a.title));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pilcrow-watch-'));
  watcher = null;
  events = [];
  waiters = [];
});

afterEach(() => {
  watcher?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('watchArticles', () => {
  it.each([
    ['fs.watch and the poll', {}],
    ['fs.watch alone', { pollMs: 0 }],
    ['the poll alone', { startWatch: () => ({ close() {} }) }],
  ] as Array<[string, WatchOptions]>)(
    'GIVEN a directory watched by %s WHEN files are added, edited, broken, fixed and removed THEN each change is reported',
    async (_how, options) => {
      put('kept.txt', article('Kept article stays the same'));
      await start(options);

      put('story.txt', article('First version of the story'));
      await until((all) => changedTitles(all).includes('First version of the story'));
      expect(events.flatMap((e) => e.changed.map((a) => a.id))).not.toContain('kept');
      expect(events.flatMap((e) => e.changed.map((a) => a.id))).toContain('story');

      put('story.txt', article('Second version of the story, a longer headline'));
      await until((all) => changedTitles(all).includes('Second version of the story, a longer headline'));

      put('story.txt', new Uint8Array([0, 1, 2, 3]));
      const broken = await until((all) => all.some((e) => e.skipped.some((s) => s.file === join(dir, 'story.txt'))));
      expect(broken.flatMap((e) => e.skipped)).toContainEqual({ file: join(dir, 'story.txt'), reason: expect.stringMatching(/binary/) });
      expect(broken.flatMap((e) => e.removed)).not.toContain('story');

      put('story.txt', article('Third version of the story after the repair'));
      await until((all) => changedTitles(all).includes('Third version of the story after the repair'));

      unlinkSync(join(dir, 'story.txt'));
      await until((all) => all.some((e) => e.removed.includes('story')));
      expect(events.flatMap((e) => e.removed)).not.toContain('kept');
    },
  );

  it('GIVEN fs.watch is unavailable THEN the mtime/size poll still reports changes', async () => {
    const errors: unknown[] = [];
    await start({
      startWatch: () => {
        throw new Error('fs.watch not supported here');
      },
      onError: (err) => errors.push(err),
    });
    expect(errors).toHaveLength(1);
    put('polled.md', `# Found by polling alone\n\n${article('x').split('\n\n').slice(1).join('\n\n')}`);
    await until((all) => changedTitles(all).includes('Found by polling alone'));
  });

  it('GIVEN the directory disappears THEN the failure is reported once across many polls and a recreated directory is picked up', async () => {
    const errors: unknown[] = [];
    let looks = 0;
    const wakeAll = () => {
      for (const wake of waiters.splice(0)) wake();
    };
    const fs = {
      ...nodeArticleFs,
      stat: async (path: string) => {
        if (path === dir) {
          looks++;
          wakeAll();
        }
        return nodeArticleFs.stat(path);
      },
    };
    await start({
      fs,
      startWatch: () => ({ close() {} }),
      onError: (err) => {
        errors.push(err);
        wakeAll();
      },
    });
    rmSync(dir, { recursive: true, force: true });
    await until(() => errors.length > 0);
    const from = looks;
    await until(() => looks >= from + 3);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/not found/);
    mkdirSync(dir);
    put('back.txt', article('The directory is back again'));
    await until((all) => changedTitles(all).includes('The directory is back again'));
  });

  it('GIVEN a symbolic link and a FIFO appear while watching THEN neither is followed or read, both are reported as skipped with why, and a real article still arrives', async () => {
    await start();
    symlinkSync('/etc/passwd', join(dir, 'passwd.txt'));
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    put('real.txt', article('A real article arrives'));
    const all = await until(
      (events) => changedTitles(events).includes('A real article arrives') && events.flatMap((e) => e.skipped).length >= 2,
    );
    expect(all.flatMap((e) => e.changed.map((a) => a.id))).toEqual(['real']);
    expect(JSON.stringify(all)).not.toContain('root:');
    expect(all.flatMap((e) => e.skipped).map((s) => [s.file.slice(dir.length + 1), s.reason])).toEqual(
      expect.arrayContaining([
        ['passwd.txt', expect.stringMatching(/symbolic link/)],
        ['pipe.md', 'not a regular file: a FIFO (named pipe)'],
      ]),
    );
  });

  it('GIVEN the watcher is closed THEN close can be called twice without error', async () => {
    await start();
    watcher!.close();
    expect(() => watcher!.close()).not.toThrow();
  });
});

describe('watchArticles with HTML pages', () => {
  it('GIVEN an .html page dropped into the watched directory THEN it is reported as an article, and a page with no article as skipped', async () => {
    await start({ pollMs: 300 });
    put('budget.html', readFileSync(new URL('../fixtures/html/city-council-budget.html', import.meta.url)));
    put('sport.html', readFileSync(new URL('../fixtures/html/section-front-no-article.html', import.meta.url)));
    const all = await until((seen) => seen.flatMap((e) => [...e.changed, ...e.skipped]).length >= 2);
    expect(all.flatMap((e) => e.changed.map((a) => [a.id, a.title]))).toEqual([
      ['budget', 'City council approves new budget after six-hour debate'],
    ]);
    expect(all.flatMap((e) => e.skipped)).toEqual([{ file: join(dir, 'sport.html'), reason: expect.stringMatching(/^no article found/) }]);
  });
});

describe('watchArticles with servers’ own folders (guilds/<guild id>/)', () => {
  const GUILD = '123456789012345678';
  const fixture = (name: string) => readFileSync(new URL(`../fixtures/articles/${name}`, import.meta.url));
  /** Writes a file atomically under a server's folder, creating the folder (as the library does on its first add). */
  function putIn(guild: string, name: string, content: string | Uint8Array): void {
    const folder = join(dir, 'guilds', guild);
    mkdirSync(folder, { recursive: true });
    const temp = join(folder, `.tmp-${name}`);
    writeFileSync(temp, content);
    renameSync(temp, join(folder, name));
  }

  it.each([
    ['fs.watch alone', { pollMs: 0 }],
    ['the poll alone', { startWatch: () => ({ close() {} }) }],
  ] as Array<[string, WatchOptions]>)(
    'GIVEN a server folder created while watching (by %s) THEN its article is reported with its scope, its removal too, and its feeds.json is not an article',
    async (_how, options) => {
      put('train.txt', fixture('wikinews-20070223-train.txt'));
      await start(options);
      putIn(GUILD, 'drain.txt', fixture('wikinews-20070306-drain.txt'));
      putIn(GUILD, 'feeds.json', '{"feeds":[]}');
      const added = await until((all) => all.some((e) => e.changed.length > 0));
      expect(added.flatMap((e) => e.changed.map((a) => [a.id, a.scope, a.file]))).toEqual([
        ['drain', GUILD, join(dir, 'guilds', GUILD, 'drain.txt')],
      ]);
      putIn(GUILD, 'train.md', fixture('wikinews-20070223-train.txt'));
      await until((all) => all.flatMap((e) => e.changed).length >= 2);
      expect(events.flatMap((e) => e.changed.map((a) => [a.id, a.scope]))).toEqual([
        ['drain', GUILD],
        ['train-2', GUILD],
      ]);
      unlinkSync(join(dir, 'guilds', GUILD, 'drain.txt'));
      await until((all) => all.some((e) => e.removed.length > 0));
      expect(events.flatMap((e) => e.removed)).toEqual(['drain']);
      expect(events.flatMap((e) => e.skipped)).toEqual([]);
    },
  );

  it('GIVEN a server folder already there WHEN watching starts THEN its articles are the baseline, and a shared file added later with the same name takes the id (shared ids never depend on servers) while the server’s file is numbered after it', async () => {
    putIn(GUILD, 'story.txt', fixture('wikinews-20070306-drain.txt'));
    await start({ pollMs: 300 });
    put('story.txt', fixture('wikinews-20070223-train.txt'));
    const all = await until((seen) => seen.some((e) => e.changed.length > 0 || e.removed.length > 0));
    await watcher!.settled();
    // The shared file takes "story"; the server's file, which had it, is renamed "story-2" (removed as "story").
    expect(all.flatMap((e) => e.changed.map((a) => [a.id, a.scope])).sort()).toEqual([
      ['story', null],
      ['story-2', GUILD],
    ]);
    expect(all.flatMap((e) => e.removed)).toEqual([]);
  });

  it('GIVEN a server folder becomes unreadable THEN the failure is reported once across polls, its articles count as gone, and other changes still arrive', async () => {
    putIn(GUILD, 'drain.txt', fixture('wikinews-20070306-drain.txt'));
    let locked = false;
    const folder = join(dir, 'guilds', GUILD);
    const errors: unknown[] = [];
    await start({
      pollMs: 100,
      startWatch: () => ({ close() {} }),
      fs: {
        ...nodeArticleFs,
        readdir: async (path) => {
          if (locked && path === folder) throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
          return nodeArticleFs.readdir(path);
        },
      },
      onError: (err) => errors.push(err),
    });
    locked = true;
    await until((all) => all.some((e) => e.removed.includes('drain')));
    put('train.txt', fixture('wikinews-20070223-train.txt'));
    await until((all) => all.some((e) => e.changed.some((a) => a.id === 'train')));
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(new RegExp(`EACCES.*server ${GUILD}`));
    locked = false;
    await until((all) => all.filter((e) => e.changed.some((a) => a.id === 'drain')).length > 0);
  });
});
