import type { Article } from '../src/model/article.ts';
import { devArticle, seedArticle } from '../test/support/article-from-paragraphs.ts';

/** The real articles benchmark corpora are made from: the bundled one and the four Wikinews fixtures. */
export function benchSourceArticles(): Article[] {
  return [
    seedArticle(),
    devArticle('wikinews-20070223-train'),
    devArticle('wikinews-20070306-drain'),
    devArticle('wikinews-20160706-telescope'),
    devArticle('wikinews-20160714-UN'),
  ];
}
