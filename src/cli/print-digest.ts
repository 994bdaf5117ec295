import { summarize } from '../answers/summarize.ts';
import type { Corpus } from '../model/corpus.ts';
import { renderAnswerText, renderErrorText } from '../render/terminal.ts';

/** The bot's main job without Discord: the summary of every article, as terminal text. */
export function renderDigest(corpus: Corpus): string {
  if (corpus.articles.length === 0) return 'No articles loaded: add .txt, .md or .html files to the data directory.';
  return corpus.articles
    .map(({ article }) => {
      const answer = summarize(corpus, { article: article.id });
      return 'error' in answer ? renderErrorText(answer) : renderAnswerText(answer);
    })
    .join('\n\n');
}
