import type { Citation, WhoAnswer, WhoArticle } from '../model/answer.ts';
import type { AnalysedArticle, Corpus } from '../model/corpus.ts';
import { userError, type UserError } from '../model/user-error.ts';
import { toArticleRef, toQuoteItem, uniqueCitations } from './article-ref.ts';
import { findWordMentions, hasSearchableWord, queryWords, type WordMentions } from './find-word-mentions.ts';
import { NAME_TIE, gatherPerson } from './gather-person.ts';
import { FUZZY_NAME_MAX_SCORE, matchEntities, prominentNames, type MatchedEntity } from './name-match.ts';
import { resolveArticle } from './resolve-article.ts';
import { hasWordCharacter, normaliseUserText } from './user-text.ts';

export interface WhoOptions {
  name: string;
  article?: string;
}

/** Most articles a /who answer gathers; the others are counted ("and N more articles"). */
export const WHO_MAX_ARTICLES = 10;

/**
 * Who a person or organisation is, as the articles say it: roles, aliases, mentions and quotes,
 * gathered across articles (same name, or an unambiguous variant), per article too.
 * When no recognised name matches but the words occur in the text, the paragraphs that contain
 * them, labelled `mention` (found, but not known as a person or organisation).
 */
export function who(corpus: Corpus, options: WhoOptions): WhoAnswer | UserError {
  const name = normaliseUserText(options.name ?? '');
  if (!hasWordCharacter(name)) return userError('bad-option', 'Give a name to look up, e.g. /who name:Lavrov.');
  const resolved = resolveArticle(corpus, options.article);
  if (resolved && 'error' in resolved) return resolved;
  const article = resolved?.article.id;
  const { matches, near } = matchEntities(corpus, name, article, 10);
  const best = matches[0];
  const common = !hasSearchableWord(name);
  // "the" or "of" alone match words inside long names; only a name that is exactly that counts.
  if (common && best?.hit.score !== 1)
    return userError(
      'not-found',
      `"${name.slice(0, 100)}" is too common to look up on its own; try a name.`,
      prominentNames(corpus, article, 3),
    );
  if (best && (best.hit.score > FUZZY_NAME_MAX_SCORE || containsName(name, best.hit.matched)))
    return entityAnswer(corpus, best, article, namesakesOf(matches, article));
  // A fuzzy guess at a known name loses to the very words written in the text ("Rowe" is not "Roe"
  // when the text says "Rowe"), unless the query holds the whole name ("Iván DeJesús, Jr.");
  // with no guess at all, a typo of the words is accepted too.
  const found = findWordMentions(corpus, name, { article, typos: !best });
  if (found) return mentionAnswer(corpus, found, article);
  if (best) return entityAnswer(corpus, best, article, namesakesOf(matches, article));
  const suggestions = near.length > 0 ? near : prominentNames(corpus, article, 3);
  return userError(
    'not-found',
    `Nobody called "${name.slice(0, 100)}" appears in ${resolved ? 'that article' : 'the articles'}.`,
    suggestions,
  );
}

/** The profile of a recognised person or organisation, across the articles gathered. */
function entityAnswer(corpus: Corpus, match: MatchedEntity, article: string | undefined, namesakes: string[]): WhoAnswer {
  const person = gatherPerson(corpus, match, { article, maxArticles: WHO_MAX_ARTICLES });
  const parts = person.articles.map(({ owner, entities }) => {
    const id = owner.article.id;
    const ids = new Set(entities.map((e) => e.id));
    const roles = entities.flatMap((e) => e.roles.map((r) => ({ text: r.text, article: id, paragraph: r.paragraph })));
    const mentions = sortCitations(
      uniqueCitations(entities.flatMap((e) => e.mentions.map((m) => ({ article: id, paragraph: m.paragraph })))),
    );
    const quotes = owner.analysis.quotes
      .filter((q) => q.speakerId !== null && ids.has(q.speakerId))
      .map((q) => toQuoteItem(id, q, owner.analysis.entities));
    const aliases = entities.flatMap((e) => [e.name, ...e.aliases]);
    return { owner, roles, mentions, quotes, aliases };
  });
  const mentions = parts.flatMap((p) => p.mentions);
  const quotes = parts.flatMap((p) => p.quotes);
  const roleCitations = parts.flatMap((p) => p.roles.map(({ article: a, paragraph }) => ({ article: a, paragraph })));
  return {
    command: 'who',
    name: person.name,
    kind: person.kind,
    article: toArticleRef(parts[0]!.owner.article),
    roles: uniqueTexts(parts.flatMap((p) => p.roles.map((r) => r.text))),
    aliases: uniqueTexts(parts.flatMap((p) => p.aliases)).filter((a) => a.toLowerCase() !== person.name.toLowerCase()),
    mentions,
    quotes,
    articles: parts.map((p): WhoArticle => ({
      article: toArticleRef(p.owner.article),
      roles: uniqueTexts(p.roles.map((r) => r.text)),
      mentions: p.mentions,
    })),
    moreArticles: person.more,
    namesakes,
    citations: uniqueCitations([...roleCitations, ...mentions, ...quotes]),
  };
}

/** Paragraphs where the asked words occur, with nothing claimed about who or what they name. */
function mentionAnswer(corpus: Corpus, found: WordMentions, article: string | undefined): WhoAnswer {
  const byArticle = new Map<string, Citation[]>();
  for (const m of found.mentions) {
    const list = byArticle.get(m.article);
    if (list) list.push(m);
    else byArticle.set(m.article, [m]);
  }
  const ranked = [...byArticle.entries()]
    .map(([id, mentions]) => ({ owner: corpus.byId.get(id), mentions: sortCitations(mentions) }))
    .filter((a): a is { owner: AnalysedArticle; mentions: Citation[] } => a.owner !== undefined)
    .sort((a, b) => (article !== undefined ? 0 : b.mentions.length - a.mentions.length));
  const kept = ranked.slice(0, WHO_MAX_ARTICLES);
  const mentions = kept.flatMap((a) => a.mentions);
  return {
    command: 'who',
    name: found.surface,
    kind: 'mention',
    article: toArticleRef(kept[0]!.owner.article),
    roles: [],
    aliases: [],
    mentions,
    quotes: [],
    articles: kept.map((a): WhoArticle => ({ article: toArticleRef(a.owner.article), roles: [], mentions: a.mentions })),
    moreArticles: ranked.length - kept.length,
    namesakes: [],
    citations: mentions,
  };
}

/** True when every word of a known name is in the query ("Iván DeJesús, Jr." has "Iván DeJesús"): then it is that name, not a guess. */
function containsName(query: string, name: string): boolean {
  const asked = new Set(queryWords(query));
  const words = queryWords(name);
  return words.length > 0 && words.every((w) => asked.has(w));
}

/** Most namesakes an answer names. */
const MAX_NAMESAKES = 5;

/**
 * The other people the name fits (other groups, or other entities of the article asked): every
 * other exact or prefix match when the best is one ("Okonkwo": Peter Okonkwo), else the fuzzy
 * matches as close as the best.
 */
function namesakesOf(matches: readonly MatchedEntity[], article: string | undefined): string[] {
  const [best, ...rest] = matches;
  if (!best) return [];
  const floor = best.hit.score > FUZZY_NAME_MAX_SCORE ? FUZZY_NAME_MAX_SCORE + Number.EPSILON : best.hit.score - NAME_TIE;
  const nameOf = (m: MatchedEntity) => (article === undefined ? (m.hit.group?.name ?? m.entity.name) : m.entity.name);
  const same = (m: MatchedEntity) => (m.hit.group && best.hit.group ? m.hit.group.id === best.hit.group.id : m.entity === best.entity);
  const names: string[] = [];
  for (const m of rest) {
    if (m.hit.score < floor) break;
    const name = nameOf(m);
    if (!same(m) && name !== nameOf(best) && !names.includes(name)) names.push(name);
  }
  return names.slice(0, MAX_NAMESAKES);
}

/** Citations of one article in paragraph order. */
function sortCitations(citations: Citation[]): Citation[] {
  return [...citations].sort((a, b) => a.paragraph - b.paragraph);
}

/** Texts without repeats (case ignored), first writing kept, in order. */
function uniqueTexts(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const text of texts) {
    const key = text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
}
