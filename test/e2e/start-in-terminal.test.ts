/**
 * `npm start` without a token, as a real process (non-interactive: it prints the digest of every
 * article), against data and cache directories a careless admin or a killed process could leave:
 * links and special files among the articles, poisoned caches, half-written temp files, an
 * article of several megabytes and one over the limit.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { generateArticleText } from '../../bench/generate-article.ts';
import { REPO_ROOT as root, spawnEntry } from '../support/spawn-entry.ts';
import { copyWarmCache } from '../support/warm-cache.ts';

const BUNDLED = path.join(root, 'data', 'putin-belarus-transition.txt');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** JSON log lines on standard error. */
  logs: Array<{ level: number; msg: string; [key: string]: unknown }>;
}

/** `npm start` (src/main.ts; test/support/spawn-entry.ts) without a token, stdin not a terminal; resolves when it exits. */
function startInTerminal(env: Record<string, string>, timeoutMs = 60_000, fromSource = false): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawnEntry('src/main.ts', [], { env, stdio: ['ignore', 'pipe', 'pipe'], fromSource });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += String(d)));
    child.stderr!.on('data', (d) => (stderr += String(d)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`npm start did not exit within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const logs = stderr.split('\n').flatMap((line) => {
        try {
          return [JSON.parse(line)];
        } catch {
          return [];
        }
      });
      resolve({ code, stdout, stderr, logs });
    });
  });
}

let temp: string;
/**
 * A data folder holding the bundled article, and a cache: empty, or (`warm`) already holding the
 * article's analysis (test/support/warm-cache.ts), for a test about something else than a first
 * analysis — the start then analyses nothing.
 */
async function dirs(cache: 'empty' | 'warm'): Promise<{ dataDir: string; cacheDir: string }> {
  temp = await mkdtemp(path.join(tmpdir(), 'pilcrow-terminal-'));
  const dataDir = path.join(temp, 'data');
  const cacheDir = path.join(temp, 'cache');
  await mkdir(dataDir);
  await copyFile(BUNDLED, path.join(dataDir, 'putin-belarus-transition.txt'));
  if (cache === 'warm') await copyWarmCache(cacheDir);
  return { dataDir, cacheDir };
}
afterEach(async () => {
  if (temp) await rm(temp, { recursive: true, force: true });
});

describe('npm start in a terminal: files are what they seem', () => {
  it('GIVEN data/passwd.txt linking to /etc/passwd, a link to a device and a FIFO THEN none is read, the load does not hang, and the log names each with why', async () => {
    const { dataDir, cacheDir } = await dirs('warm');
    await symlink('/etc/passwd', path.join(dataDir, 'passwd.txt'));
    await symlink('/dev/zero', path.join(dataDir, 'zero.md'));
    execFileSync('mkfifo', [path.join(dataDir, 'pipe.txt')]);
    // From source through the tsx command, as in development (the other tests start the build, as npm start does).
    const run = await startInTerminal({ DATA_DIR: dataDir, CACHE_DIR: cacheDir }, 60_000, true);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Summary of: Putin delays the transition in Belarus to pilot it');
    expect(run.stdout + run.stderr).not.toMatch(/root:x?:0/);
    const skipped = run.logs.filter((l) => l.msg === 'skipped an article file').map((l) => [path.basename(String(l.file)), l.reason]);
    expect(skipped).toEqual(
      expect.arrayContaining([
        ['passwd.txt', expect.stringMatching(/symbolic link/)],
        ['zero.md', expect.stringMatching(/symbolic link/)],
        ['pipe.txt', 'not a regular file: a FIFO (named pipe)'],
      ]),
    );
  }, 60_000);
});

/** Each analysis cache file of `cacheDir`, rewritten with its analysis replaced by `poison(analysis)` (checksum kept consistent where the format has one). */
async function poisonAnalyses(cacheDir: string, poison: (analysis: any) => unknown): Promise<number> {
  const dir = path.join(cacheDir, 'analysis');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  for (const name of names) {
    const text = await readFile(path.join(dir, name), 'utf8');
    const newline = text.indexOf('\n');
    if (newline < 0) {
      // A single JSON object {format, key, analysis} (the layout before checksums).
      const entry = JSON.parse(text);
      entry.analysis = poison(entry.analysis);
      await writeFile(path.join(dir, name), JSON.stringify(entry));
    } else {
      const header = JSON.parse(text.slice(0, newline));
      const body = JSON.stringify(poison(JSON.parse(text.slice(newline + 1))));
      header.sha256 = createHash('sha256').update(body).update('\u0000').digest('hex');
      await writeFile(path.join(dir, name), `${JSON.stringify(header)}\n${body}`);
    }
  }
  return names.length;
}

describe('npm start in a terminal: caches it did not just write are not trusted', () => {
  // One clean start from an empty cache, shared by the cases below: each poisons a copy of the
  // cache it wrote (same data folder, so the copy is valid) and compares with its output.
  let prepared: string;
  let clean: Run;
  beforeAll(async () => {
    prepared = await mkdtemp(path.join(tmpdir(), 'pilcrow-terminal-clean-'));
    await mkdir(path.join(prepared, 'data'));
    await copyFile(BUNDLED, path.join(prepared, 'data', 'putin-belarus-transition.txt'));
    await copyFile(path.join(root, 'test', 'fixtures', 'articles', 'wikinews-20160714-UN.txt'), path.join(prepared, 'data', 'un.txt'));
    clean = await startInTerminal({ DATA_DIR: path.join(prepared, 'data'), CACHE_DIR: path.join(prepared, 'cache') });
  }, 120_000);
  afterAll(async () => {
    if (prepared) await rm(prepared, { recursive: true, force: true });
  });

  it.each([
    ['wrong shapes inside', (a: any) => ({ ...a, entities: [{ id: 7, name: null, mentions: 'all' }], quotes: 'none' })],
    ['empty arrays', () => ({ sentences: [], entities: [], quotes: [], ranking: [] })],
    [
      'quotes whose speakers do not exist',
      (a: any) => ({ ...a, quotes: a.quotes.map((q: any) => ({ ...q, speakerId: 'nobody-at-all' })) }),
    ],
  ])(
    'GIVEN every cached analysis poisoned with %s THEN the start succeeds with the same answers, ONE warning, and the cache is rewritten',
    async (_label, poison) => {
      expect(clean.code).toBe(0);
      expect(clean.stdout).toMatch(/¶\s\d+/);
      const dataDir = path.join(prepared, 'data');
      temp = await mkdtemp(path.join(tmpdir(), 'pilcrow-terminal-'));
      const cacheDir = path.join(temp, 'cache');
      await cp(path.join(prepared, 'cache'), cacheDir, { recursive: true });
      expect(await poisonAnalyses(cacheDir, poison)).toBe(2);

      const poisoned = await startInTerminal({ DATA_DIR: dataDir, CACHE_DIR: cacheDir });
      expect(poisoned.code).toBe(0);
      expect(poisoned.stdout).toBe(clean.stdout);
      expect(poisoned.logs.filter((l) => l.level >= 40).map((l) => l.msg)).toEqual([
        expect.stringMatching(/ignored 2 unusable cached analyses/),
      ]);

      const repaired = await startInTerminal({ DATA_DIR: dataDir, CACHE_DIR: cacheDir });
      expect(repaired.stdout).toBe(clean.stdout);
      expect(repaired.logs.filter((l) => l.level >= 40)).toEqual([]);
    },
    120_000,
  );

  it("GIVEN temp files left by a killed write THEN they are removed at start, while a live writer's fresh one is kept", async () => {
    const { dataDir, cacheDir } = await dirs('warm');
    await mkdir(path.join(cacheDir, 'analysis'), { recursive: true });
    const deadWriter = path.join(cacheDir, 'analysis', 'abc.json.999999.0123abcd.tmp');
    const oldDigestWrite = path.join(cacheDir, 'digest-state.json.1.1764000000000.tmp');
    const liveWriter = path.join(cacheDir, `search-index.json.${process.pid}.89abcdef.tmp`);
    for (const file of [deadWriter, oldDigestWrite, liveWriter]) await writeFile(file, '{"half": ');
    const hoursAgo = new Date(Date.now() - 3 * 3600_000);
    await utimes(oldDigestWrite, hoursAgo, hoursAgo);
    const run = await startInTerminal({ DATA_DIR: dataDir, CACHE_DIR: cacheDir });
    expect(run.code).toBe(0);
    await expect(stat(deadWriter)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(stat(oldDigestWrite)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await stat(liveWriter)).isFile()).toBe(true);
  }, 60_000);
});

describe('npm start in a terminal: big articles', () => {
  const sources = readdirSync(path.join(root, 'test', 'fixtures', 'articles'))
    .filter((n) => n.endsWith('.txt'))
    .map((n) => readFileSync(path.join(root, 'test', 'fixtures', 'articles', n), 'utf8'));

  it('GIVEN a 2 MB article of paragraphs, a 2 MB article on one line and one over the 5 MB limit THEN the two load and are summarised with citations inside a 1 GB heap, and the third is skipped with its name and size', async () => {
    const { dataDir, cacheDir } = await dirs('empty');
    await writeFile(path.join(dataDir, 'big-paragraphs.txt'), generateArticleText(sources, 2_000_000, 'paragraphs'));
    await writeFile(path.join(dataDir, 'big-line.txt'), generateArticleText(sources, 2_000_000, 'line'));
    await writeFile(path.join(dataDir, 'too-big.txt'), 'x'.repeat(5 * 1024 * 1024 + 1));
    const run = await startInTerminal({ DATA_DIR: dataDir, CACHE_DIR: cacheDir, NODE_OPTIONS: '--max-old-space-size=1024' }, 280_000);
    expect(run.code).toBe(0);
    const summaries = run.stdout.split('Summary of: ').slice(1);
    expect(summaries).toHaveLength(3);
    for (const summary of summaries) expect(summary).toMatch(/¶\s\d+/);
    expect(run.logs.filter((l) => l.msg === 'skipped an article file').map((l) => [path.basename(String(l.file)), l.reason])).toEqual([
      ['too-big.txt', `too large: ${5 * 1024 * 1024 + 1} bytes (limit ${5 * 1024 * 1024})`],
    ]);
  }, 300_000);
});
