import { userPayload, type World } from './world.ts';

/** Message flag: only the invoking user sees it. */
export const EPHEMERAL = 64;
/** Message flag: a deferred reply still "thinking". */
export const LOADING = 128;

/** Where a bot message came from. */
export interface MessageOrigin {
  channelId: string;
  /** Set for interaction replies and follow-ups (they are sent through the app's webhook). */
  interaction?: { id: string; type: number; userId: string; name?: string };
}

/** Builds a message object, as Discord returns it, from an outgoing message body. */
export function buildMessage(world: World, id: string, origin: MessageOrigin, body: any): any {
  const message: any = {
    id,
    type: origin.interaction ? (origin.interaction.type === 2 ? 20 : 19) : 0,
    channel_id: origin.channelId,
    author: userPayload(world, world.botUserId),
    content: '',
    embeds: [],
    components: [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: 0,
  };
  if (origin.interaction) {
    message.webhook_id = world.applicationId;
    message.application_id = world.applicationId;
    message.interaction_metadata = {
      id: origin.interaction.id,
      type: origin.interaction.type,
      user: userPayload(world, origin.interaction.userId),
      authorizing_integration_owners: { '0': world.guildId },
      ...(origin.interaction.name ? { name: origin.interaction.name } : {}),
    };
  } else {
    message.guild_id = world.guildId;
  }
  applyBody(message, body, false);
  return message;
}

/** Copies the message fields present in a body onto a message (an edit when `isEdit`). */
export function applyBody(message: any, body: any, isEdit: boolean): void {
  if (!body || typeof body !== 'object') return;
  for (const key of ['content', 'embeds', 'components', 'tts', 'poll', 'sticker_ids'] as const) {
    if (key in body && body[key] !== undefined) message[key] = body[key] ?? (key === 'content' ? '' : []);
  }
  if (Array.isArray(body.attachments)) {
    message.attachments = body.attachments.map((a: any, i: number) => ({
      id: String(a.id ?? i),
      filename: a.filename ?? `file-${i}`,
      size: 0,
      url: `https://cdn.invalid/attachments/${a.filename ?? i}`,
      proxy_url: `https://cdn.invalid/attachments/${a.filename ?? i}`,
    }));
  }
  if (typeof body.flags === 'number') {
    // Only SUPPRESS_EMBEDS (4) may change on an edit; EPHEMERAL is fixed at creation.
    message.flags = isEdit ? (message.flags & ~4) | (body.flags & 4) : body.flags;
  }
  if (isEdit) {
    message.flags &= ~LOADING;
    message.edited_timestamp = new Date().toISOString();
  }
}

/** Whether a message body would be empty (Discord answers 50006 Cannot send an empty message). */
export function isEmptyMessage(body: any, fileCount: number): boolean {
  if (fileCount > 0) return false;
  if (!body || typeof body !== 'object') return true;
  const has = (v: unknown) => (typeof v === 'string' ? v.length > 0 : Array.isArray(v) ? v.length > 0 : v != null);
  return !(has(body.content) || has(body.embeds) || has(body.components) || has(body.sticker_ids) || has(body.poll));
}
