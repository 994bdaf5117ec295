/** The permission bits the fake server cares about (values as in Discord's API). */
export const Permission = {
  CreateInstantInvite: 1n << 0n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseExternalEmojis: 1n << 18n,
  ChangeNickname: 1n << 26n,
  UseApplicationCommands: 1n << 31n,
  SendMessagesInThreads: 1n << 38n,
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
} as const;

/** Every permission bit set (what an administrator effectively has). */
export const ALL_PERMISSIONS = (1n << 53n) - 1n;

/** What @everyone may do in the fake guild: read, write, embed, attach, use commands. */
export const EVERYONE_PERMISSIONS =
  Permission.CreateInstantInvite |
  Permission.AddReactions |
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.AttachFiles |
  Permission.ReadMessageHistory |
  Permission.UseExternalEmojis |
  Permission.ChangeNickname |
  Permission.UseApplicationCommands |
  Permission.SendMessagesInThreads;

/** What the fake guild's "news-admins" role adds: Manage Server (the admin user holds it). */
export const ADMIN_ROLE_PERMISSIONS = EVERYONE_PERMISSIONS | Permission.ManageGuild;

/** A permission overwrite as Discord sends it (type 0 = role, 1 = member). */
export interface PermissionOverwrite {
  id: string;
  type: 0 | 1;
  allow: string;
  deny: string;
}

/** What the permission computation needs to know about a guild member. */
export interface PermissionSubject {
  userId: string;
  roleIds: string[];
}

/** What the permission computation needs to know about the guild. */
export interface PermissionGuild {
  id: string;
  ownerId: string;
  /** Role id → permission bits; the @everyone role has the guild's id. */
  rolePermissions: Map<string, bigint>;
}

/** Computes a member's guild-wide permissions (@everyone plus their roles). */
export function computeBasePermissions(guild: PermissionGuild, subject: PermissionSubject): bigint {
  if (subject.userId === guild.ownerId) return ALL_PERMISSIONS;
  let permissions = guild.rolePermissions.get(guild.id) ?? 0n;
  for (const roleId of subject.roleIds) permissions |= guild.rolePermissions.get(roleId) ?? 0n;
  return (permissions & Permission.Administrator) !== 0n ? ALL_PERMISSIONS : permissions;
}

/**
 * Computes a member's permissions in a channel the way Discord documents it:
 * base permissions, then the @everyone overwrite, then role overwrites together, then the
 * member's own overwrite.
 */
export function computeChannelPermissions(guild: PermissionGuild, subject: PermissionSubject, overwrites: PermissionOverwrite[]): bigint {
  let permissions = computeBasePermissions(guild, subject);
  if (permissions === ALL_PERMISSIONS) return permissions;
  const apply = (overwrite: PermissionOverwrite | undefined): void => {
    if (!overwrite) return;
    permissions = (permissions & ~BigInt(overwrite.deny)) | BigInt(overwrite.allow);
  };
  apply(overwrites.find((o) => o.type === 0 && o.id === guild.id));
  let roleAllow = 0n;
  let roleDeny = 0n;
  for (const o of overwrites) {
    if (o.type === 0 && subject.roleIds.includes(o.id)) {
      roleAllow |= BigInt(o.allow);
      roleDeny |= BigInt(o.deny);
    }
  }
  permissions = (permissions & ~roleDeny) | roleAllow;
  apply(overwrites.find((o) => o.type === 1 && o.id === subject.userId));
  return permissions;
}
