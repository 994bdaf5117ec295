import { MessageFlags } from 'discord.js';
import { expect } from 'vitest';

/** The calls of an interaction answered once, privately (ephemeral), with a text containing `text`. */
export function onePrivateReply(text: string): unknown[] {
  return [{ method: 'reply', body: expect.objectContaining({ content: expect.stringContaining(text), flags: MessageFlags.Ephemeral }) }];
}
