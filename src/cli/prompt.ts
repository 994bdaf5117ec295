import readline from 'node:readline';
import type { Corpus } from '../model/corpus.ts';
import { renderErrorText, type TextOptions } from '../render/terminal.ts';
import { answerQuestion, renderQuestionText } from './answer-question.ts';
import { promptHelp } from './help-text.ts';

export interface PromptIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/**
 * An interactive prompt answering questions in slash syntax until `quit` or end of input;
 * `explain` turns on (and off) saying why each quote's speaker was chosen.
 */
export async function runPrompt(getCorpus: () => Corpus, io: PromptIo, options: TextOptions = {}): Promise<void> {
  let explain = options.explain ?? false;
  const rl = readline.createInterface({ input: io.input, output: io.output, terminal: 'isTTY' in io.output && Boolean(io.output.isTTY) });
  const say = (text: string): void => {
    io.output.write(`${text}\n`);
  };
  const titles = getCorpus().articles.map((a) => a.article.title ?? a.article.id);
  say(
    `Pilcrow — ${titles.length} article${titles.length === 1 ? '' : 's'} loaded${titles[0] ? ` (${titles.slice(0, 3).join('; ')}${titles.length > 3 ? '; …' : ''})` : ''}.`,
  );
  say('Ask in slash syntax, e.g. /summary, /who name:Lavrov, /quote speaker:Putin, /related topic:mercenaries.');
  say('"help" lists the commands, "explain" turns explanations of quote speakers on or off, "quit" leaves.');
  rl.setPrompt('pilcrow> ');
  rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === 'quit' || line === 'exit') break;
    if (line === 'help' || line === '?') say(promptHelp());
    else if (line === 'explain') {
      explain = !explain;
      say(`Explanations of quote speakers ${explain ? 'on' : 'off'}.`);
    } else if (line !== '') {
      const answer = answerQuestion(getCorpus(), line);
      say('error' in answer ? renderErrorText(answer) : renderQuestionText(answer, { explain }));
    }
    say('');
    rl.prompt();
  }
  rl.close();
}
