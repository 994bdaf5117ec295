import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed } from 'discord.js';

/** Mentions are never parsed in anything Pilcrow sends. */
export const NO_MENTIONS = Object.freeze({ parse: [] as [] });

/**
 * A message as the Discord renderers produce it: plain JSON that discord.js accepts for
 * reply / editReply / update / send. Ephemerality is decided by the bot, not here.
 */
export interface DiscordPayload {
  content?: string;
  embeds: APIEmbed[];
  components: Array<APIActionRowComponent<APIButtonComponentWithCustomId>>;
  allowedMentions: { parse: [] };
}

/** A rendered answer and where it sits among its pages (page is 0-based). */
export interface RenderedAnswer {
  payload: DiscordPayload;
  page: number;
  pageCount: number;
}

/** Number of characters Discord counts towards the 6000 limit of one embed. */
export function embedLength(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

/** A text-only payload (notices, apologies, confirmations), shortened to Discord's content limit. */
export function textPayload(content: string): DiscordPayload {
  return {
    content: content.length <= 2000 ? content : content.slice(0, 1999) + '…',
    embeds: [],
    components: [],
    allowedMentions: { parse: [] },
  };
}
