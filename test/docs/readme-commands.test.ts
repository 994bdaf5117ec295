import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/cli/answer-question.ts';
import { seedCorpus } from '../support/corpus.ts';

/**
 * The commands the README and docs/ show a reader exist and work: every `npm run X` is a script
 * of package.json, every file run with `npx tsx` or `node` exists, and every `npm run ask`
 * question in them is answered on the bundled article (not an error). `npm ci` and `npm test`
 * themselves are what CI runs (.ci/run).
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const docs = [
  'README.md',
  ...(existsSync(path.join(root, 'docs')) ? readdirSync(path.join(root, 'docs')).map((f) => `docs/${f}`) : []),
].filter((f) => f.endsWith('.md'));
const scripts = Object.keys(
  (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts,
);

/** The shell lines of a Markdown file's ```sh blocks. */
function shellLines(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/```(?:sh|bash|shell)\n([^]*?)```/g)].flatMap((m) =>
    m[1]!
      .split('\n')
      .map((l) => l.replace(/\s+#.*$/, '').trim())
      .filter((l) => l && !l.startsWith('#')),
  );
}

const lines = docs.flatMap((file) => shellLines(file).map((line) => ({ file, line })));

describe('commands shown in the README and docs', () => {
  it('GIVEN the documents THEN they show commands to check', () => {
    expect(lines.length).toBeGreaterThan(10);
  });

  it.each(lines.filter((l) => /\bnpm run\b/.test(l.line)))('GIVEN $file: $line THEN each npm script it runs exists', ({ line }) => {
    for (const m of line.matchAll(/\bnpm run (?:--silent )?([\w:-]+)/g)) expect(scripts, line).toContain(m[1]);
  });

  it.each(lines.filter((l) => /\b(?:npx tsx|node) (?!-)/.test(l.line)))('GIVEN $file: $line THEN the file it runs exists', ({ line }) => {
    const file = /\b(?:npx tsx|node) (\S+\.(?:ts|mjs|js))/.exec(line)?.[1];
    if (file && !file.startsWith('../')) expect(existsSync(path.join(root, file)), file).toBe(true);
  });

  const corpus = seedCorpus();
  const questions = lines.flatMap(({ file, line }) => {
    const m = /\bnpm run (?:--silent )?ask -- (?:--json )?'([^']+)'/.exec(line);
    return m && !line.includes('--data') ? [{ file, question: m[1]! }] : [];
  });
  it.each(questions)('GIVEN $file: $question THEN the bundled article answers it', ({ question }) => {
    const answer = answerQuestion(corpus, question);
    if ('error' in answer && answer.error.code === 'not-found') return; // an example of "nothing found" is an answer too
    expect(answer).not.toHaveProperty('error');
  });
});
