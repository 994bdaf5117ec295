import type { Answer } from '../../model/answer.ts';
import type { RenderedAnswer } from './discord-payload.ts';
import type { RenderOptions } from './render-paged-embed.ts';
import { renderQuotes } from './render-quotes.ts';
import { renderRelated } from './render-related.ts';
import { renderRoundup } from './render-roundup.ts';
import { renderSummary } from './render-summary.ts';
import { renderWho } from './render-who.ts';

/** Any answer as a Discord message (one page of it), with citation buttons. */
export function renderAnswer(answer: Answer, options: RenderOptions = {}): RenderedAnswer {
  switch (answer.command) {
    case 'summary':
      return renderSummary(answer, options);
    case 'quote':
      return renderQuotes(answer, options);
    case 'who':
      return renderWho(answer, options);
    case 'related':
      return renderRelated(answer, options);
    case 'roundup':
      return renderRoundup(answer);
  }
}
