import type { Corpus } from '../model/corpus.ts';
import type { UserError } from '../model/user-error.ts';
import type { QueuedAnnouncement } from '../store/announcement-outbox.ts';

/**
 * How the announcer reaches a chat: the one door from the news services to Discord. The bot's
 * edge makes it from its client (src/bot/discord-announcement-poster.ts); a test passes its own.
 * `Payload` is the message as that chat takes it; the announcer never looks inside it.
 */
export interface AnnouncementPoster<Payload = unknown> {
  /** The message of a queued announcement (an article's summary, or a watch alert), or why there is nothing to announce. */
  prepare(item: QueuedAnnouncement, corpus: Corpus): Payload | UserError<string>;
  /**
   * Posts it where the item says (a channel, or the member's direct messages), at most once:
   * when `item.attemptedAt` is set (an earlier attempt got no answer) an announcement found
   * already made counts as made ('found'). `beforeSend` is awaited just before sending (the
   * attempt is recorded there). Throws when the post failed.
   */
  send(item: QueuedAnnouncement, payload: Payload, beforeSend: () => Promise<void>): Promise<'posted' | 'found'>;
  /** Whether a failed post got a definite answer, so it certainly was not made (else it may have been). */
  failedDefinitely(err: unknown): boolean;
  /** Whether a failed post was to a member who takes no direct messages (the alert is then dropped, not retried). */
  isClosedDirectMessages(err: unknown): boolean;
}
