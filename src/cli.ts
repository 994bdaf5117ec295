/**
 * The terminal front end (`npm run ask`): the same answers as the bot, without Discord.
 *
 *   npm run ask -- '/quote speaker:Lavrov'          readable text
 *   npm run ask -- --json '/who name:lukashenk'     the answer as JSON
 *   echo '/summary' | npm run --silent ask          one JSON answer per input line
 *   npm run --silent articles -- --json             the cleaned articles
 */
import 'dotenv/config';
import readline from 'node:readline';
import { readConfig } from './config.ts';
import { loadCorpus } from './engine/load-corpus.ts';
import { prepareWordVectors } from './search/vectors/prepare-word-vectors.ts';
import type { Corpus } from './model/corpus.ts';
import { renderErrorText } from './render/terminal.ts';
import { answerQuestion, renderQuestionText } from './cli/answer-question.ts';
import { commandsHelp } from './cli/help-text.ts';
import { runPrompt } from './cli/prompt.ts';
import { readCliArgs } from './cli/read-cli-args.ts';
import { articlesJson, renderArticlesText } from './render/articles.ts';

const USAGE = `Usage: npm run ask -- [--json] [--explain] [--data DIR] '/command option:value …'
       npm run ask                     (questions from standard input, one JSON answer per line;
                                        an interactive prompt when run in a terminal)
       npm run articles -- [--json]    the cleaned, numbered articles
       --explain                       also say why each quote's speaker was chosen

Commands:
${commandsHelp()}`;

async function main(): Promise<number> {
  const config = readConfig(process.env);
  if ('error' in config) {
    process.stderr.write(`pilcrow: ${config.error}\n`);
    return 2;
  }
  const args = readCliArgs(process.argv.slice(2), config.dataDir);
  if ('error' in args) {
    process.stderr.write(`${args.error}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  await prepareWordVectors({ cacheDir: config.cacheDir, warn: (message) => process.stderr.write(`pilcrow: ${message}\n`) });
  const loaded = await loadCorpus({ dataDir: args.dataDir, cacheDir: config.cacheDir });
  if ('error' in loaded) {
    if (args.json) process.stdout.write(`${JSON.stringify({ error: { code: 'empty-corpus', message: loaded.error } })}\n`);
    else process.stderr.write(`${loaded.error}\n`);
    return 1;
  }
  const { corpus } = loaded;
  for (const s of corpus.skipped) process.stderr.write(`Skipped ${s.file}: ${s.reason}\n`);
  if (loaded.warning) process.stderr.write(`${loaded.warning}\n`);

  if (args.articles) {
    process.stdout.write(args.json ? `${JSON.stringify(articlesJson(corpus), null, 2)}\n` : `${renderArticlesText(corpus)}\n`);
    return 0;
  }
  if (args.question !== null) return answerOne(corpus, args.question, args.json, args.explain);
  if (process.stdin.isTTY) {
    await runPrompt(() => corpus, { input: process.stdin, output: process.stdout }, { explain: args.explain });
    return 0;
  }
  return answerLines(corpus);
}

function answerOne(corpus: Corpus, question: string, json: boolean, explain: boolean): number {
  const answer = answerQuestion(corpus, question);
  if (json) process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
  else if ('error' in answer) process.stderr.write(`${renderErrorText(answer)}\n`);
  else process.stdout.write(`${renderQuestionText(answer, { explain })}\n`);
  return 'error' in answer ? 1 : 0;
}

async function answerLines(corpus: Corpus): Promise<number> {
  let failed = false;
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    const answer = answerQuestion(corpus, line);
    if ('error' in answer) failed = true;
    process.stdout.write(`${JSON.stringify(answer)}\n`);
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`Pilcrow failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 70;
  },
);
