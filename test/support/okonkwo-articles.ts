/**
 * Made-up news about two people sharing a surname, for the tests that tell them apart (who across
 * articles, watch matching): the transport minister Maria Okonkwo named in full, the same surname
 * alone, and the fisherman Peter Okonkwo.
 */
import { articleFromParagraphs } from './article-from-paragraphs.ts';

export const harbourStrike = articleFromParagraphs(
  'harbour-strike',
  [
    'Dock workers in Port Elston walked out on Monday after talks with the port authority collapsed.',
    'Maria Okonkwo, the transport minister, met union leaders late into the night.',
    '"We will not let the harbour close," Okonkwo said after the meeting.',
  ],
  { title: 'Dock workers strike in Port Elston' },
);

/** Okonkwo by surname alone: which of them it is depends on the other articles. */
export const radioInterview = articleFromParagraphs(
  'radio-interview',
  ['In a radio interview on Sunday, Okonkwo spoke about the strike.', '"I have no regrets about the talks," Okonkwo told listeners.'],
  { title: 'Minister speaks on the radio' },
);

/** Another Okonkwo: beside him the bare surname no longer says which of them it is. */
export const fishingFleet = articleFromParagraphs(
  'fishing-fleet',
  ['Peter Okonkwo has fished out of Port Elston for thirty years.', '"The boats cannot wait for the politicians," Peter Okonkwo said.'],
  { title: 'The fleet waits' },
);
