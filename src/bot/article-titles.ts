import { displayTitle } from '../model/display-title.ts';
import type { Corpus } from '../model/corpus.ts';

/** Headline lookup over a corpus, for renderers that name where a cited paragraph comes from. */
export function articleTitles(corpus: Corpus): (id: string) => string | undefined {
  return (id) => {
    const owner = corpus.byId.get(id);
    return owner ? displayTitle(owner.article) : undefined;
  };
}
