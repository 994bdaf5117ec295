import type { UserError } from '../../model/user-error.ts';
import { textPayload, type DiscordPayload } from './discord-payload.ts';
import { escapeAndTruncate } from './fit-text.ts';
import { didYouMean } from './render-quotes.ts';

/** A user error as a short message (sent ephemerally), with "Did you mean …?" when there are suggestions. */
export function renderUserError(error: UserError<string>): DiscordPayload {
  const message = escapeAndTruncate(error.error.message, 1500);
  const suggestions = didYouMean(error.error.suggestions ?? []);
  return textPayload(suggestions ? `${message}\n${suggestions}` : message);
}
