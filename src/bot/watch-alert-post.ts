import { NO_MENTIONS, type DiscordPayload } from '../render/discord/discord-payload.ts';
import { buildAnswerButtons } from '../render/discord/answer-buttons.ts';
import type { QueuedAlert } from '../store/announcement-outbox.ts';

/** A queued watch alert as a message: its text, and a button per cited paragraph (the buttons answers have). */
export function alertPayload(alert: QueuedAlert): DiscordPayload {
  return {
    content: alert.content,
    embeds: [],
    components: buildAnswerButtons(alert.citations, null),
    allowedMentions: NO_MENTIONS,
  };
}

/** Discord's "Cannot send messages to this user" (50007): the member closed their direct messages, or shares no server with the bot. */
export function isClosedDirectMessages(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 50007;
}
