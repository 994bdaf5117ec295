const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Makes any text (user input or article text) inert in a Discord message: markdown is
 * escaped and mentions (@everyone, @here, <@id>, <@&id>, <#id>) cannot render or ping.
 * Payloads also carry `allowedMentions: { parse: [] }`; this is the second lock.
 *
 * Linear in the length of the text (discord.js's escapeMarkdown is quadratic on long
 * words): every inline markdown character gets a backslash, and block markers (quote,
 * heading, list) are escaped at the start of a line.
 */
export function escapeText(text: string): string {
  return text
    .replace(/[\\*_`~|[\]]/g, '\\$&')
    .replace(/^(\s*)([>#+-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\./gm, '$1\\.')
    .replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(/<(@[!&]?|#)(\d+)>/g, `<${ZERO_WIDTH_SPACE}$1$2>`)
    .replace(/<(\/[^>\s]*:\d+)>/g, `<${ZERO_WIDTH_SPACE}$1>`);
}
