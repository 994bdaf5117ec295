import type { Corpus } from '../model/corpus.ts';
import { displayTitle } from '../model/display-title.ts';
import { normaliseUserText } from '../answers/user-text.ts';
import { personInArticle } from './person-in-article.ts';
import { clipExcerpt, type WatchAlert, type WatchSpec } from '../model/watch-spec.ts';

/**
 * Whether an article of the corpus (the corpus as the watching server sees it) fires a watch,
 * and the alert it gives: for a person, the variant of the name the article used and the first
 * quotation (or, not quoted, the first mention), a `quotedOnly` watch firing only on a quotation;
 * for a topic, the article's best paragraph by the paragraph search /related uses (words and
 * meaning, under its own floor), so an article the search finds nothing in never fires.
 */
export function matchWatch(corpus: Corpus, articleId: string, spec: WatchSpec): WatchAlert | null {
  const owner = corpus.byId.get(articleId);
  if (!owner) return null;
  const base = { articleId, title: displayTitle(owner.article), link: owner.article.url ?? null };
  if (spec.kind === 'person') {
    const found = personInArticle(corpus, owner, spec.person);
    if (!found || (spec.quotedOnly && !found.quote)) return null;
    return {
      ...base,
      kind: 'person',
      label: found.variant,
      watched: spec.person,
      quoted: found.quote !== null,
      excerpt: found.excerpt,
      paragraph: found.paragraph,
    };
  }
  const topic = normaliseUserText(spec.topic);
  if (topic === '') return null;
  const hit = corpus.search.paragraphs(topic, { article: articleId, limit: 1 })[0];
  if (!hit) return null;
  return {
    ...base,
    kind: 'topic',
    label: topic,
    watched: spec.topic,
    quoted: false,
    excerpt: clipExcerpt(hit.text),
    paragraph: hit.paragraph,
  };
}

/** The articles of the corpus a watch would fire for, newest first as the corpus lists them, at most `limit` (for `/watch test`). */
export function articlesFiring(corpus: Corpus, spec: WatchSpec, limit: number): { alerts: WatchAlert[]; more: number } {
  const alerts: WatchAlert[] = [];
  let count = 0;
  for (const { article } of corpus.articles) {
    const alert = matchWatch(corpus, article.id, spec);
    if (!alert) continue;
    count++;
    if (alerts.length < limit) alerts.push(alert);
  }
  return { alerts, more: count - alerts.length };
}
