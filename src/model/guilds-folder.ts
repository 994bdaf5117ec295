/**
 * The folder of the data directory holding one folder per server (`guilds/<server id>/`): the
 * server's own articles, its feeds.json and its digest schedule. Each folder is named by a
 * Discord id (isDiscordId); other names under it are ignored.
 */
export const GUILDS_FOLDER = 'guilds';
