import type { Client } from 'discord.js';
import type { AnnouncementPoster } from '../news/announcement-poster.ts';
import type { DiscordPayload } from '../render/discord/discord-payload.ts';
import type { RunCommand } from './command-module.ts';
import { buildAnnouncement, failedDefinitely, postAnnouncement } from './post-announcement.ts';
import { alertPayload, isClosedDirectMessages } from './watch-alert-post.ts';

/** The announcer's poster on Discord: summaries drawn by the Discord renderer (through `run`), posted by `client`. */
export function discordAnnouncementPoster(client: Client, run: RunCommand): AnnouncementPoster<DiscordPayload> {
  return {
    prepare: (item, corpus) => (item.alert ? alertPayload(item.alert) : buildAnnouncement(corpus, item.articleId, item.link, run)),
    async send(item, payload, beforeSend) {
      // A direct message goes to the member's DM channel (opened here: its id is not the member's).
      const channelId = item.alert?.dm ? (await client.users.createDM(item.channelId)).id : item.channelId;
      return postAnnouncement(
        client,
        channelId,
        item.alert ? `${item.articleId}#${item.alert.kind}` : item.articleId,
        payload,
        item.attemptedAt ? Date.parse(item.attemptedAt) : null,
        beforeSend,
      );
    },
    failedDefinitely,
    isClosedDirectMessages,
  };
}
