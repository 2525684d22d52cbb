/**
 * ROUGE as computed by Google's `rouge-score` (the implementation papers
 * report), so our numbers can be compared with published ones. Every function
 * takes the target (reference) first and the prediction second, like
 * `RougeScorer.score(target, prediction)`.
 */

import { stemmer } from 'stemmer';

export interface RougeScore {
  precision: number;
  recall: number;
  fmeasure: number;
}

const ZERO: RougeScore = { precision: 0, recall: 0, fmeasure: 0 };

/**
 * rouge-score's tokenizer: lowercase, anything outside [a-z0-9] is a
 * separator, and only tokens longer than 3 characters are stemmed (short ones
 * like "was" would otherwise be mangled by Porter).
 */
export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((token) => token.length > 0)
    .map((token) => (token.length > 3 ? stemmer(token) : token));
}

/** ROUGE-N: F1 of clipped n-gram overlap. */
export function rougeN(target: string, prediction: string, n: number): RougeScore {
  const targetGrams = ngramCounts(rougeTokens(target), n);
  const predictionGrams = ngramCounts(rougeTokens(prediction), n);
  const targetTotal = total(targetGrams);
  const predictionTotal = total(predictionGrams);
  let overlap = 0;
  for (const [gram, count] of predictionGrams) {
    overlap += Math.min(count, targetGrams.get(gram) ?? 0);
  }
  return score(overlap, predictionTotal, targetTotal);
}

/** ROUGE-L: longest common subsequence over the whole texts, newlines ignored. */
export function rougeL(target: string, prediction: string): RougeScore {
  const t = rougeTokens(target);
  const p = rougeTokens(prediction);
  if (t.length === 0 || p.length === 0) return ZERO;
  const table = lcsTable(t, p);
  const lcs = table[t.length]?.[p.length] ?? 0;
  return score(lcs, p.length, t.length);
}

/**
 * ROUGE-Lsum: sentences are the lines of each side; for each target sentence
 * the union of its LCS matches with every prediction sentence counts, with
 * each token used at most as often as it occurs on both sides.
 */
export function rougeLsum(target: string, prediction: string): RougeScore {
  const targetSentences = lines(target).map(rougeTokens);
  const predictionSentences = lines(prediction).map(rougeTokens);
  const targetLength = targetSentences.reduce((sum, s) => sum + s.length, 0);
  const predictionLength = predictionSentences.reduce((sum, s) => sum + s.length, 0);
  if (targetLength === 0 || predictionLength === 0) return ZERO;

  const targetLeft = tokenCounts(targetSentences.flat());
  const predictionLeft = tokenCounts(predictionSentences.flat());
  let hits = 0;
  for (const sentence of targetSentences) {
    for (const token of unionLcs(sentence, predictionSentences)) {
      const inTarget = targetLeft.get(token) ?? 0;
      const inPrediction = predictionLeft.get(token) ?? 0;
      if (inTarget > 0 && inPrediction > 0) {
        hits++;
        targetLeft.set(token, inTarget - 1);
        predictionLeft.set(token, inPrediction - 1);
      }
    }
  }
  return score(hits, predictionLength, targetLength);
}

function score(matches: number, predictionTotal: number, targetTotal: number): RougeScore {
  if (predictionTotal === 0 || targetTotal === 0) return ZERO;
  const precision = matches / predictionTotal;
  const recall = matches / targetTotal;
  const fmeasure = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, fmeasure };
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim().length > 0);
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function tokenCounts(tokens: readonly string[]): Map<string, number> {
  return ngramCounts(tokens, 1);
}

function total(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}

function lcsTable(a: readonly string[], b: readonly string[]): number[][] {
  const table: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    const row = table[i] as number[];
    const above = table[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? (above[j - 1] as number) + 1 : Math.max(above[j] as number, row[j - 1] as number);
    }
  }
  return table;
}

/** Indices into `target` of one LCS with `prediction`, walked back as rouge-score does. */
function lcsIndices(target: readonly string[], prediction: readonly string[]): number[] {
  const table = lcsTable(target, prediction);
  const at = (i: number, j: number): number => table[i]?.[j] ?? 0;
  const indices: number[] = [];
  let i = target.length;
  let j = prediction.length;
  while (i > 0 && j > 0) {
    if (target[i - 1] === prediction[j - 1]) {
      indices.push(i - 1);
      i--;
      j--;
    } else if (at(i, j - 1) > at(i - 1, j)) {
      j--;
    } else {
      i--;
    }
  }
  return indices.reverse();
}

function unionLcs(target: readonly string[], predictions: readonly (readonly string[])[]): string[] {
  const indices = new Set<number>();
  for (const prediction of predictions) {
    for (const index of lcsIndices(target, prediction)) indices.add(index);
  }
  return [...indices].sort((a, b) => a - b).map((index) => target[index] as string);
}
