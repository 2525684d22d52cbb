/**
 * Sparse term vectors weighted by TF-IDF, where the "documents" are the
 * sentences of one article: a term that every sentence uses says nothing
 * about which sentence matters.
 */

export type TermVector = Map<string, number>;

/** TF-IDF vectors for a list of term lists (one per sentence). */
export function tfidfVectors(termLists: readonly (readonly string[])[]): TermVector[] {
  const documentFrequency = new Map<string, number>();
  for (const terms of termLists) {
    for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const n = termLists.length;
  return termLists.map((terms) => {
    const vector: TermVector = new Map();
    for (const term of terms) vector.set(term, (vector.get(term) ?? 0) + 1);
    for (const [term, count] of vector) {
      const idf = Math.log((n + 1) / (documentFrequency.get(term) ?? 1));
      vector.set(term, count * idf);
    }
    return vector;
  });
}

/** Cosine similarity; 0 when either vector is empty. */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  const norm = magnitude(a) * magnitude(b);
  return norm === 0 ? 0 : dot / norm;
}

/** The sum of several vectors. */
export function sum(vectors: readonly TermVector[]): TermVector {
  const total: TermVector = new Map();
  for (const vector of vectors) {
    for (const [term, weight] of vector) total.set(term, (total.get(term) ?? 0) + weight);
  }
  return total;
}

function magnitude(v: TermVector): number {
  let squares = 0;
  for (const weight of v.values()) squares += weight * weight;
  return Math.sqrt(squares);
}
