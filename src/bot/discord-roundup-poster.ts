import type { Client } from 'discord.js';
import type { RoundupPoster } from '../news/roundup-poster.ts';
import type { DiscordPayload } from '../render/discord/discord-payload.ts';
import { renderAnswer } from '../render/discord/render-answer.ts';
import { ChannelNotSendableError, failedDefinitely } from './post-announcement.ts';

/** The digest schedules' poster on Discord: the round-up drawn by the Discord renderer, posted by `client`. */
export function discordRoundupPoster(client: Client): RoundupPoster<DiscordPayload> {
  return {
    prepare: (answer) => renderAnswer(answer).payload,
    async send(channelId, payload, nonce) {
      const channel = await client.channels.fetch(channelId).catch((err: unknown) => {
        if (failedDefinitely(err)) throw new ChannelNotSendableError(`the channel ${channelId} cannot be fetched: ${String(err)}`);
        throw err;
      });
      if (!channel || !channel.isSendable())
        throw new ChannelNotSendableError(`the channel ${channelId} is not a channel the bot can send to`);
      await channel.send({ ...payload, nonce, enforceNonce: true });
    },
    refusedForGood,
  };
}

/** A refusal a retry will not change (no such channel, no access, a payload Discord rejects); not a 429 or a 5xx. */
function refusedForGood(err: unknown): boolean {
  if (err instanceof ChannelNotSendableError) return true;
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && status !== 429;
}
