/**
 * People and organisations of an article, in steps, the way compromise separates finding from
 * parsing. Find: proper-noun chunks (name-chunks.ts). Parse: each chunk is a person, an
 * organisation or neither, by ordered named rules that give a reason (classify-chunk.ts), then
 * rules between neighbouring chunks (chunk-neighbours.ts). Merge: every mention of the same
 * entity joins one draft (entity-drafts.ts), role references ("the Russian President") and
 * pronouns join the person they mean (role-references.ts, resolve-pronouns.ts).
 * What a word is (a given name and its gender, a surname, a place, a nationality, a role noun,
 * an ordinary word) comes from compromise's lexicon and tagger (lexicon.ts) and the word lists
 * in word-lists/.
 */
import type { Article } from '../model/article.ts';
import type { Entity, Sentence } from '../model/analysis.ts';
import { demoteCommonWords, findOrgListStart, linkNeighbours, shareSurnames, splitAtPersonName } from './chunk-neighbours.ts';
import { classifyChunk } from './classify-chunk.ts';
import type { Candidate } from './entity-candidate.ts';
import { buildDrafts, type Draft } from './entity-drafts.ts';
import { findNameChunks } from './name-chunks.ts';
import { addPronouns } from './resolve-pronouns.ts';
import { addRoleReferences } from './role-references.ts';

/** Finds the people and organisations of an article, each with roles, aliases and every mention in reading order. */
export function findEntities(article: Article, sentences: Sentence[]): Entity[] {
  const texts = new Map(article.paragraphs.map((p) => [p.n, p.text]));
  const candidates: Candidate[] = [];
  for (const sentence of sentences) {
    const text = texts.get(sentence.paragraph) ?? '';
    const chunks = findNameChunks(sentence, text).flatMap((chunk) => splitAtPersonName(chunk, text));
    const orgList = findOrgListStart(sentence);
    chunks.forEach((chunk, k) => {
      const prev = k > 0 ? chunks[k - 1]! : null;
      const isAlias = prev !== null && text.slice(prev.end, chunk.start) === ' (' && text[chunk.end] === ')';
      const next = chunks[k + 1];
      const alias = next && text.slice(chunk.end, next.start) === ' (' && text[next.end] === ')' ? next : null;
      candidates.push({ ...classifyChunk(chunk, text, orgList), alias, isAlias });
    });
    shareSurnames(candidates, candidates.length - chunks.length, text);
    linkNeighbours(candidates, candidates.length - chunks.length, text);
  }
  const drafts = buildDrafts(demoteCommonWords(candidates, article));
  addRoleReferences(sentences, drafts);
  addPronouns(sentences, texts, drafts);
  return finishEntities(drafts);
}

/** Kebab-case id of a name ("Sergei Lavrov" → "sergei-lavrov"). */
export function toEntityId(name: string): string {
  const id = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id.length > 0 ? id : 'entity';
}

/** Orders mentions and entities by reading order and gives each entity a unique id. */
function finishEntities(drafts: Map<string, Draft>): Entity[] {
  const live = [...drafts.values()].filter((d) => d.mentions.length > 0);
  const placed: PlacedPronoun[] = [];
  for (const d of live) d.mentions.sort((a, b) => a.paragraph - b.paragraph || a.at - b.at);
  live.sort((a, b) => a.mentions[0]!.paragraph - b.mentions[0]!.paragraph || a.mentions[0]!.at - b.mentions[0]!.at);
  const used = new Set<string>();
  const entities = live.map((d) => {
    let id = toEntityId(d.name);
    for (let k = 2; used.has(id); k++) id = `${toEntityId(d.name)}-${k}`;
    used.add(id);
    const aliases = [...d.aliases].filter((a) => a.toLowerCase() !== d.name.toLowerCase());
    const uniqueAliases = aliases.filter((a, k) => aliases.findIndex((b) => b.toLowerCase() === a.toLowerCase()) === k);
    const entity: Entity = {
      id,
      name: d.name,
      kind: d.kind,
      roles: d.roles,
      aliases: uniqueAliases,
      mentions: d.mentions.map(({ paragraph, text }) => ({ paragraph, text })),
      reason: d.reason,
    };
    for (const m of d.mentions)
      if (PRONOUN_WORD.test(m.text)) placed.push({ paragraph: m.paragraph, at: m.at, text: m.text.toLowerCase(), entity });
    return entity;
  });
  PLACED_PRONOUNS.set(entities, placed);
  return entities;
}

/** A resolved pronoun with its offset in its paragraph. */
export interface PlacedPronoun {
  paragraph: number;
  at: number;
  text: string;
  entity: Entity;
}

const PRONOUN_WORD = /^(?:he|him|his|himself|she|her|hers|herself)$/iu;
/** Where each resolved pronoun stands, for the entity lists findEntities returned (quotes use it). */
const PLACED_PRONOUNS = new WeakMap<Entity[], PlacedPronoun[]>();

/** The pronouns findEntities resolved, with their offsets; empty for entity lists it did not make. */
export function findPlacedPronouns(entities: Entity[]): PlacedPronoun[] {
  return PLACED_PRONOUNS.get(entities) ?? [];
}
