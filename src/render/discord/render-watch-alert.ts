/**
 * Watch alerts as Discord text: one short cited line per match (`**Lavrov** quoted in “Title” —
 * “…” (¶ 4)`) and the link; a burst of matches as one round-up. Plain text within 2000
 * characters, mentions disabled where sent.
 */
import type { WatchAlert } from '../../model/watch-spec.ts';
import { DISCORD_LIMITS } from './discord-limits.ts';
import { escapeAndTruncate } from './fit-text.ts';
import { formatCitation } from './layout-pages.ts';
import { safeUrl } from './render-paged-embed.ts';

/** Characters of an excerpt shown in an alert line. */
const EXCERPT = 160;
/** Characters of a headline shown. */
const TITLE = 120;
/** Articles listed by name in a round-up; the rest are counted. */
const ROUNDUP_LISTED = 10;

/** One match as a line: who or what, how, where, the words, the paragraph. */
export function alertLine(alert: WatchAlert): string {
  const title = `“${escapeAndTruncate(alert.title, TITLE)}”`;
  const cite = alert.paragraph === null ? '(headline)' : `(${formatCitation(alert.paragraph)})`;
  const words = `“${escapeAndTruncate(alert.excerpt, EXCERPT)}”`;
  if (alert.kind === 'topic') return `About **${escapeAndTruncate(alert.label, 100)}**: ${title} — ${words} ${cite}`;
  const named = escapeAndTruncate(alert.label, 100);
  const watched = alert.label.toLowerCase().includes(alert.watched.toLowerCase()) ? '' : ` (${escapeAndTruncate(alert.watched, 100)})`;
  return `**${named}**${watched} ${alert.quoted ? 'quoted' : 'named'} in ${title} — ${words} ${cite}`;
}

/** The alert of one article: its matches (several watches → one message), then its link. */
export function renderAlertContent(alerts: readonly WatchAlert[]): string {
  const link = safeUrl(alerts[0]?.link ?? null);
  const lines = alerts.map(alertLine);
  if (link) lines.push(link);
  return fit(lines);
}

/** One message for a burst: how many articles matched, the first few by headline. */
export function renderRoundupContent(alerts: readonly WatchAlert[]): string {
  const articles = new Map<string, WatchAlert>();
  for (const a of alerts) if (!articles.has(a.articleId)) articles.set(a.articleId, a);
  const watched = [...new Set(alerts.map((a) => a.watched))].slice(0, 5).map((w) => `**${escapeAndTruncate(w, 60)}**`);
  const lines = [`${articles.size} new articles match your watches on ${watched.join(', ')}:`];
  for (const a of [...articles.values()].slice(0, ROUNDUP_LISTED)) {
    const link = safeUrl(a.link);
    lines.push(`• ${alertLine(a)}${link ? ` <${link}>` : ''}`);
  }
  if (articles.size > ROUNDUP_LISTED) lines.push(`…and ${articles.size - ROUNDUP_LISTED} more; ask /related or /who about them.`);
  return fit(lines);
}

/** Lines joined within Discord's content limit, whole lines only (the last one cut if it alone is too long). */
function fit(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) {
    const next = out === '' ? line : `${out}\n${line}`;
    if (next.length > DISCORD_LIMITS.content) return out === '' ? line.slice(0, DISCORD_LIMITS.content) : out;
    out = next;
  }
  return out;
}
