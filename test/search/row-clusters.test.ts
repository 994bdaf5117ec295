/**
 * The clustered search by meaning (row-clusters.ts): on the fixture articles' paragraphs, with
 * settings small enough to cluster them, a query scans only the nearest clusters and still finds
 * what the full scan finds first; clusters survive the cache and damaged ones are refused.
 */
import { describe, expect, it } from 'vitest';
import { ParagraphVectors } from '../../src/search/vectors/paragraph-vectors.ts';
import { DEFAULT_VECTORS_CACHE_DIR, locateEmbeddings, prepareWordVectors } from '../../src/search/vectors/prepare-word-vectors.ts';
import { clusterRows } from '../../src/search/vectors/row-clusters.ts';
import { useWordVectors } from '../../src/search/vectors/active-word-vectors.ts';
import { fixtureArticles } from '../support/article-from-paragraphs.ts';

const vectors =
  locateEmbeddings() !== null
    ? await prepareWordVectors({ cacheDir: DEFAULT_VECTORS_CACHE_DIR, alsoLookIn: [], warn: () => undefined })
    : null;
useWordVectors(null);
const texts = fixtureArticles().flatMap((a) => a.paragraphs.map((p) => p.text));
/** Clusters from 20 paragraphs; a query scans about a fifth of them. */
const SMALL = { from: 20, scanBudget: Math.ceil(texts.length / 5) };
const everything = { start: 0, end: texts.length };
const textOf = (id: number): string => texts[id]!;

describe.skipIf(!vectors)('the clustered search by meaning', () => {
  const full = ParagraphVectors.build(texts, vectors!, { from: Infinity, scanBudget: Infinity });
  const clustered = ParagraphVectors.build(texts, vectors!, SMALL);

  it('GIVEN the paragraphs THEN every one with a vector is in exactly one cluster, the same on every build', () => {
    const data = clustered.serialise();
    const again = ParagraphVectors.build(texts, vectors!, SMALL).serialise();
    expect(again).toEqual(data);
    const ids = new Int32Array(new Uint8Array(Buffer.from(data.clusters!.ids as string, 'base64')).buffer);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(texts.length * 0.9);
  });

  it.each(['troops', 'demonstrations', 'radio telescope', 'train derailment', 'torture investigation'])(
    'GIVEN the topic %j THEN the nearest clusters hold the full scan’s best paragraph',
    (topic) => {
      const best = full.search(topic, everything, textOf, 5)[0];
      expect(best).toBeDefined();
      expect(clustered.search(topic, everything, textOf, 5).map((m) => m.id)).toContain(best!.id);
    },
  );

  it('GIVEN the clusters saved and read back THEN the answers are the same', () => {
    const restored = ParagraphVectors.load(JSON.parse(JSON.stringify(clustered.serialise())), vectors!, texts.length, SMALL);
    for (const topic of ['troops', 'radio telescope']) {
      expect(restored?.search(topic, everything, textOf, 5)).toEqual(clustered.search(topic, everything, textOf, 5));
    }
  });

  it.each<[string, (c: { centroids: string; ids: string; starts: string }) => object]>([
    ['a paragraph in two clusters', (c) => ({ ...c, ids: Buffer.from(new Int32Array(texts.length).fill(0).buffer).toString('base64') })],
    ['cluster bounds that do not add up', (c) => ({ ...c, starts: Buffer.from(new Int32Array([0, 5]).buffer).toString('base64') })],
    ['no clusters for a corpus that should have them', () => undefined as unknown as object],
  ])('GIVEN saved vectors with %s THEN they are not used', (_name, damage) => {
    const data = clustered.serialise();
    const clusters = damage(data.clusters as { centroids: string; ids: string; starts: string });
    expect(ParagraphVectors.load({ ...data, clusters }, vectors!, texts.length, SMALL)).toBeNull();
  });

  it('GIVEN fewer paragraphs than clustering starts at THEN there are no clusters', () => {
    expect(clusterRows({ rows: new Int8Array(10 * 4).fill(1), scales: new Float32Array(10).fill(1), dimensions: 4 }, 20)).toBeNull();
  });
});
