import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCorpusStore, type CorpusStore } from '../../src/engine/corpus-store.ts';
import type { Corpus } from '../../src/model/corpus.ts';
import { runCommand } from '../../src/answers/run-command.ts';

const ARTICLE_A =
  '---\ntitle: Council approves budget\n---\n\nThe city council approved the budget on Monday.\n\n"It is a fair budget," said Mayor Jane Doe.\n';
const ARTICLE_B = 'Floods closed the river road on Friday.\n\n"We have never seen water this high," said Fire Chief Tom Reyes.\n';

function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

let store: CorpusStore | null = null;
afterEach(() => store?.close());

function nextChange(s: CorpusStore): Promise<{ corpus: Corpus; added: string[] }> {
  return new Promise((resolve) => s.onChange((corpus, added) => resolve({ corpus, added })));
}

async function open(dataDir: string): Promise<CorpusStore> {
  const opened = await openCorpusStore({ dataDir, cacheDir: tempDir('pilcrow-cache-'), watch: true, pollMs: 100 });
  if ('error' in opened) throw new Error(opened.error);
  store = opened;
  return opened;
}

describe('openCorpusStore', () => {
  it('GIVEN a missing data directory THEN an error value naming it', async () => {
    const result = await openCorpusStore({ dataDir: '/nonexistent/pilcrow-data', cacheDir: tempDir('pilcrow-cache-') });
    expect(result).toEqual({ error: expect.stringContaining('/nonexistent/pilcrow-data') });
  });

  it('GIVEN an empty data directory THEN it starts empty and picks up an article added later', async () => {
    const dir = tempDir('pilcrow-data-');
    const s = await open(dir);
    expect(s.current().articles).toHaveLength(0);
    expect(runCommand(s.current(), 'summary', {})).toMatchObject({ error: { code: 'empty-corpus' } });
    const changed = nextChange(s);
    writeFileSync(path.join(dir, 'budget.md'), ARTICLE_A);
    const { corpus, added } = await changed;
    expect(added).toEqual(['budget']);
    expect(runCommand(corpus, 'quote', { speaker: 'doe' })).toMatchObject({ quotes: [{ speaker: 'Jane Doe', paragraph: 2 }] });
    expect(s.current()).toBe(corpus);
  });

  it('GIVEN a broken edit of a loaded article THEN the previous good version stays', async () => {
    const dir = tempDir('pilcrow-data-');
    writeFileSync(path.join(dir, 'budget.md'), ARTICLE_A);
    writeFileSync(path.join(dir, 'floods.txt'), ARTICLE_B);
    const s = await open(dir);
    expect(s.current().articles.map((a) => a.article.id)).toEqual(['budget', 'floods']);
    writeFileSync(path.join(dir, 'budget.md'), Buffer.from([0, 0, 0, 1]));
    const changed = nextChange(s);
    writeFileSync(path.join(dir, 'floods.txt'), `${ARTICLE_B}\nThe road reopened on Sunday.\n`);
    const { corpus, added } = await changed;
    expect(added).toEqual([]);
    expect(corpus.byId.get('budget')?.article.paragraphs).toHaveLength(2);
    expect(corpus.byId.get('floods')?.article.paragraphs).toHaveLength(3);
  });
});
