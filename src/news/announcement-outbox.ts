/**
 * The announcer's outbox is kept by the store (src/store/announcement-outbox.ts: its records, keys
 * and file), which sits below the news services. What the bot's start-up reads from here before
 * logging in (src/bot/bot-main.ts) is named again for it.
 */
export { readOutbox, type OutboxRead } from '../store/announcement-outbox.ts';
