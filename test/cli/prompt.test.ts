import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runPrompt } from '../../src/cli/prompt.ts';
import { seedCorpus } from '../support/corpus.ts';

const corpus = seedCorpus();

/** Runs the prompt over typed lines; returns everything it wrote. */
async function typeAtPrompt(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d) => (text += String(d)));
  const done = runPrompt(() => corpus, { input, output });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return text;
}

describe('the terminal prompt', () => {
  it('GIVEN help THEN it lists the commands, how to quote a value and how to leave', async () => {
    const text = await typeAtPrompt(['help']);
    expect(text).toContain('/summary');
    expect(text).toContain('about:"the OSCE"');
    expect(text).toContain('"quit" (or Ctrl-D) leaves');
  });

  it('GIVEN words that are no command THEN it says the command is unknown, not that an option is malformed', async () => {
    const text = await typeAtPrompt(['asdf qwerty']);
    expect(text).toContain('Unknown command "/asdf"');
    expect(text).not.toContain('Expected name:value');
  });

  it('GIVEN /quote speaker: in lower case THEN the heading names the speaker as the article does', async () => {
    const text = await typeAtPrompt(['/quote speaker:lavrov']);
    expect(text).toMatch(/\d+ quotes by Sergei Lavrov\n/);
  });
});
