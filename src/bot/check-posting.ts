import { PermissionsBitField, type PermissionResolvable } from 'discord.js';
import { botRefusal, type BotRefusal } from './bot-refusal.ts';

/** Flags whose name in Discord's client is not their API name split into words. */
const CLIENT_NAMES: Readonly<Record<string, string>> = { ManageGuild: 'Manage Server' };

/** A permission as Discord's client names it ("Send Messages" for SendMessages, "Manage Server" for ManageGuild). */
export function permissionName(permission: bigint): string {
  const flag = new PermissionsBitField(permission).toArray()[0];
  if (!flag) return String(permission);
  return CLIENT_NAMES[flag] ?? flag.replace(/(?<=[a-z])(?=[A-Z])/g, ' ');
}

function missing(permissions: PermissionsBitField | null, needed: readonly bigint[]): string[] {
  return needed.filter((p) => !permissions?.has(p, true)).map(permissionName);
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
 * Decides whether an answer may be posted in a channel: the member and the bot must have the
 * permissions the command declares there. Returns the refusal, or null.
 * Unknown permissions count as missing.
 */
export function checkPosting(
  channelLabel: string,
  needs: { memberPermissions: readonly bigint[]; botPermissions: readonly bigint[] },
  member: PermissionsBitField | null,
  bot: PermissionsBitField | null,
): BotRefusal | null {
  const memberMissing = missing(member, needs.memberPermissions);
  if (memberMissing.length > 0) {
    return botRefusal('forbidden', `You can't post in ${channelLabel}: you need ${memberMissing.join(' and ')} there.`);
  }
  const botMissing = missing(bot, needs.botPermissions);
  if (botMissing.length > 0) {
    return botRefusal(
      'forbidden',
      `I can't post in ${channelLabel}: I need ${botMissing.join(' and ')} there. Ask a moderator, or pick another channel.`,
    );
  }
  return null;
}
