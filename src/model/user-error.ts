/**
 * An error the user caused (bad option, nothing found): a value with a stable code and a
 * message meant for them, never thrown. Bugs throw ordinary Errors instead. These are the
 * engine's codes (the JSON contract); a front end may add its own (the bot's refusals: see
 * src/bot/bot-refusal.ts).
 */
export type UserErrorCode = 'bad-option' | 'unknown-article' | 'not-found' | 'empty-corpus' | 'bad-syntax';

export interface UserError<Code extends string = UserErrorCode> {
  error: {
    code: Code;
    message: string;
    /** Closest matches to offer ("did you mean…"), when there are any. */
    suggestions?: string[];
  };
}

export function userError<Code extends string = UserErrorCode>(code: Code, message: string, suggestions?: string[]): UserError<Code> {
  return { error: suggestions && suggestions.length > 0 ? { code, message, suggestions } : { code, message } };
}

export function isUserError(value: unknown): value is UserError<string> {
  return typeof value === 'object' && value !== null && 'error' in value;
}
