import { userError, type UserError } from '../model/user-error.ts';

/** Why the bot refused to run a command for a member: a cooldown still running, or missing permissions. */
export type BotRefusalCode = 'cooldown' | 'forbidden';

/** A refusal of the bot's own (not the engine's): rendered like a user error, privately. */
export type BotRefusal = UserError<BotRefusalCode>;

export function botRefusal(code: BotRefusalCode, message: string): BotRefusal {
  return userError(code, message);
}
