import path from 'node:path';
import { parseFlags } from './parse-flags.ts';

export interface CliArgs {
  /** Print answers (and errors) as JSON. */
  json: boolean;
  /** Say why each quote's speaker was chosen. */
  explain: boolean;
  /** Print the cleaned, numbered articles instead of answering. */
  articles: boolean;
  help: boolean;
  /** The articles directory, absolute. */
  dataDir: string;
  /** The question given on the command line (its words joined), or null to read standard input. */
  question: string | null;
}

/**
 * The terminal front end's flags, parsed by node:util parseArgs: `--json`, `--explain`, `--articles`,
 * `--data DIR` (or `--data=DIR`), `--help`/`-h`; everything else is the question's words.
 * A flag Pilcrow does not know, or `--data` without a directory, is an error message.
 */
export function readCliArgs(argv: string[], defaultDataDir: string): CliArgs | { error: string } {
  const parsed = parseFlags(argv, {
    json: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    articles: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
    data: { type: 'string' },
  });
  if ('error' in parsed) return parsed;
  const { values, positionals } = parsed;
  return {
    json: values.json,
    explain: values.explain,
    articles: values.articles,
    help: values.help,
    dataDir: path.resolve(values.data ?? defaultDataDir),
    question: positionals.length > 0 ? positionals.join(' ') : null,
  };
}
