import type { Entity } from '../../src/model/analysis.ts';
import type { Article } from '../../src/model/article.ts';
import type { AnalysedArticle } from '../../src/model/corpus.ts';
import { devArticle, seedArticle } from '../support/article-from-paragraphs.ts';

/** A person/organisation as analysis would report it (mentions and roles left empty). */
function entity(id: string, name: string, kind: Entity['kind'], aliases: string[], roles: string[] = []): Entity {
  return { id, name, kind, roles: roles.map((text) => ({ text, paragraph: 1 })), aliases, mentions: [] };
}

/** The bundled article with the entities its text names, written by hand so search tests do not depend on analysis. */
export function analysedSeed(): AnalysedArticle {
  return withEntities(seedArticle(), [
    entity('sergei-lavrov', 'Sergei Lavrov', 'person', ['Lavrov', 'the Russian Foreign Minister', 'the Russian Chancellor']),
    entity('vladimir-putin', 'Vladimir Putin', 'person', ['Putin', 'the Russian President']),
    entity('alexander-lukashenko', 'Alexander Lukashenko', 'person', ['Lukashenko', 'the Belarusian president']),
    entity('vladimir-makei', 'Vladimir Makei', 'person', ['Makei']),
    entity('volodimir-zelensky', 'Volodimir Zelensky', 'person', ['Zelensky']),
    entity('mikhail-mishustin', 'Mikhail Mishustin', 'person', ['Mishustin'], ['Russian Prime Minister']),
    entity('viktor-khrenin', 'Viktor Khrenin', 'person', ['Khrenin'], ['Belarusian Defense Minister']),
    entity('nato', 'NATO', 'organisation', []),
    entity('csto', 'Collective Security Treaty Organization', 'organisation', ['CSTO']),
    entity('wagner', 'Wagner', 'organisation', []),
  ]);
}

/** A Wikinews dev article with a couple of hand-written entities. */
export function analysedDev(name: Parameters<typeof devArticle>[0], entities: Entity[] = []): AnalysedArticle {
  return withEntities(devArticle(name), entities);
}

export { entity };

function withEntities(article: Article, entities: Entity[]): AnalysedArticle {
  return { article, analysis: { sentences: [], entities, quotes: [], ranking: [] } };
}
