import {
  ADMIN_ROLE_PERMISSIONS,
  computeChannelPermissions,
  EVERYONE_PERMISSIONS,
  Permission,
  type PermissionGuild,
  type PermissionOverwrite,
} from './permissions.ts';
import type { SnowflakeSource } from './snowflake.ts';
import type { FakeDiscordOptions } from './types.ts';

/** One text channel of the fake guild, with the permissions the options asked for. */
export interface WorldChannel {
  id: string;
  name: string;
  position: number;
  overwrites: PermissionOverwrite[];
}

/** The fixed state of the fake Discord: one application, one guild, its channels and members. */
export interface World {
  token: string;
  applicationId: string;
  guildId: string;
  ownerUserId: string;
  botUserId: string;
  botRoleId: string;
  memberUserId: string;
  /** A member holding the "news-admins" role (Manage Server), not the owner. */
  adminUserId: string;
  adminRoleId: string;
  channels: WorldChannel[];
  createdAt: string;
}

/** Permission-relevant facts for the fake guild. */
function toPermissionGuild(world: World): PermissionGuild {
  return {
    id: world.guildId,
    ownerId: world.ownerUserId,
    rolePermissions: new Map([
      [world.guildId, EVERYONE_PERMISSIONS],
      [world.botRoleId, EVERYONE_PERMISSIONS],
      [world.adminRoleId, ADMIN_ROLE_PERMISSIONS],
    ]),
  };
}

/** Builds the overwrites that make a channel behave as its options say. */
function buildOverwrites(
  world: Pick<World, 'guildId' | 'botUserId'>,
  spec: { botCanSend?: boolean; botCanEmbed?: boolean; memberCanSend?: boolean },
): PermissionOverwrite[] {
  const overwrites: PermissionOverwrite[] = [];
  if (spec.memberCanSend === false) {
    overwrites.push({ id: world.guildId, type: 0, allow: '0', deny: String(Permission.SendMessages) });
  }
  let botAllow = 0n;
  let botDeny = 0n;
  if (spec.botCanSend === false) botDeny |= Permission.SendMessages;
  else if (spec.memberCanSend === false) botAllow |= Permission.SendMessages;
  if (spec.botCanEmbed === false) botDeny |= Permission.EmbedLinks;
  if (botAllow !== 0n || botDeny !== 0n) {
    overwrites.push({ id: world.botUserId, type: 1, allow: String(botAllow), deny: String(botDeny) });
  }
  return overwrites;
}

/** Creates the fake guild with its default channel plus the channels the options list. */
export function createWorld(options: FakeDiscordOptions, nextId: SnowflakeSource): World {
  const ids = {
    applicationId: nextId(),
    guildId: nextId(),
    ownerUserId: nextId(),
    botRoleId: nextId(),
    // Before the member, whose id tests count up from to make more members.
    adminRoleId: nextId(),
    adminUserId: nextId(),
    memberUserId: nextId(),
  };
  const world: World = {
    token: `fake-bot-token.${ids.applicationId}.${Math.random().toString(36).slice(2)}`,
    ...ids,
    botUserId: ids.applicationId,
    channels: [],
    createdAt: new Date().toISOString(),
  };
  const specs = [{ name: 'general' } as NonNullable<FakeDiscordOptions['channels']>[number], ...(options.channels ?? [])];
  world.channels = specs.map((spec, position) => ({
    id: spec.id ?? nextId(),
    name: spec.name,
    position,
    overwrites: buildOverwrites(world, spec),
  }));
  return world;
}

/** Finds a channel of the fake guild by id. */
export function findChannel(world: World, channelId: string): WorldChannel | undefined {
  return world.channels.find((c) => c.id === channelId);
}

/** The roles a user holds in the fake guild. */
function rolesOf(world: World, userId: string): string[] {
  if (userId === world.botUserId) return [world.botRoleId];
  return userId === world.adminUserId ? [world.adminRoleId] : [];
}

/** A user's effective permissions in a channel of the fake guild, as Discord computes them. */
export function permissionsIn(world: World, userId: string, channel: WorldChannel): bigint {
  return computeChannelPermissions(toPermissionGuild(world), { userId, roleIds: rolesOf(world, userId) }, channel.overwrites);
}

/** A user object as Discord sends it. */
export function userPayload(world: World, userId: string): Record<string, unknown> {
  const isBot = userId === world.botUserId;
  const username = isBot
    ? 'pilcrow-test-bot'
    : userId === world.ownerUserId
      ? 'guild-owner'
      : userId === world.adminUserId
        ? 'news-admin'
        : `member-${userId.slice(-4)}`;
  return {
    id: userId,
    username,
    discriminator: isBot ? '0001' : '0',
    global_name: isBot ? null : username,
    avatar: null,
    bot: isBot,
    system: false,
    public_flags: 0,
    flags: 0,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    ...(isBot ? { verified: true, mfa_enabled: false, email: null } : {}),
  };
}

/** A guild member object as Discord sends it (without the per-interaction permissions). */
export function memberPayload(world: World, userId: string): Record<string, unknown> {
  return {
    user: userPayload(world, userId),
    nick: null,
    avatar: null,
    banner: null,
    roles: rolesOf(world, userId),
    joined_at: world.createdAt,
    premium_since: null,
    deaf: false,
    mute: false,
    pending: false,
    flags: 0,
    communication_disabled_until: null,
  };
}

/** A guild text channel object as Discord sends it. */
export function channelPayload(world: World, channel: WorldChannel): Record<string, unknown> {
  return {
    id: channel.id,
    type: 0,
    guild_id: world.guildId,
    name: channel.name,
    position: channel.position,
    permission_overwrites: channel.overwrites,
    parent_id: null,
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
  };
}

/** The guild's roles: @everyone (id = guild id), the bot's managed role and news-admins (Manage Server). */
export function rolesPayload(world: World): Array<Record<string, unknown>> {
  const role = (id: string, name: string, position: number, managed: boolean, permissions = EVERYONE_PERMISSIONS) => ({
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: String(permissions),
    managed,
    mentionable: false,
    flags: 0,
    ...(managed ? { tags: { bot_id: world.botUserId } } : {}),
  });
  return [
    role(world.guildId, '@everyone', 0, false),
    role(world.botRoleId, 'pilcrow-test-bot', 1, true),
    role(world.adminRoleId, 'news-admins', 2, false, ADMIN_ROLE_PERMISSIONS),
  ];
}

/** The full guild object (GUILD_CREATE shape: roles, channels, members…). */
export function guildPayload(world: World): Record<string, unknown> {
  const memberIds = [world.ownerUserId, world.botUserId, world.memberUserId, world.adminUserId];
  return {
    id: world.guildId,
    name: 'Pilcrow Test Guild',
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: world.ownerUserId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: 'en-US',
    features: [],
    application_id: null,
    system_channel_id: world.channels[0]?.id ?? null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    max_members: 500000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    roles: rolesPayload(world),
    emojis: [],
    stickers: [],
    joined_at: world.createdAt,
    large: false,
    unavailable: false,
    member_count: memberIds.length,
    voice_states: [],
    members: memberIds.map((id) => memberPayload(world, id)),
    channels: world.channels.map((c) => channelPayload(world, c)),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    embedded_activities: [],
    lazy: true,
  };
}

/** The application object (GET /applications/@me and READY's `application`). */
export function applicationPayload(world: World): Record<string, unknown> {
  return {
    id: world.applicationId,
    name: 'pilcrow-test-bot',
    icon: null,
    description: 'A fake application for end-to-end tests.',
    bot_public: true,
    bot_require_code_grant: false,
    flags: 0,
    owner: userPayload(world, world.ownerUserId),
    team: null,
    verify_key: '0'.repeat(64),
    summary: '',
    tags: [],
    approximate_guild_count: 1,
    bot: userPayload(world, world.botUserId),
  };
}
