import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAnnounced, startDigest, type CorpusSource } from '../../src/bot/digest.ts';
import type { Corpus } from '../../src/model/corpus.ts';
import { summaryOf } from '../render/discord/sample-answers.ts';

let dir: string;
let stateFile: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pilcrow-digest-'));
  stateFile = path.join(dir, 'state', 'digest-state.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function corpusOf(ids: string[]): Corpus {
  const articles = ids.map((id) => ({ article: { id }, analysis: {} }));
  return { articles, byId: new Map(articles.map((a) => [a.article.id, a])), skipped: [], search: {} } as unknown as Corpus;
}

/** A corpus source whose articles the test changes, and a client whose channel records what is sent. */
function world(initial: string[]) {
  let corpus = corpusOf(initial);
  const listeners: Array<(c: Corpus, added: string[]) => void> = [];
  const source: CorpusSource = { current: () => corpus, onChange: (l) => listeners.push(l) };
  const sent: any[] = [];
  const client = { channels: { fetch: async () => ({ isSendable: () => true, send: async (body: any) => sent.push(body) }) } } as any;
  const add = (id: string) => {
    const before = corpus.articles.map((a) => a.article.id);
    corpus = corpusOf([...before, id]);
    for (const l of listeners) l(corpus, [id]);
  };
  const run = (_c: Corpus, _n: string, options: Record<string, unknown>) => ({ ...summaryOf(1), article: { ...summaryOf(1).article, id: String(options.article), title: `About ${options.article}` } });
  const start = () => startDigest({ client, source, channelId: '123456789012345678', stateFile, run, log: pino({ level: 'silent' }) });
  return { sent, add, start };
}

describe('startDigest', () => {
  it('GIVEN a first start THEN the articles already there are recorded, not announced', async () => {
    const w = world(['a', 'b']);
    const digest = await w.start();
    await digest.idle();
    expect(w.sent).toEqual([]);
    expect([...(await readAnnounced(stateFile))!]).toEqual(['a', 'b']);
  });

  it('GIVEN an article that appears THEN it is announced once with its summary, and not again after a restart', async () => {
    const w = world(['a']);
    const digest = await w.start();
    w.add('c');
    await digest.idle();
    expect(w.sent.map((b) => b.embeds[0].title)).toEqual(['About c']);
    expect(w.sent[0].allowedMentions).toEqual({ parse: [] });
    const restarted = await w.start();
    await restarted.idle();
    expect(w.sent).toHaveLength(1);
    expect(await readdir(path.dirname(stateFile))).toEqual(['digest-state.json']);
  });

  it('GIVEN an article added while the bot was down THEN it is announced at the next start', async () => {
    await (await world(['a']).start()).idle();
    const w = world(['a', 'd']);
    await (await w.start()).idle();
    expect(w.sent.map((b) => b.embeds[0].title)).toEqual(['About d']);
  });

  it('GIVEN a state file THEN it is plain JSON of announced ids', async () => {
    await writeFile(path.join(dir, 'x.json'), JSON.stringify({ announced: ['q', 3] }));
    expect([...(await readAnnounced(path.join(dir, 'x.json')))!]).toEqual(['q']);
    expect(await readAnnounced(path.join(dir, 'missing.json'))).toBeNull();
  });
});
