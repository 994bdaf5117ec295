import type { RetrySettings } from '../../src/news/posting-options.ts';
import { discordAnnouncementPoster } from '../../src/bot/discord-announcement-poster.ts';
import { startDigest, type CorpusSource } from '../../src/news/digest.ts';
import type { Corpus } from '../../src/model/corpus.ts';
import { summaryOf } from '../render/discord/sample-answers.ts';
import { captureWarnings } from './capture-warnings.ts';

/** The channel the DIGEST_CHANNEL_ID digest posts in. */
export const DIGEST_CHANNEL = '123456789012345678';

/** The server whose own articles are written `guild:<id>`. */
export const DIGEST_GUILD = '112233445566778899';

/** Articles by id (their analysis empty); an id written `guild:<id>` is an article DIGEST_GUILD added for itself. */
function corpusOf(ids: string[]): Corpus {
  const articles = ids.map((id) => ({
    article: id.startsWith('guild:') ? { id: id.slice(6), scope: DIGEST_GUILD } : { id, scope: null },
    analysis: {},
  }));
  return { articles, byId: new Map(articles.map((a) => [a.article.id, a])), skipped: [], search: {} } as unknown as Corpus;
}

/**
 * The digest's world: a corpus source whose articles the test adds (`add`), a Discord channel that
 * records what is sent (`sent`; while `outage.failing` is above 0 each attempt throws a 500 and
 * counts it down), summaries titled "About <id>", and `start`: startDigest on `stateFile`
 * (warnings kept in `warnings`).
 */
export function digestWorld(initial: string[], settings: { stateFile: string; retry?: Partial<RetrySettings> }) {
  let ids = initial;
  let corpus = corpusOf(ids);
  const listeners: Array<(c: Corpus, added: string[]) => void> = [];
  const source: CorpusSource = { current: () => corpus, onChange: (l) => listeners.push(l) };
  const sent: any[] = [];
  const outage = { failing: 0, attempts: 0 };
  const client = {
    channels: {
      fetch: async () => ({
        isSendable: () => true,
        send: async (body: any) => {
          outage.attempts++;
          if (outage.failing > 0) {
            outage.failing--;
            throw Object.assign(new Error('Discord answered 500'), { status: 500 });
          }
          sent.push(body);
        },
      }),
    },
  } as any;
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
  const logged = captureWarnings();
  const start = () =>
    startDigest({
      poster: discordAnnouncementPoster(client, run),
      source,
      channelId: DIGEST_CHANNEL,
      stateFile: settings.stateFile,
      log: logged.log,
      ...(settings.retry ? { retry: settings.retry } : {}),
    });
  return { sent, add, start, outage, warnings: logged.lines };
}
