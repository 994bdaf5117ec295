import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithCustomId } from 'discord.js';
import type { Citation } from '../../model/answer.ts';
import { citeButtonId } from './custom-ids.ts';
import { DISCORD_LIMITS } from './discord-limits.ts';
import { formatCitation } from './layout-pages.ts';

/** The page navigation of a paged answer. */
export interface PageNavigation {
  page: number;
  pageCount: number;
  /** Custom id of the button that shows `page`. */
  buttonId: (page: number) => string;
}

/** Citations without repeats, first occurrence first. */
export function uniqueCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.article}\u0000${c.paragraph}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Button rows for an answer: one "¶ n" button per cited paragraph (as many as the rows
 * allow), then ◀ ▶ when the answer has several pages.
 */
export function buildAnswerButtons(
  citations: readonly Citation[],
  navigation: PageNavigation | null,
): Array<APIActionRowComponent<APIButtonComponentWithCustomId>> {
  const paged = navigation !== null && navigation.pageCount > 1;
  const citationRows = DISCORD_LIMITS.actionRows - (paged ? 1 : 0);
  const buttons: APIButtonComponentWithCustomId[] = [];
  for (const citation of uniqueCitations(citations)) {
    if (buttons.length >= citationRows * DISCORD_LIMITS.buttonsPerRow) break;
    const customId = citeButtonId(citation.article, citation.paragraph);
    if (!customId) continue;
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: formatCitation(citation.paragraph),
      custom_id: customId,
    });
  }
  const rows: Array<APIActionRowComponent<APIButtonComponentWithCustomId>> = [];
  for (let i = 0; i < buttons.length; i += DISCORD_LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + DISCORD_LIMITS.buttonsPerRow) });
  }
  if (paged) {
    const { page, pageCount, buttonId } = navigation;
    const previous = Math.max(0, page - 1);
    const next = Math.min(pageCount - 1, page + 1);
    rows.push({
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Primary, label: '◀', custom_id: buttonId(previous), disabled: page === 0 },
        { type: ComponentType.Button, style: ButtonStyle.Primary, label: '▶', custom_id: buttonId(next), disabled: page === pageCount - 1 },
      ],
    });
  }
  return rows;
}
