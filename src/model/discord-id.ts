/**
 * A Discord id (a snowflake: a 64-bit number written in decimal) as Pilcrow accepts one for a
 * server, a channel or an application: 15 to 21 digits, no leading zero (real ids have 17 to 20;
 * the margin is for the oldest and for later ones). The one check of such an id, which also
 * keeps a server's folder name from ever being a path.
 */

/** The id's digits as a RegExp source, for patterns that hold one (a server's folder in a path). */
export const DISCORD_ID_SOURCE = '[1-9]\\d{14,20}';

/** A whole text that is a Discord id (for zod's `.regex`). */
export const DISCORD_ID = new RegExp(`^${DISCORD_ID_SOURCE}$`);

/** Whether `value` is a Discord id. */
export function isDiscordId(value: string): boolean {
  return DISCORD_ID.test(value);
}
