import { describe, expect, it } from 'vitest';
import { parseFlags } from '../../src/cli/parse-flags.ts';

const read = (argv: string[]) =>
  parseFlags(argv, { json: { type: 'boolean', default: false }, data: { type: 'string' }, guild: { type: 'string' } });

describe('parseFlags', () => {
  it.each([
    { argv: ['a.txt', '--json'], values: { json: true }, positionals: ['a.txt'] },
    { argv: ['--data=dir', 'two', 'words'], values: { json: false, data: 'dir' }, positionals: ['two', 'words'] },
    { argv: [], values: { json: false }, positionals: [] },
  ])('GIVEN $argv THEN the flags and the words are read', ({ argv, values, positionals }) => {
    expect(read(argv)).toMatchObject({ values, positionals });
  });

  it.each([
    { argv: ['--data'], error: '--data needs a directory, e.g. --data ./data' },
    { argv: ['--data', ''], error: '--data needs a directory, e.g. --data ./data' },
    { argv: ['--data=  '], error: '--data needs a directory, e.g. --data ./data' },
    { argv: ['--force'], error: "Unknown option '--force'." },
    { argv: ['--guild'], error: expect.stringContaining("'--guild <value>' argument missing") },
    { argv: ['--json=yes'], error: expect.stringContaining('--json') },
  ])('GIVEN $argv THEN an error message for a person, not a throw', ({ argv, error }) => {
    expect(read(argv)).toEqual({ error });
  });
});
