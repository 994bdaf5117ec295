import type { Corpus } from '../model/corpus.ts';
import { displayTitle } from '../model/display-title.ts';

/** The cleaned articles as the JSON that `npm run articles -- --json` prints. */
export function articlesJson(corpus: Corpus): unknown {
  return {
    articles: corpus.articles.map(({ article: a }) => ({
      id: a.id,
      file: a.file,
      title: a.title,
      kicker: a.kicker,
      source: a.source,
      url: a.url,
      published: a.published,
      tags: a.tags,
      related: a.related,
      headings: a.headings,
      paragraphs: a.paragraphs,
    })),
    skipped: corpus.skipped,
  };
}

/** The cleaned articles as numbered text, headings in place. */
export function renderArticlesText(corpus: Corpus): string {
  return corpus.articles
    .map(({ article: a }) => {
      const lines = [`# ${displayTitle(a)}  [${a.id}]`];
      if (a.kicker) lines.push(`(${a.kicker})`);
      for (const p of a.paragraphs) {
        for (const h of a.headings.filter((x) => x.before === p.n)) lines.push('', `## ${h.text}`);
        lines.push('', `¶ ${p.n}  ${p.text}`);
      }
      if (a.tags.length > 0) lines.push('', `Tags: ${a.tags.join(', ')}`);
      if (a.related.length > 0) lines.push('Related:', ...a.related.map((r) => `  • ${r}`));
      return lines.join('\n');
    })
    .join('\n\n');
}
