import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { threadId } from 'node:worker_threads';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/answers/run-command.ts';
import { openCorpusStore, type CorpusStore } from '../../src/engine/corpus-store.ts';
import type { Corpus } from '../../src/model/corpus.ts';
import { until } from '../support/until.ts';

const SCRIPTED_WORKER = new URL('./support/scripted-rebuild-worker.mjs', import.meta.url);

const BUDGET =
  '---\ntitle: Council approves budget\n---\n\nThe city council approved the budget on Monday.\n\n"It is a fair budget," said Mayor Jane Doe.\n';
const FLOODS = 'Floods closed the river road on Friday.\n\n"We have never seen water this high," said Fire Chief Tom Reyes.\n';
const STORM =
  'A storm cut power to the harbour district on Tuesday.\n\n"Crews are working through the night," said utility spokesman Ali Khan.\n';
const SCHOOL =
  'The school board voted to extend the term by a week.\n\n"Pupils lost too many days to the floods," said board chair Mary Osei.\n';

interface LogLine {
  level: number;
  msg: string;
  err?: { message: string };
}

let store: CorpusStore | null = null;
afterEach(() => {
  store?.close();
  store = null;
});

function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Opens a watched store with the scripted worker; its log lines are collected in `logs`. */
async function open(dataDir: string, cacheDir: string): Promise<{ store: CorpusStore; logs: LogLine[] }> {
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const opened = await openCorpusStore({
    dataDir,
    cacheDir,
    watch: true,
    pollMs: 100,
    log: pino({ level: 'debug' }, sink),
    workerUrl: SCRIPTED_WORKER,
  });
  if ('error' in opened) throw new Error(opened.error);
  store = opened;
  return { store: opened, logs };
}

/** Every corpus the store publishes, in order, and a way to wait for the nth. */
function recordChanges(s: CorpusStore): { corpora: Corpus[]; nth(n: number): Promise<Corpus> } {
  const corpora: Corpus[] = [];
  const waiters: Array<{ n: number; resolve: (c: Corpus) => void }> = [];
  s.onChange((corpus) => {
    corpora.push(corpus);
    for (const w of waiters) if (corpora.length === w.n) w.resolve(corpus);
  });
  return {
    corpora,
    nth: (n) => (corpora.length >= n ? Promise.resolve(corpora[n - 1]!) : new Promise((resolve) => waiters.push({ n, resolve }))),
  };
}

/** Resolves when a log line satisfies `test`; throws (naming `what`) when none does within 15 s (before the test's own time-out). */
async function logged(logs: LogLine[], test: (line: LogLine) => boolean, what = 'the log line'): Promise<LogLine> {
  await until(() => logs.some(test), { what, timeoutMs: 15_000 });
  return logs.find(test)!;
}

function ids(corpus: Corpus): string[] {
  return corpus.articles.map((a) => a.article.id);
}

describe('corpus store rebuilds in a worker thread', () => {
  it('GIVEN a watched store WHEN an article is added THEN it is analysed and indexed in another thread and the new corpus answers', async () => {
    const dir = tempDir('pilcrow-data-');
    writeFileSync(path.join(dir, 'budget.md'), BUDGET);
    const { store: s, logs } = await open(dir, tempDir('pilcrow-cache-'));
    const changes = recordChanges(s);
    writeFileSync(path.join(dir, 'floods.txt'), FLOODS);
    const corpus = await changes.nth(1);
    expect(ids(corpus)).toEqual(['budget', 'floods']);
    expect(s.current()).toBe(corpus);
    expect(runCommand(corpus, 'quote', { speaker: 'reyes' })).toMatchObject({
      quotes: [{ speaker: expect.stringContaining('Tom Reyes'), paragraph: 2 }],
    });
    expect(runCommand(corpus, 'related', { topic: 'river road' })).toMatchObject({ results: [{ article: 'floods', paragraph: 1 }] });
    const thread = Number(/rebuilt in thread (\d+)/.exec(logs.find((l) => l.msg.startsWith('rebuilt in thread'))?.msg ?? '')?.[1]);
    expect(thread).toBeGreaterThan(0);
    expect(thread).not.toBe(threadId);
  });

  it('GIVEN a rebuild in progress WHEN two more changes arrive one after the other THEN they are rebuilt together, after it', async () => {
    const dir = tempDir('pilcrow-data-');
    const cacheDir = tempDir('pilcrow-cache-');
    writeFileSync(path.join(dir, 'budget.md'), BUDGET);
    const { store: s, logs } = await open(dir, cacheDir);
    const changes = recordChanges(s);
    const waiting = (id: string) =>
      logged(logs, (l) => l.msg === 'article changes wait for the rebuild in progress' && JSON.stringify(l).includes(`"${id}"`));
    writeFileSync(path.join(cacheDir, 'hold'), '');
    writeFileSync(path.join(dir, 'floods.txt'), FLOODS);
    await logged(logs, (l) => l.msg === 'rebuild holding');
    writeFileSync(path.join(dir, 'storm.txt'), STORM);
    await waiting('storm');
    writeFileSync(path.join(dir, 'school.txt'), SCHOOL);
    await waiting('school');
    expect(changes.corpora).toHaveLength(0);
    rmSync(path.join(cacheDir, 'hold'));
    const last = await changes.nth(2);
    expect(ids(changes.corpora[0]!)).toEqual(['budget', 'floods']);
    expect(ids(last)).toEqual(['budget', 'floods', 'school', 'storm']);
    await s.settled();
    expect(changes.corpora).toHaveLength(2);
    expect(runCommand(s.current(), 'quote', { speaker: 'osei' })).toMatchObject({ quotes: [{ article: 'school', speaker: 'Mary Osei' }] });
  });

  it.each([
    ['throws', '[fail]', 'scripted rebuild failure'],
    ['ends its thread', '[crash]', 'the rebuild worker exited (code 7)'],
  ])(
    'GIVEN a rebuild that %s THEN the previous corpus stays, the error is logged, and a later change is rebuilt',
    async (_what, marker, message) => {
      const dir = tempDir('pilcrow-data-');
      writeFileSync(path.join(dir, 'budget.md'), BUDGET);
      const { store: s, logs } = await open(dir, tempDir('pilcrow-cache-'));
      const before = s.current();
      const changes = recordChanges(s);
      writeFileSync(path.join(dir, 'floods.txt'), `${FLOODS}\nThe road stays shut ${marker}.\n`);
      const failure = await logged(logs, (l) => l.msg === 'could not add an article file; skipping it and keeping the previous corpus');
      expect(failure.err?.message).toBe(message);
      expect(s.current().articles).toBe(before.articles);
      expect(s.current().skipped).toEqual([{ file: path.join(dir, 'floods.txt'), reason: `could not be analysed: ${message}` }]);
      writeFileSync(path.join(dir, 'floods.txt'), FLOODS);
      const corpus = await changes.nth(1);
      expect(ids(corpus)).toEqual(['budget', 'floods']);
      expect(runCommand(corpus, 'quote', { speaker: 'doe' })).toMatchObject({ quotes: [{ speaker: 'Jane Doe' }] });
      expect(runCommand(corpus, 'quote', { speaker: 'reyes' })).toMatchObject({
        quotes: [{ speaker: expect.stringContaining('Tom Reyes') }],
      });
    },
  );

  it('GIVEN three files added at once WHEN the analysis of one throws THEN the other two go in, and the bad one is skipped with why', async () => {
    const dir = tempDir('pilcrow-data-');
    const cacheDir = tempDir('pilcrow-cache-');
    writeFileSync(path.join(dir, 'budget.md'), BUDGET);
    const { store: s, logs } = await open(dir, cacheDir);
    const changes = recordChanges(s);
    writeFileSync(path.join(cacheDir, 'hold'), '');
    writeFileSync(path.join(dir, 'aaa-first.txt'), 'A first article about the market square.\n');
    await logged(logs, (l) => l.msg === 'rebuild holding');
    writeFileSync(path.join(dir, 'floods.txt'), FLOODS);
    writeFileSync(path.join(dir, 'storm.txt'), `${STORM}\nThe analysis of this one breaks [bad-analysis].\n`);
    writeFileSync(path.join(dir, 'school.txt'), SCHOOL);
    await logged(logs, (l) => l.msg === 'article changes wait for the rebuild in progress' && JSON.stringify(l).includes('"school"'));
    rmSync(path.join(cacheDir, 'hold'));
    const corpus = await changes.nth(2);
    expect(ids(corpus)).toEqual(['aaa-first', 'budget', 'floods', 'school']);
    expect(corpus.skipped).toEqual([{ file: path.join(dir, 'storm.txt'), reason: 'could not be analysed: scripted analysis failure' }]);
    expect(logs.some((l) => l.msg === 'could not analyse an article file; skipping it' && JSON.stringify(l).includes('storm.txt'))).toBe(
      true,
    );
    expect(runCommand(corpus, 'quote', { speaker: 'osei' })).toMatchObject({ quotes: [{ article: 'school' }] });
  });

  it('GIVEN a good article WHEN an edit makes its analysis throw, together with a new file THEN its previous version stays and the new file goes in', async () => {
    const dir = tempDir('pilcrow-data-');
    writeFileSync(path.join(dir, 'budget.md'), BUDGET);
    writeFileSync(path.join(dir, 'storm.txt'), STORM);
    const { store: s } = await open(dir, tempDir('pilcrow-cache-'));
    const changes = recordChanges(s);
    writeFileSync(path.join(dir, 'storm.txt'), `${STORM}\nAn edit that breaks the analysis [bad-analysis].\n`);
    writeFileSync(path.join(dir, 'school.txt'), SCHOOL);
    let corpus = await changes.nth(1);
    while (!corpus.byId.has('school')) corpus = await changes.nth(changes.corpora.length + 1);
    expect(ids(corpus)).toEqual(['budget', 'school', 'storm']);
    expect(
      corpus.byId
        .get('storm')!
        .article.paragraphs.map((p) => p.text)
        .join(' '),
    ).not.toContain('[bad-analysis]');
    expect(corpus.skipped.map((x) => x.file)).toEqual([path.join(dir, 'storm.txt')]);
  });

  it('GIVEN three files added at once WHEN one of them makes the worker die THEN they are retried one at a time: the other two go in, the bad one is skipped', async () => {
    const dir = tempDir('pilcrow-data-');
    const cacheDir = tempDir('pilcrow-cache-');
    writeFileSync(path.join(dir, 'budget.md'), BUDGET);
    const { store: s, logs } = await open(dir, cacheDir);
    writeFileSync(path.join(cacheDir, 'hold'), '');
    writeFileSync(path.join(dir, 'aaa-first.txt'), 'A first article about the market square.\n');
    await logged(logs, (l) => l.msg === 'rebuild holding');
    writeFileSync(path.join(dir, 'floods.txt'), FLOODS);
    writeFileSync(path.join(dir, 'storm.txt'), `${STORM}\nThis one kills the worker [crash].\n`);
    writeFileSync(path.join(dir, 'school.txt'), SCHOOL);
    await logged(logs, (l) => l.msg === 'article changes wait for the rebuild in progress' && JSON.stringify(l).includes('"school"'));
    rmSync(path.join(cacheDir, 'hold'));
    await logged(logs, (l) => l.msg === 'could not add an article file; skipping it and keeping the previous corpus');
    await s.settled();
    const corpus = s.current();
    expect(ids(corpus)).toEqual(['aaa-first', 'budget', 'floods', 'school']);
    expect(corpus.skipped).toEqual([
      { file: path.join(dir, 'storm.txt'), reason: 'could not be analysed: the rebuild worker exited (code 7)' },
    ]);
  });

  it('GIVEN a rebuild in flight WHEN the store is closed THEN no new corpus is published', async () => {
    const dir = tempDir('pilcrow-data-');
    const cacheDir = tempDir('pilcrow-cache-');
    writeFileSync(path.join(dir, 'budget.md'), BUDGET);
    const { store: s, logs } = await open(dir, cacheDir);
    const before = s.current();
    const changes = recordChanges(s);
    writeFileSync(path.join(cacheDir, 'hold'), '');
    writeFileSync(path.join(dir, 'floods.txt'), FLOODS);
    await logged(logs, (l) => l.msg === 'rebuild holding');
    s.close();
    rmSync(path.join(cacheDir, 'hold'));
    await s.settled();
    expect(changes.corpora).toHaveLength(0);
    expect(s.current()).toBe(before);
    expect(logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});
