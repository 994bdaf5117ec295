import { COMMANDS } from '../answers/command-spec.ts';

/** The commands and their options, as shown by --help and the prompt's `help`. */
export function commandsHelp(): string {
  return COMMANDS.map((c) => {
    const opts = c.options.map((o) => (o.required ? `${o.name}:…` : `[${o.name}:…]`)).join(' ');
    return `  /${c.name} ${opts}\n      ${c.description}`;
  }).join('\n');
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
