import type { WhoAnswer } from '../model/answer.ts';
import type { Corpus } from '../model/corpus.ts';
import { userError, type UserError } from '../model/user-error.ts';
import { toArticleRef, toQuoteItem, uniqueCitations } from './article-ref.ts';
import { matchEntities, prominentNames } from './name-match.ts';
import { resolveArticle } from './resolve-article.ts';
import { hasWordCharacter, normaliseUserText } from './user-text.ts';

export interface WhoOptions {
  name: string;
  article?: string;
}

/** Who a person or organisation is, as the article says it: roles, aliases, mentions, quotes. */
export function who(corpus: Corpus, options: WhoOptions): WhoAnswer | UserError {
  const name = normaliseUserText(options.name ?? '');
  if (!hasWordCharacter(name)) return userError('bad-option', 'Give a name to look up, e.g. /who name:Lavrov.');
  const resolved = resolveArticle(corpus, options.article);
  if (resolved && 'error' in resolved) return resolved;
  const { matches, near } = matchEntities(corpus, name, resolved?.article.id, 1);
  const best = matches[0];
  if (!best) {
    const suggestions = near.length > 0 ? near : prominentNames(corpus, resolved?.article.id, 3);
    return userError('not-found', `Nobody called "${name.slice(0, 100)}" appears in ${resolved ? 'that article' : 'the articles'}.`, suggestions);
  }
  const { entity, article } = best;
  const id = article.article.id;
  const mentions = uniqueCitations(entity.mentions.map((m) => ({ article: id, paragraph: m.paragraph })));
  const quotes = article.analysis.quotes
    .filter((q) => q.speakerId === entity.id)
    .map((q) => toQuoteItem(id, q, article.analysis.entities));
  return {
    command: 'who',
    name: entity.name,
    kind: entity.kind,
    article: toArticleRef(article.article),
    roles: [...new Set(entity.roles.map((r) => r.text))],
    aliases: entity.aliases.filter((a) => a !== entity.name),
    mentions,
    quotes,
    citations: uniqueCitations([...entity.roles.map((r) => ({ article: id, paragraph: r.paragraph })), ...mentions, ...quotes]),
  };
}
