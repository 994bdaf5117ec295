import { COMMANDS } from '../answers/command-spec.ts';

/**
 * The terminal-only question (src/cli/watch-test-question.ts): which loaded articles a watch would
 * fire for. Not one of COMMANDS (Discord's /watch adds and removes watches; this only tries one).
 */
const WATCH_TEST_HELP = '  /watch test person:… | topic:… [quoted-only:true]\n      Which loaded articles a watch would fire for';

/** The commands and their options, as shown by --help and the prompt's `help`. */
export function commandsHelp(): string {
  const commands = COMMANDS.map((c) => {
    const opts = c.options.map((o) => (o.required ? `${o.name}:…` : `[${o.name}:…]`)).join(' ');
    return `  /${c.name} ${opts}\n      ${c.description}`;
  });
  return [...commands, WATCH_TEST_HELP].join('\n');
}

/** The prompt's `help`: the commands, how values are written, and how to leave. */
export function promptHelp(): string {
  return [
    commandsHelp(),
    '',
    '  A value runs until the next name: (/related topic:wagner mercenaries), or quote it: /quote about:"the OSCE".',
    '  "quit" (or Ctrl-D) leaves.',
  ].join('\n');
}
