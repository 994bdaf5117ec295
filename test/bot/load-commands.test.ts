import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { checkCommandModule, indexCommandModules, loadCommands } from '../../src/bot/load-commands.ts';

describe('loadCommands', () => {
  it('GIVEN the commands directory THEN the four answer commands load, each defined from the spec plus share, and the three news commands', async () => {
    const commands = await loadCommands();
    expect([...commands.keys()]).toEqual(['article', 'digest', 'feed', 'quote', 'related', 'summary', 'watch', 'who']);
    for (const name of ['quote', 'related', 'summary', 'who']) {
      const command = commands.get(name)!;
      const json = command.data.toJSON() as { options: Array<{ name: string; required?: boolean; autocomplete?: boolean }> };
      expect(json.options.at(-1)!.name).toBe('share');
      const firstOptional = json.options.findIndex((o) => !o.required);
      expect(json.options.slice(firstOptional).every((o) => !o.required)).toBe(true);
      expect(typeof command.autocomplete).toBe('function');
    }
    const summary = commands.get('summary')!.data.toJSON() as { options: Array<{ name: string; type: number; channel_types?: number[] }> };
    expect(summary.options.find((o) => o.name === 'channel')).toMatchObject({ type: 7, channel_types: [0, 5] });
    const who = commands.get('who')!.data.toJSON() as { options: Array<{ name: string; required?: boolean; autocomplete?: boolean }> };
    expect(who.options[0]).toMatchObject({ name: 'name', required: true, autocomplete: true });
  });

  it.each<[string, unknown, string]>([
    ['nothing', null, 'is not a module object'],
    ['no data', { execute() {} }, 'has no `data` export'],
    ['a bad name', { data: { name: 'Has Spaces', toJSON() {} }, execute() {} }, 'not a valid command name'],
    ['no execute', { data: { name: 'x', toJSON() {} } }, 'has no `execute'],
    ['a bad autocomplete', { data: { name: 'x', toJSON() {} }, execute() {}, autocomplete: 3 }, '`autocomplete` is not a function'],
    [
      'a cooldown that is not seconds',
      { data: { name: 'x', toJSON() {} }, execute() {}, rules: { cooldown: '3' } },
      '`rules.cooldown` is not a number of seconds',
    ],
    [
      'posting rules without permissions',
      { data: { name: 'x', toJSON() {} }, execute() {}, rules: { posts: { option: 'channel', cooldown: 30 } } },
      'permissions are not lists',
    ],
  ])('GIVEN a module with %s THEN its shape is rejected', (_name, module, problem) => {
    expect(checkCommandModule(module).join('; ')).toContain(problem);
  });

  it('GIVEN the real commands THEN each declares its rules next to its definition', async () => {
    const commands = await loadCommands();
    expect(Object.fromEntries([...commands].map(([name, c]) => [name, c.rules ?? null]))).toEqual({
      article: expect.objectContaining({ guildOnly: true, manage: expect.objectContaining({ subcommands: ['add', 'remove'] }) }),
      digest: expect.objectContaining({
        guildOnly: true,
        manage: expect.objectContaining({ memberPermissions: [PermissionFlagsBits.ManageGuild] }),
      }),
      feed: expect.objectContaining({
        guildOnly: true,
        manage: expect.objectContaining({ memberPermissions: [PermissionFlagsBits.ManageGuild] }),
      }),
      quote: { cooldown: 2 },
      related: { cooldown: 3 },
      summary: { posts: expect.objectContaining({ option: 'channel', cooldown: 30 }) },
      watch: expect.objectContaining({
        guildOnly: true,
        manage: expect.objectContaining({ subcommands: ['add'], exceptOption: 'dm' }),
      }),
      who: null,
    });
  });

  it.each<[string, unknown, string]>([
    ['guildOnly not a boolean', { guildOnly: 'yes' }, '`rules.guildOnly` is not a boolean'],
    ['manage without permissions', { manage: { memberPermissions: [] } }, 'not a non-empty list of PermissionFlagsBits'],
    ['manage with numbers for permissions', { manage: { memberPermissions: [32] } }, 'not a non-empty list of PermissionFlagsBits'],
    [
      'manage with a subcommand that is not a name',
      { manage: { memberPermissions: [32n], subcommands: [1] } },
      'not a list of subcommand names',
    ],
  ])('GIVEN member rules with %s THEN the shape is rejected', (_name, rules, problem) => {
    expect(checkCommandModule({ data: { name: 'x', toJSON() {} }, execute() {}, rules }).join('; ')).toContain(problem);
  });

  it('GIVEN the commands with subcommands THEN each declares a handler per subcommand in a table, not one execute', async () => {
    const commands = await loadCommands();
    const tables = [...commands].filter(([, c]) => c.subcommands).map(([name, c]) => [name, Object.keys(c.subcommands!)]);
    expect(tables).toEqual([
      ['article', ['add', 'list', 'remove']],
      ['digest', ['schedule', 'off']],
      ['feed', ['add', 'list', 'remove', 'status']],
      ['watch', ['add', 'list', 'remove']],
    ]);
  });

  it.each<[string, unknown, string]>([
    ['a table missing a subcommand', { list: () => null }, '`subcommands` has no handler for add'],
    ['a table with one too many', { add: () => null, list: () => null, nope: () => null }, 'handles nope, which `data` does not define'],
    ['a handler that is not a function', { add: 'add', list: () => null }, '`subcommands.add` is not a function'],
  ])('GIVEN %s THEN the module is rejected', (_name, subcommands, problem) => {
    const data = {
      name: 'x',
      toJSON: () => ({
        options: [
          { type: 1, name: 'add' },
          { type: 1, name: 'list' },
        ],
      }),
    };
    expect(checkCommandModule({ data, subcommands }).join('; ')).toContain(problem);
  });

  it('GIVEN a module with both execute and a subcommand table THEN it is rejected', () => {
    const data = { name: 'x', toJSON: () => ({ options: [{ type: 1, name: 'add' }] }) };
    expect(checkCommandModule({ data, execute() {}, subcommands: { add: () => null } }).join('; ')).toContain(
      'both `execute` and `subcommands`',
    );
  });

  it('GIVEN a bad module among good ones THEN loading fails naming the file', () => {
    expect(() => indexCommandModules([{ file: 'broken.ts', module: {} }])).toThrow(/broken\.ts: has no `data` export/);
  });
});
