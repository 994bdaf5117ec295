import type { FeedRecord } from '../store/guild-feeds-file.ts';
import type { FeedStatus } from './feed-types.ts';

/** A subscription as an admin sees it (/feed list, /feed status): its record without the polling internals (seen items, validators). */
export function statusOf(feed: FeedRecord): FeedStatus {
  return {
    id: feed.id,
    url: feed.url,
    title: feed.title,
    channelId: feed.channelId,
    intervalMinutes: feed.intervalMinutes,
    lastCheckedAt: feed.lastCheckedAt,
    nextCheckAt: feed.nextCheckAt,
    lastOutcome: feed.lastOutcome,
    lastMessage: feed.lastMessage,
    itemsSeen: feed.itemsSeen,
    articlesAdded: feed.articlesAdded,
    consecutiveFailures: feed.failures,
  };
}
