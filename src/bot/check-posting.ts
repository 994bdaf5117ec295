import { PermissionFlagsBits, PermissionsBitField, type PermissionResolvable } from 'discord.js';
import { userError, type UserError } from '../model/user-error.ts';

/** What a member needs in a channel to have Pilcrow post there for them. */
export const MEMBER_POST_PERMISSIONS = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages] as const;
/** What the bot needs in a channel to post an answer there. */
export const BOT_POST_PERMISSIONS = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks] as const;

const NAMES: ReadonlyMap<bigint, string> = new Map([
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
]);

function missing(permissions: PermissionsBitField | null, needed: readonly bigint[]): string[] {
  if (!permissions) return needed.map((p) => NAMES.get(p) ?? String(p));
  return needed.filter((p) => !permissions.has(p, true)).map((p) => NAMES.get(p) ?? String(p));
}

/** Permissions from what discord.js gives (a bitfield, a raw string, or nothing). */
export function toPermissions(value: Exclude<PermissionResolvable, string> | string | null | undefined): PermissionsBitField | null {
  if (value === null || value === undefined) return null;
  try {
    return new PermissionsBitField(typeof value === 'string' ? BigInt(value) : value);
  } catch {
    return null;
  }
}

/**
 * Decides whether an answer may be posted in a channel: the member must be allowed to send
 * messages there, and the bot to send messages with embeds. Returns the refusal, or null.
 * Unknown permissions count as missing.
 */
export function checkPosting(channelLabel: string, member: PermissionsBitField | null, bot: PermissionsBitField | null): UserError | null {
  const memberMissing = missing(member, MEMBER_POST_PERMISSIONS);
  if (memberMissing.length > 0) {
    return userError('forbidden', `You can't post in ${channelLabel}: you need ${memberMissing.join(' and ')} there.`);
  }
  const botMissing = missing(bot, BOT_POST_PERMISSIONS);
  if (botMissing.length > 0) {
    return userError('forbidden', `I can't post in ${channelLabel}: I need ${botMissing.join(' and ')} there. Ask a moderator, or pick another channel.`);
  }
  return null;
}
