import { channelPayload, findChannel, memberPayload, permissionsIn, type World, type WorldChannel } from './world.ts';

/** Interaction types as Discord numbers them. */
export const InteractionType = { ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4 } as const;

/** Option values a test may give; the option type is derived from the value. */
export type OptionValues = Record<string, string | number | boolean>;

/** Who invokes an interaction, and where. */
export interface InteractionContext {
  id: string;
  token: string;
  userId: string;
  channelId: string;
}

/** The channel an interaction happens in, or an error naming the unknown id. */
function requireChannel(world: World, channelId: string): WorldChannel {
  const channel = findChannel(world, channelId);
  if (!channel) throw new Error(`fake-discord: unknown channel ${channelId}`);
  return channel;
}

/** Fields every guild interaction carries, as Discord sends them. */
function buildBase(world: World, context: InteractionContext, type: number): Record<string, unknown> {
  const channel = requireChannel(world, context.channelId);
  const memberPermissions = permissionsIn(world, context.userId, channel);
  return {
    id: context.id,
    application_id: world.applicationId,
    type,
    token: context.token,
    version: 1,
    guild_id: world.guildId,
    guild: { id: world.guildId, locale: 'en-US', features: [] },
    channel: { ...channelPayload(world, channel), permissions: String(memberPermissions) },
    channel_id: channel.id,
    member: { ...memberPayload(world, context.userId), permissions: String(memberPermissions) },
    app_permissions: String(permissionsIn(world, world.botUserId, channel)),
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': world.guildId },
    context: 0,
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

/** The Discord option type for a value: string 3, integer 4, boolean 5, number 10 (channel 7). */
function optionType(value: string | number | boolean, isChannel: boolean): number {
  if (isChannel) return 7;
  if (typeof value === 'boolean') return 5;
  if (typeof value === 'number') return Number.isInteger(value) ? 4 : 10;
  return 3;
}

/** An attachment as Discord resolves it in `data.resolved.attachments`. */
export interface ResolvedAttachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type?: string;
  ephemeral: boolean;
}

/** How options are laid out: a subcommand wraps them; attachment options point into resolved.attachments. */
export interface OptionLayout {
  subcommand?: string;
  attachments?: Record<string, ResolvedAttachment>;
}

/** Builds `data.options` and `data.resolved` for a command interaction. */
function buildOptions(
  world: World,
  userId: string,
  options: OptionValues,
  channelOptionIds: string[],
  focused?: string,
  layout: OptionLayout = {},
): { options: unknown[]; resolved?: unknown } {
  const laid = buildFlatOptions(world, userId, options, channelOptionIds, focused);
  const attachments = Object.entries(layout.attachments ?? {});
  const flat = [...laid.options, ...attachments.map(([name, a]) => ({ name, type: 11, value: a.id }))];
  const resolved: Record<string, unknown> = { ...(laid.resolved ?? {}) };
  if (attachments.length > 0) resolved.attachments = Object.fromEntries(attachments.map(([, a]) => [a.id, a]));
  const built = layout.subcommand ? [{ name: layout.subcommand, type: 1, options: flat }] : flat;
  return Object.keys(resolved).length > 0 ? { options: built, resolved } : { options: built };
}

/** Builds the options themselves (no subcommand) and the channels they resolve. */
function buildFlatOptions(
  world: World,
  userId: string,
  options: OptionValues,
  channelOptionIds: string[],
  focused?: string,
): { options: unknown[]; resolved?: { channels: Record<string, unknown> } } {
  const channels: Record<string, unknown> = {};
  const built = Object.entries(options).map(([name, value]) => {
    const isChannel = channelOptionIds.includes(name);
    if (isChannel) {
      const channel = requireChannel(world, String(value));
      channels[channel.id] = {
        id: channel.id,
        name: channel.name,
        type: 0,
        guild_id: world.guildId,
        parent_id: null,
        nsfw: false,
        flags: 0,
        last_message_id: null,
        rate_limit_per_user: 0,
        topic: null,
        position: channel.position,
        permissions: String(permissionsIn(world, userId, channel)),
      };
    }
    return {
      name,
      type: name === focused ? 3 : optionType(value, isChannel),
      value: isChannel ? String(value) : value,
      ...(name === focused ? { focused: true } : {}),
    };
  });
  return Object.keys(channels).length > 0 ? { options: built, resolved: { channels } } : { options: built };
}

/** INTERACTION_CREATE payload for a chat-input (slash) command. */
export function buildSlashInteraction(
  world: World,
  context: InteractionContext,
  command: { id: string; name: string },
  options: OptionValues,
  channelOptionIds: string[],
  layout: OptionLayout = {},
): Record<string, unknown> {
  return {
    ...buildBase(world, context, InteractionType.ApplicationCommand),
    data: {
      id: command.id,
      name: command.name,
      type: 1,
      guild_id: world.guildId,
      ...buildOptions(world, context.userId, options, channelOptionIds, undefined, layout),
    },
  };
}

/** INTERACTION_CREATE payload for autocomplete on option `focused` (typed as a string option). */
export function buildAutocompleteInteraction(
  world: World,
  context: InteractionContext,
  command: { id: string; name: string },
  focused: string,
  value: string,
  options: OptionValues,
  layout: OptionLayout = {},
): Record<string, unknown> {
  const { options: built } = buildOptions(world, context.userId, { ...options, [focused]: value }, [], focused, layout);
  return {
    ...buildBase(world, context, InteractionType.Autocomplete),
    data: { id: command.id, name: command.name, type: 1, guild_id: world.guildId, options: built },
  };
}

/** INTERACTION_CREATE payload for a button press on `message`. */
export function buildButtonInteraction(
  world: World,
  context: InteractionContext,
  customId: string,
  message: unknown,
): Record<string, unknown> {
  return {
    ...buildBase(world, context, InteractionType.MessageComponent),
    data: { custom_id: customId, component_type: 2 },
    message,
  };
}
