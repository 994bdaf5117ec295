import type { CommandName } from '../model/answer.ts';

/** One option of a command, as plain data shared by the Discord definitions and the terminal parser. */
export interface OptionSpec {
  name: string;
  description: string;
  type: 'string' | 'integer';
  required: boolean;
  /** Which autocomplete source serves this option, if any. */
  autocomplete?: 'article' | 'name';
  /** Bounds for integers. */
  min?: number;
  max?: number;
  /** Longest accepted string (Discord enforces it too). */
  maxLength?: number;
}

export interface CommandSpec {
  name: CommandName;
  description: string;
  options: OptionSpec[];
}

/** Defaults of the answers, in one place. */
export const ANSWER_DEFAULTS = Object.freeze({
  /**
   * Points in a summary when `length` is not given. Three: about 65 words, one glance in a
   * Discord embed on a phone; human summaries of the GUM texts run ~42 words (two or three
   * sentences); and three points score best against them (ROUGE-1 F 37.6 vs 31.8 at five).
   */
  summaryLength: 3,
  summaryMin: 1,
  summaryMax: 10,
  /** Paragraphs in a /related answer. */
  relatedResults: 5,
  /** Other articles listed in a /related answer. */
  relatedArticles: 5,
  /** Longest topic, name or article text accepted. */
  maxQueryLength: 200,
});

const ARTICLE_OPTION: OptionSpec = {
  name: 'article',
  description: 'Which article (by headline); default: the newest',
  type: 'string',
  required: false,
  autocomplete: 'article',
  maxLength: ANSWER_DEFAULTS.maxQueryLength,
};

/** The four questions Pilcrow answers. */
export const COMMANDS: readonly CommandSpec[] = Object.freeze([
  {
    name: 'summary',
    description: 'Summarise an article; every point cites its paragraph',
    options: [
      ARTICLE_OPTION,
      {
        name: 'length',
        description: `How many points (${ANSWER_DEFAULTS.summaryMin}–${ANSWER_DEFAULTS.summaryMax}, default ${ANSWER_DEFAULTS.summaryLength})`,
        type: 'integer',
        required: false,
        min: ANSWER_DEFAULTS.summaryMin,
        max: ANSWER_DEFAULTS.summaryMax,
      },
    ],
  },
  {
    name: 'quote',
    description: 'Direct quotations with who said them, cited',
    options: [
      {
        name: 'speaker',
        description: 'Who said it (typos are fine)',
        type: 'string',
        required: false,
        autocomplete: 'name',
        maxLength: ANSWER_DEFAULTS.maxQueryLength,
      },
      { name: 'about', description: 'What the quote is about', type: 'string', required: false, maxLength: ANSWER_DEFAULTS.maxQueryLength },
      ARTICLE_OPTION,
    ],
  },
  {
    name: 'who',
    description: 'Who a person or organisation is, as the article says it',
    options: [
      {
        name: 'name',
        description: 'A person or organisation (typos are fine)',
        type: 'string',
        required: true,
        autocomplete: 'name',
        maxLength: ANSWER_DEFAULTS.maxQueryLength,
      },
      ARTICLE_OPTION,
    ],
  },
  {
    name: 'related',
    description: 'Paragraphs and articles related to a topic, cited',
    options: [
      { name: 'topic', description: 'A topic, a few words', type: 'string', required: true, maxLength: ANSWER_DEFAULTS.maxQueryLength },
      ARTICLE_OPTION,
    ],
  },
]);

/** The spec of a command by name, or undefined. */
export function findCommandSpec(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
