import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDigest, type CorpusSource } from '../../src/news/digest.ts';
import { discordAnnouncementPoster } from '../../src/bot/discord-announcement-poster.ts';
import type { Corpus } from '../../src/model/corpus.ts';
import { summaryOf } from '../render/discord/sample-answers.ts';
import { until } from '../support/until.ts';

const GUILD = '112233445566778899';

let dir: string;
let stateFile: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pilcrow-digest-scope-'));
  stateFile = path.join(dir, 'digest-state.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Articles by id; an id written `guild:<id>` is an article that server added for itself. */
function corpusOf(ids: string[]): Corpus {
  const articles = ids.map((id) => ({
    article: id.startsWith('guild:') ? { id: id.slice(6), scope: GUILD } : { id, scope: null },
    analysis: {},
  }));
  return { articles, byId: new Map(articles.map((a) => [a.article.id, a])), skipped: [], search: {} } as unknown as Corpus;
}

function world(initial: string[]) {
  let corpus = corpusOf(initial);
  let ids = initial;
  const listeners: Array<(c: Corpus, added: string[]) => void> = [];
  const source: CorpusSource = { current: () => corpus, onChange: (l) => listeners.push(l) };
  const sent: any[] = [];
  const client = { channels: { fetch: async () => ({ isSendable: () => true, send: async (body: any) => sent.push(body) }) } } as any;
  const add = (...more: string[]) => {
    ids = [...ids, ...more];
    corpus = corpusOf(ids);
    for (const l of listeners)
      l(
        corpus,
        more.map((id) => id.replace(/^guild:/, '')),
      );
  };
  const run = (_c: Corpus, _n: string, options: Record<string, unknown>) => ({
    ...summaryOf(1),
    article: { ...summaryOf(1).article, id: String(options.article), title: `About ${options.article}` },
  });
  const start = () =>
    startDigest({
      poster: discordAnnouncementPoster(client, run),
      source,
      channelId: '123456789012345678',
      stateFile,
      log: pino({ level: 'silent' }),
    });
  return { sent, add, start };
}

describe('the DIGEST_CHANNEL_ID digest and servers’ own articles', () => {
  it('GIVEN a shared article and a server’s own article appear THEN only the shared one is announced and recorded', async () => {
    const w = world(['a', 'guild:mine-before']);
    const digest = await w.start();
    w.add('guild:mine', 'shared-news');
    await until(() => w.sent.length > 0);
    await digest.idle();
    expect(w.sent.map((b) => b.embeds[0].title)).toEqual(['About shared-news']);
    expect(JSON.parse(await readFile(stateFile, 'utf8'))).toEqual({ announced: ['a', 'shared-news'], pending: [] });
  });

  it('GIVEN a server’s article waiting in the state (from older code) THEN it is not announced at the next start', async () => {
    await mkdir(path.dirname(stateFile), { recursive: true });
    await writeFile(stateFile, JSON.stringify({ announced: ['a'], pending: ['mine'] }));
    const w = world(['a', 'guild:mine', 'b']);
    const digest = await w.start();
    await until(() => w.sent.length > 0);
    await digest.idle();
    expect(w.sent.map((b) => b.embeds[0].title)).toEqual(['About b']);
  });
});
