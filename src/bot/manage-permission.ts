import type { BaseInteraction, PermissionsBitField } from 'discord.js';
import { botRefusal, type BotRefusal } from './bot-refusal.ts';
import { permissionName, toPermissions } from './check-posting.ts';

/** What is read of an interaction: whether it came from a server, and the member's permissions there. */
export type MemberFacts = Pick<BaseInteraction, 'inGuild' | 'memberPermissions'>;

/**
 * Refuses, unless the interaction comes from a server and the member holds every permission in
 * `needed` there (an Administrator holds all): "You need the Manage Server permission to
 * {purpose}." Permissions Discord did not send count as missing. Null when allowed.
 */
export function checkMemberPermissions(
  interaction: MemberFacts,
  needed: readonly bigint[],
  purpose: string,
  command: string,
): BotRefusal | null {
  if (!interaction.inGuild()) {
    return botRefusal('forbidden', `/${command} manages a server's news: use it in a server, not in a direct message.`);
  }
  if (needed.length === 0) return null;
  const held: PermissionsBitField | null = toPermissions(interaction.memberPermissions ?? null);
  const missing = needed.filter((p) => !held?.has(p, true)).map(permissionName);
  if (missing.length === 0) return null;
  const plural = missing.length > 1 ? 'permissions' : 'permission';
  return botRefusal('forbidden', `You need the ${missing.join(' and ')} ${plural} to ${purpose}. Ask a server admin.`);
}
