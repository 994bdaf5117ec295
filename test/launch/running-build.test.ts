import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { childEntry, LAUNCHER } from '../../src/launch/running-build.ts';

describe('childEntry', () => {
  const entry = path.join(path.sep, 'app', 'src', 'bot', 'bot-main.ts');

  it('GIVEN a process started from a build THEN its child (a shard) starts through the launcher on that build, without tsx', () => {
    expect(childEntry(entry, { PILCROW_BUNDLE: '/cache/build/0123456789abcdef' })).toEqual({ file: LAUNCHER, args: [entry], execArgv: [] });
    expect(path.basename(LAUNCHER)).toBe('pilcrow.mjs');
  });

  it('GIVEN a process run from source THEN its child runs the source under tsx', () => {
    expect(childEntry(entry, {})).toEqual({ file: entry, args: [], execArgv: ['--import', 'tsx'] });
  });
});
