import { BOT_DEFAULTS, type CommandContext } from '../../src/bot/command-module.ts';
import { createCooldowns } from '../../src/bot/cooldowns.ts';
import { createPageMemory } from '../../src/bot/page-ids.ts';
import type { Corpus } from '../../src/model/corpus.ts';

/**
 * A dispatcher's context for tests where no question is answered (refusals, news commands): an
 * empty corpus, an answer function that throws if asked, no completions, a clock stopped at 0.
 */
export function idleContext(): Omit<CommandContext, 'log'> {
  const corpus = { articles: [], byId: new Map(), skipped: [], search: {} } as unknown as Corpus;
  return {
    corpus: () => corpus,
    run: () => {
      throw new Error('not asked');
    },
    complete: () => [],
    clock: () => 0,
    cooldowns: createCooldowns(() => 0),
    pages: createPageMemory(),
    settings: BOT_DEFAULTS,
  };
}
