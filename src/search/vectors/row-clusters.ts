/**
 * A coarse quantiser over the paragraph vectors (the inverted-file index of FAISS, Jégou, Douze &
 * Schmid 2011): the rows are grouped at index time into clusters by spherical k-means, and a query
 * scans only the rows of the clusters whose centre is nearest to it, so the search by meaning costs
 * a bounded number of rows instead of every paragraph of the corpus. Deterministic: the same rows
 * give the same clusters (no randomness: the sample and the first centres are evenly spaced rows).
 */

/** Clustering settings, frozen. */
export const CLUSTER_SETTINGS = Object.freeze({
  /** Corpora of fewer paragraphs are scanned in full (a few ms at most); from here on they are clustered. */
  from: 20_000,
  /** Rows per cluster on average: √N / 3 clusters at N rows (105 at 100k), so finding the nearest centres stays cheap. */
  clustersPerSqrtRow: 1 / 3,
  /** Rows of the k-means sample per cluster (the rest are only assigned). */
  samplePerCluster: 40,
  /** Lloyd iterations on the sample. */
  iterations: 5,
  /** Rows a query scans at most before it stops opening further clusters (once it has its candidates): ~1 ms. */
  scanBudget: 8_000,
});

/** Clusters of rows: centre vectors (unit length) and the row ids of each cluster, contiguous. */
export interface RowClusters {
  /** k × dimensions, unit-length centres. */
  centroids: Float32Array;
  /** Row ids grouped by cluster; cluster c holds ids[starts[c] .. starts[c + 1]). Rows without a vector are in none. */
  ids: Int32Array;
  starts: Int32Array;
}

/** The row set to cluster: int8 rows with a scale each (0 = no vector), `dimensions` wide. */
export interface QuantisedRows {
  rows: Int8Array;
  scales: Float32Array;
  dimensions: number;
}

/** Clusters `count` rows by spherical k-means on an evenly spaced sample; null below CLUSTER_SETTINGS.from rows. */
export function clusterRows(data: QuantisedRows, from: number = CLUSTER_SETTINGS.from): RowClusters | null {
  const { rows, scales, dimensions: d } = data;
  const present: number[] = [];
  for (let id = 0; id < scales.length; id++) if (scales[id]! > 0) present.push(id);
  if (present.length < Math.max(2, from)) return null;
  const k = Math.max(2, Math.round(Math.sqrt(present.length) * CLUSTER_SETTINGS.clustersPerSqrtRow));
  const sampleSize = Math.min(present.length, k * CLUSTER_SETTINGS.samplePerCluster);
  const sample = Array.from({ length: sampleSize }, (_, i) => present[Math.floor((i * present.length) / sampleSize)]!);
  const centroids = new Float32Array(k * d);
  for (let c = 0; c < k; c++) copyRow(data, sample[Math.floor((c * sampleSize) / k)]!, centroids, c * d);
  const assigned = new Int32Array(sampleSize);
  for (let iteration = 0; iteration < CLUSTER_SETTINGS.iterations; iteration++) {
    sample.forEach((id, i) => (assigned[i] = nearestCentre(centroids, k, rows, id * d, d)));
    const sums = new Float32Array(k * d);
    sample.forEach((id, i) => addRow(data, id, sums, assigned[i]! * d));
    for (let c = 0; c < k; c++) {
      // A centre that lost every row keeps its place; the others move to the mean direction of theirs.
      if (normaliseAt(sums, c * d, d)) centroids.set(sums.subarray(c * d, c * d + d), c * d);
    }
  }
  const owner = new Int32Array(present.length);
  const sizes = new Int32Array(k);
  present.forEach((id, i) => {
    owner[i] = nearestCentre(centroids, k, rows, id * d, d);
    sizes[owner[i]]! += 1;
  });
  const starts = new Int32Array(k + 1);
  for (let c = 0; c < k; c++) starts[c + 1] = starts[c]! + sizes[c]!;
  const ids = new Int32Array(present.length);
  const next = starts.slice(0, k);
  present.forEach((id, i) => (ids[next[owner[i]!]!++] = id));
  return { centroids, ids, starts };
}

/**
 * The clusters to scan for a query, nearest centre first: as many as fill `budget` rows, and
 * always at least one. The caller may open more (in this order) when the rows it may use are scarce.
 */
export function clustersByDistance(clusters: RowClusters, query: Float32Array): number[] {
  const d = query.length;
  const k = clusters.starts.length - 1;
  const scores = new Float32Array(k);
  for (let c = 0; c < k; c++) {
    let dot = 0;
    for (let i = 0, at = c * d; i < d; i++, at++) dot += query[i]! * clusters.centroids[at]!;
    scores[c] = dot;
  }
  return Array.from({ length: k }, (_, c) => c).sort((a, b) => scores[b]! - scores[a]! || a - b);
}

/** Checks clusters read from disk against `size` rows; the clusters when sound, else null. */
export function checkClusters(clusters: RowClusters, size: number, dimensions: number): RowClusters | null {
  const { centroids, ids, starts } = clusters;
  const k = starts.length - 1;
  if (k < 1 || centroids.length !== k * dimensions || starts[0] !== 0 || starts[k] !== ids.length || ids.length > size) return null;
  for (let c = 0; c < k; c++) if (starts[c]! > starts[c + 1]!) return null;
  const seen = new Uint8Array(size);
  for (const id of ids) {
    if (id < 0 || id >= size || seen[id] === 1) return null;
    seen[id] = 1;
  }
  return clusters;
}

function nearestCentre(centroids: Float32Array, k: number, rows: Int8Array, at: number, d: number): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let c = 0; c < k; c++) {
    let s0 = 0;
    let s1 = 0;
    let i = 0;
    let x = c * d;
    let y = at;
    for (; i + 1 < d; i += 2, x += 2, y += 2) {
      s0 += centroids[x]! * rows[y]!;
      s1 += centroids[x + 1]! * rows[y + 1]!;
    }
    for (; i < d; i++, x++, y++) s0 += centroids[x]! * rows[y]!;
    const score = s0 + s1;
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

function copyRow(data: QuantisedRows, id: number, out: Float32Array, at: number): void {
  const { rows, scales, dimensions: d } = data;
  for (let i = 0; i < d; i++) out[at + i] = rows[id * d + i]! * scales[id]!;
  normaliseAt(out, at, d);
}

function addRow(data: QuantisedRows, id: number, out: Float32Array, at: number): void {
  const { rows, scales, dimensions: d } = data;
  for (let i = 0; i < d; i++) out[at + i]! += rows[id * d + i]! * scales[id]!;
}

/** Scales out[at .. at + d) to unit length; false when it is zero. */
function normaliseAt(out: Float32Array, at: number, d: number): boolean {
  let sum = 0;
  for (let i = at; i < at + d; i++) sum += out[i]! * out[i]!;
  if (sum === 0) return false;
  const inverse = 1 / Math.sqrt(sum);
  for (let i = at; i < at + d; i++) out[i]! *= inverse;
  return true;
}
