import type { RoundupAnswer } from '../model/answer.ts';

/**
 * How the digest schedules reach a chat: their one door to Discord. The bot's edge makes it from
 * its client (src/bot/discord-roundup-poster.ts); a test passes its own. `Payload` is the
 * message as that chat takes it; the schedules never look inside it.
 */
export interface RoundupPoster<Payload = unknown> {
  /** The daily round-up as a message. */
  prepare(answer: RoundupAnswer): Payload;
  /** Posts it in a channel with `nonce` (the same for every attempt at one slot, so a retry is not posted twice); throws when the post failed. */
  send(channelId: string, payload: Payload, nonce: string): Promise<void>;
  /** Whether a failed post was refused in a way a retry will not change (no such channel, no access, a message refused). */
  refusedForGood(err: unknown): boolean;
}
