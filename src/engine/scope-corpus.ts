/**
 * Each server its own news: the corpus as one Discord server (guild) sees it — the articles
 * shared by every server (files directly in the data directory, `scope` null or absent) and the
 * server's own (`data/guilds/<guild id>/`, `scope` = its id); never another server's.
 */
import type { Article } from '../model/article.ts';
import type { Corpus, SearchIndex } from '../model/corpus.ts';
import { DISCORD_ID_SOURCE } from '../model/discord-id.ts';
import { GUILDS_FOLDER } from '../model/guilds-folder.ts';

/** What is known of one corpus's scopes, worked out once per corpus. */
interface Scopes {
  /** Guild ids that have articles of their own in the corpus. */
  guilds: ReadonlySet<string>;
  /** The views made so far, by guild id (null: the shared articles alone). */
  views: Map<string | null, Corpus>;
}

/** Per corpus: its scopes, or null when it has no server's own articles (then every server sees it all). */
const scopesByCorpus = new WeakMap<Corpus, Scopes | null>();
/** Per view: the corpus it was made from and the guild it is for. */
const viewOrigins = new WeakMap<Corpus, { base: Corpus; guildId: string | null }>();

/** The guild an article belongs to; null for a shared one. */
export function scopeOf(article: Pick<Article, 'scope'>): string | null {
  return article.scope ?? null;
}

/** True when a member of `guildId` (null: a direct message) may see the article. */
export function isVisibleIn(article: Pick<Article, 'scope'>, guildId: string | null): boolean {
  const scope = scopeOf(article);
  return scope === null || scope === guildId;
}

/**
 * The corpus a server sees: the shared articles plus that guild's own (`guildId` null, for a
 * direct message: the shared ones alone). `byId`, `articles`, `skipped` and every search
 * (paragraphs, names and their groups across articles, articles) hold only those; searches are
 * restricted inside the index (SearchOptions.articles), so the limit counts visible hits only and
 * a name group is made of the visible articles alone (its name, counts and members).
 *
 * Memoised: the same corpus and guild give the same object (so what is remembered per corpus —
 * answers, the quote catalogue — is kept per server view); a guild with no articles of its own
 * gets the shared view; a corpus with no server's own articles at all is returned as it is.
 * Scoping a view again never widens it.
 */
export function scopeCorpus(corpus: Corpus, guildId: string | null): Corpus {
  const origin = viewOrigins.get(corpus);
  if (origin) return scopeCorpus(origin.base, guildId === origin.guildId ? guildId : null);
  const scopes = scopesOf(corpus);
  if (!scopes) return corpus;
  const key = guildId !== null && scopes.guilds.has(guildId) ? guildId : null;
  let view = scopes.views.get(key);
  if (!view) {
    view = makeView(corpus, key);
    scopes.views.set(key, view);
    viewOrigins.set(view, { base: corpus, guildId: key });
  }
  return view;
}

/** The guild ids that have articles of their own in the corpus (none for a view or a corpus of shared articles only). */
export function guildsWithArticles(corpus: Corpus): ReadonlySet<string> {
  return viewOrigins.has(corpus) ? new Set() : (scopesOf(corpus)?.guilds ?? new Set());
}

/**
 * Does now what a view otherwise does on its first searches (which paragraphs, names and
 * headlines it sees; its name groups: about 0.1 s at 100 000 paragraphs), so that no member's
 * question pays for it. Nothing to do for a corpus that is not a view.
 */
export function warmScope(view: Corpus): void {
  if (!viewOrigins.has(view)) return;
  view.search.names('', { limit: 1 });
  view.search.articles('', 1);
  view.search.paragraphs('news', { limit: 1, wordsOnly: true });
}

function scopesOf(corpus: Corpus): Scopes | null {
  let scopes = scopesByCorpus.get(corpus);
  if (scopes === undefined) {
    const guilds = new Set<string>();
    for (const { article } of corpus.articles) {
      const scope = scopeOf(article);
      if (scope !== null) guilds.add(scope);
    }
    scopes = guilds.size === 0 ? null : { guilds, views: new Map() };
    scopesByCorpus.set(corpus, scopes);
  }
  return scopes;
}

function makeView(corpus: Corpus, guildId: string | null): Corpus {
  const articles = corpus.articles.filter(({ article }) => isVisibleIn(article, guildId));
  const visible: ReadonlySet<string> = new Set(articles.map(({ article }) => article.id));
  const base = corpus.search;
  // The index restricts itself (so limits count visible hits only); the filter after it is a
  // second lock, for an index that would not honour `articles`.
  const seen = <T extends { article: string }>(hits: T[]): T[] => hits.filter((hit) => visible.has(hit.article));
  const search: SearchIndex = {
    paragraphs: (query, options) => seen(base.paragraphs(query, { ...options, articles: visible })),
    names: (query, options) => seen(base.names(query, { ...options, articles: visible })),
    articles: (query, limit, options) => seen(base.articles(query, limit, { ...options, articles: visible })),
  };
  return {
    ...corpus,
    articles,
    byId: new Map(articles.map((a) => [a.article.id, a])),
    search,
    skipped: corpus.skipped.filter((s) => {
      const scope = guildOfPath(s.file);
      return scope === null || scope === guildId;
    }),
  };
}

/** A file (or folder) under `guilds/<guild id>/` belongs to that guild; null for any other path. */
const GUILD_PATH = new RegExp(`(?:^|[\\\\/])${GUILDS_FOLDER}[\\\\/](${DISCORD_ID_SOURCE})(?:[\\\\/][^\\\\/]+)?$`);

function guildOfPath(file: string): string | null {
  return GUILD_PATH.exec(file)?.[1] ?? null;
}
