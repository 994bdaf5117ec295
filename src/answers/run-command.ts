import type { Answer } from '../model/answer.ts';
import type { Corpus } from '../model/corpus.ts';
import { userError, type UserError } from '../model/user-error.ts';
import { COMMANDS, findCommandSpec } from './command-spec.ts';
import { quote } from './quote.ts';
import { prepareQuoteCatalogue } from './quote-catalogue.ts';
import { related } from './related.ts';
import { summarize } from './summarize.ts';
import { who } from './who.ts';

export { COMMANDS };
export type { CommandSpec, OptionSpec } from './command-spec.ts';

export type CommandOptions = Record<string, string | number | undefined>;

/**
 * Answers one question: validates the options against the command's spec (unknown options,
 * types, bounds, lengths) and calls its answer function. Never throws for bad input.
 */
export function runCommand(corpus: Corpus, name: string, options: CommandOptions): Answer | UserError {
  const spec = findCommandSpec(name);
  if (!spec) {
    return userError('bad-syntax', `Unknown command "/${name.slice(0, 40)}". Try ${COMMANDS.map((c) => `/${c.name}`).join(', ')}.`);
  }
  const clean: Record<string, string | number> = {};
  for (const [key, raw] of Object.entries(options)) {
    if (raw === undefined) continue;
    const opt = spec.options.find((o) => o.name === key);
    if (!opt) {
      return userError(
        'bad-option',
        `/${spec.name} has no option "${key.slice(0, 40)}". Options: ${spec.options.map((o) => o.name).join(', ')}.`,
      );
    }
    if (opt.type === 'integer') {
      const n = typeof raw === 'number' ? raw : /^\s*[-+]?\d+\s*$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isInteger(n) || (opt.min !== undefined && n < opt.min) || (opt.max !== undefined && n > opt.max)) {
        return userError('bad-option', `${opt.name} must be a whole number from ${opt.min ?? '…'} to ${opt.max ?? '…'}.`);
      }
      clean[key] = n;
    } else {
      const s = String(raw);
      if (opt.maxLength !== undefined && s.length > opt.maxLength) {
        return userError('bad-option', `${opt.name} is too long (${s.length} characters; at most ${opt.maxLength}).`);
      }
      clean[key] = s;
    }
  }
  for (const opt of spec.options) {
    if (opt.required && clean[opt.name] === undefined) {
      return userError('bad-option', `/${spec.name} needs ${opt.name}, e.g. /${spec.name} ${opt.name}:…`);
    }
  }
  const str = (k: string): string | undefined => (typeof clean[k] === 'string' ? clean[k] : undefined);
  switch (spec.name) {
    case 'summary':
      return summarize(corpus, { article: str('article'), length: clean.length as number | undefined });
    case 'quote':
      return quote(corpus, { speaker: str('speaker'), about: str('about'), article: str('article') });
    case 'who':
      return who(corpus, { name: str('name') ?? '', article: str('article') });
    case 'related':
      return related(corpus, { topic: str('topic') ?? '', article: str('article') });
  }
}

/**
 * Builds what answers look up per corpus (the quote catalogue) in the background, in slices,
 * so no member's command pays for it; call it when a corpus is loaded or swapped in.
 */
export function prepareAnswers(corpus: Corpus): Promise<void> {
  return prepareQuoteCatalogue(corpus);
}
