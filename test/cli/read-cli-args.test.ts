import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCliArgs } from '../../src/cli/read-cli-args.ts';

const DATA = path.resolve('data');

describe('readCliArgs', () => {
  it.each([
    { argv: [], want: { json: false, articles: false, help: false, dataDir: DATA, question: null } },
    { argv: ['--json', '/who', 'name:lukashenk'], want: { json: true, question: '/who name:lukashenk' } },
    { argv: ['/who name:lavrov', '--json'], want: { json: true, question: '/who name:lavrov' } },
    { argv: ['--data', 'some/dir', '/summary'], want: { dataDir: path.resolve('some/dir'), question: '/summary' } },
    { argv: ['--data=other', '--articles'], want: { dataDir: path.resolve('other'), articles: true, question: null } },
    { argv: ['-h'], want: { help: true } },
  ])('GIVEN $argv THEN the flags and the question are read', ({ argv, want }) => {
    expect(readCliArgs(argv, DATA)).toMatchObject(want);
  });

  it.each([
    { argv: ['--data'], message: '--data needs a directory' },
    { argv: ['--data='], message: '--data needs a directory' },
    { argv: ['--frobnicate', '/summary'], message: "Unknown option '--frobnicate'." },
    { argv: ['--json=yes'], message: '--json' },
  ])('GIVEN $argv THEN an error message, not a throw', ({ argv, message }) => {
    const got = readCliArgs(argv, DATA);
    expect(got).toHaveProperty('error');
    expect((got as { error: string }).error).toContain(message);
  });
});
