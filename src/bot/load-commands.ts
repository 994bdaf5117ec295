import { readdir } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { BUNDLED_COMMANDS } from './bundled-commands.ts';
import type { CommandModule } from './command-module.ts';

/** The commands directory (commands/ at the repository root). */
export const COMMANDS_DIR = new URL('../../commands/', import.meta.url);

/**
 * Checks that a value has the shape of a command module: `data` with a name and toJSON(),
 * an `execute` function or a `subcommands` table with a handler for exactly the subcommands
 * `data` defines, and `autocomplete` a function when present. Returns what is wrong.
 */
export function checkCommandModule(value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null) return ['is not a module object'];
  const m = value as Record<string, unknown>;
  const data = m.data as { name?: unknown; toJSON?: unknown } | undefined;
  if (!data || typeof data !== 'object') problems.push('has no `data` export');
  else {
    if (typeof data.name !== 'string' || !/^[-_\p{L}\p{N}]{1,32}$/u.test(data.name))
      problems.push('`data.name` is not a valid command name');
    if (typeof data.toJSON !== 'function') problems.push('`data` has no toJSON() (use SlashCommandBuilder)');
  }
  if (m.subcommands === undefined) {
    if (typeof m.execute !== 'function') problems.push('has no `execute(interaction, ctx)` export (nor a `subcommands` table)');
  } else {
    if (m.execute !== undefined) problems.push('has both `execute` and `subcommands`: the dispatcher runs one or the other');
    problems.push(...checkSubcommands(m.subcommands, data));
  }
  if (m.autocomplete !== undefined && typeof m.autocomplete !== 'function') problems.push('`autocomplete` is not a function');
  if (m.rules !== undefined) problems.push(...checkRules(m.rules));
  return problems;
}

/** The subcommands a definition declares (options of type 1), or null when its JSON cannot be read. */
function definedSubcommands(data: { toJSON?: unknown } | undefined): string[] | null {
  if (typeof data?.toJSON !== 'function') return null;
  const json = (data.toJSON as () => unknown).call(data) as { options?: Array<{ type?: unknown; name?: unknown }> } | undefined;
  return (json?.options ?? []).filter((o) => o.type === 1 && typeof o.name === 'string').map((o) => o.name as string);
}

/** Checks a `subcommands` table: a handler for each subcommand `data` defines, and for none other. */
function checkSubcommands(value: unknown, data: { toJSON?: unknown } | undefined): string[] {
  if (typeof value !== 'object' || value === null) return ['`subcommands` is not a table of handlers by name'];
  const table = value as Record<string, unknown>;
  const problems = Object.entries(table)
    .filter(([, handler]) => typeof handler !== 'function')
    .map(([name]) => `\`subcommands.${name}\` is not a function`);
  const defined = definedSubcommands(data);
  if (defined === null) return problems;
  const missing = defined.filter((name) => !Object.hasOwn(table, name));
  const extra = Object.keys(table).filter((name) => !defined.includes(name));
  if (missing.length > 0) problems.push(`\`subcommands\` has no handler for ${missing.join(', ')}`);
  if (extra.length > 0) problems.push(`\`subcommands\` handles ${extra.join(', ')}, which \`data\` does not define`);
  return problems;
}

const isSeconds = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isPermissionList = (v: unknown): boolean => Array.isArray(v) && v.every((p) => typeof p === 'bigint');

/** Checks the shape of a command's declared `rules` (cooldown, posting, server-only, news desk, member permissions). */
function checkRules(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return ['`rules` is not an object'];
  const rules = value as {
    cooldown?: unknown;
    posts?: unknown;
    guildOnly?: unknown;
    news?: unknown;
    manage?: { memberPermissions?: unknown; subcommands?: unknown; purposes?: unknown } | null;
  };
  const problems: string[] = [];
  if (rules.cooldown !== undefined && !isSeconds(rules.cooldown)) problems.push('`rules.cooldown` is not a number of seconds');
  if (rules.posts !== undefined) {
    if (typeof rules.posts !== 'object' || rules.posts === null) problems.push('`rules.posts` is not an object');
    else {
      const posts = rules.posts as { option?: unknown; cooldown?: unknown; memberPermissions?: unknown; botPermissions?: unknown };
      if (typeof posts.option !== 'string') problems.push('`rules.posts.option` is not an option name');
      if (!isSeconds(posts.cooldown)) problems.push('`rules.posts.cooldown` is not a number of seconds');
      if (!isPermissionList(posts.memberPermissions) || !isPermissionList(posts.botPermissions))
        problems.push('`rules.posts` permissions are not lists of PermissionFlagsBits');
    }
  }
  if (rules.guildOnly !== undefined && typeof rules.guildOnly !== 'boolean') problems.push('`rules.guildOnly` is not a boolean');
  if (rules.news !== undefined && (typeof rules.news !== 'string' || rules.news === ''))
    problems.push('`rules.news` is not the name of a feature');
  if (rules.manage !== undefined) {
    const manage = rules.manage;
    if (typeof manage !== 'object' || manage === null) problems.push('`rules.manage` is not an object');
    else {
      if (!isPermissionList(manage.memberPermissions) || (manage.memberPermissions as unknown[]).length === 0)
        problems.push('`rules.manage.memberPermissions` is not a non-empty list of PermissionFlagsBits');
      if (
        manage.subcommands !== undefined &&
        !(Array.isArray(manage.subcommands) && (manage.subcommands as unknown[]).every((n) => typeof n === 'string'))
      )
        problems.push('`rules.manage.subcommands` is not a list of subcommand names');
      if (manage.purposes !== undefined && (typeof manage.purposes !== 'object' || manage.purposes === null))
        problems.push('`rules.manage.purposes` is not an object');
    }
  }
  return problems;
}

/** Checks several modules; throws (a bug, not a user error) naming each bad one. Returns them by name. */
export function indexCommandModules(modules: Array<{ file: string; module: unknown }>): Map<string, CommandModule> {
  const byName = new Map<string, CommandModule>();
  const problems: string[] = [];
  for (const { file, module } of modules) {
    const found = checkCommandModule(module);
    if (found.length > 0) {
      problems.push(`${file}: ${found.join('; ')}`);
      continue;
    }
    const command = module as CommandModule;
    if (byName.has(command.data.name)) problems.push(`${file}: duplicate command name "${command.data.name}"`);
    byName.set(command.data.name, command);
  }
  if (problems.length > 0) throw new Error(`Invalid command modules:\n${problems.join('\n')}`);
  return byName;
}

/**
 * Imports every commands/*.ts module, checks its shape and returns the commands by name. In a
 * build (bin/pilcrow.mjs) the commands folder's files are those built in (BUNDLED_COMMANDS).
 */
export async function loadCommands(dir: URL = COMMANDS_DIR): Promise<Map<string, CommandModule>> {
  const bundled = dir.href === COMMANDS_DIR.href ? BUNDLED_COMMANDS : null;
  const names = bundled ? [...bundled.keys()] : await readdir(dir);
  const files = names.filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts') && !f.startsWith('_')).sort();
  const importFile = (file: string): Promise<unknown> => bundled?.get(file)?.() ?? import(pathToFileURL(new URL(file, dir).pathname).href);
  const modules = await Promise.all(files.map(async (file) => ({ file, module: await importFile(file) })));
  return indexCommandModules(modules);
}
