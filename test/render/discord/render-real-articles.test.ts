import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../src/analysis/analyse-article.ts';
import { runCommand } from '../../../src/answers/run-command.ts';
import { toCorpus } from '../../../src/engine/load-corpus.ts';
import type { Corpus } from '../../../src/model/corpus.ts';
import { buildSearchIndex } from '../../../src/search/build-search-index.ts';
import { isUserError } from '../../../src/model/user-error.ts';
import { pageButtonId } from '../../../src/render/discord/custom-ids.ts';
import { renderAnswer } from '../../../src/render/discord/render-answer.ts';
import { fixtureArticles } from '../../support/article-from-paragraphs.ts';
import { payloadViolations } from './payload-limits.ts';

const articles = fixtureArticles();
const analysed = articles.map((article) => ({ article, analysis: analyseArticle(article) }));
const corpus: Corpus = toCorpus({ articles: analysed, search: buildSearchIndex(analysed) }, []);

/** Every question worth asking of one article: its summary, its quotes, each entity, a topic from its opening. */
function questions(id: string): Array<[string, Record<string, string | number>]> {
  const owner = corpus.byId.get(id)!;
  const topic = owner.article.paragraphs[0]!.text.split(/\s+/)
    .filter((w) => w.length > 5)
    .slice(0, 2)
    .join(' ');
  return [
    ['summary', { article: id, length: 10 }],
    ['quote', { article: id }],
    ...owner.analysis.entities.slice(0, 12).map((e): [string, Record<string, string>] => ['who', { name: e.name, article: id }]),
    ['related', { topic, article: id }],
  ];
}

describe('Discord rendering of real articles', () => {
  it.each(articles.map((a) => a.id))(
    'GIVEN the article %s THEN every page of every answer is within limits and every item cites its paragraph',
    (id) => {
      let rendered = 0;
      for (const [command, options] of questions(id)) {
        const result = runCommand(corpus, command, options);
        if (isUserError(result)) continue;
        const answer = result;
        const first = renderAnswer(answer, { pageButtonId: (p) => pageButtonId(command, Object.values(options), p) ?? `pk|k|${p}` });
        for (let page = 0; page < first.pageCount; page++) {
          const { payload } = renderAnswer(answer, { page, pageButtonId: (p) => `pk|k|${p}` });
          expect(payloadViolations(payload), `${command} ${JSON.stringify(options)} page ${page}`).toEqual([]);
          const description = payload.embeds[0]!.description!;
          for (const block of description.split('\n\n').filter((b) => b.startsWith('• ') || b.startsWith('> “'))) {
            expect(block).toMatch(/\((?:[^()]*, )?¶ \d+\)$/);
          }
          rendered += 1;
        }
      }
      expect(rendered).toBeGreaterThan(2);
    },
  );
});
