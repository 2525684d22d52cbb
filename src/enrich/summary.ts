/**
 * Extractive summary: a few sentences copied verbatim from the article.
 *
 * Each sentence is ranked twice, by position (news puts what matters first)
 * and by centrality (TF-IDF cosine with the rest of the article: what the
 * story keeps coming back to), and the two ranks are added, position weighing
 * a little more. The best-ranked sentences that fit the word budget and do
 * not repeat one another are returned in article order. Sentences that make
 * poor summaries (bylines, captions, questions, fragments, run-ons) are only
 * used when nothing else is left.
 */

import { contentStart, isCaption, isFurniture } from '../text/furniture.js';
import { splitSentences } from '../text/sentences.js';
import { contentTerms } from '../text/terms.js';
import { cosine, sum, tfidfVectors, type TermVector } from '../text/vectors.js';

export interface SummaryOptions {
  /** Most sentences to return (default 3). */
  sentences?: number;
  /** Word budget for the whole summary (default 60); `Infinity` for none. */
  words?: number;
  /** The article's title; a sentence that only repeats it is not used. */
  title?: string;
}

interface Candidate {
  text: string;
  position: number;
  words: number;
  summaryWorthy: boolean;
  vector: TermVector;
  rank: number;
}

/**
 * How much more a step down the article costs than a step down in
 * centrality. The inverted pyramid makes position the stronger signal; both
 * news highlights and extract-style references held up from 1.25 to 2.
 */
const POSITION_WEIGHT = 1.5;
/** Fewer words than this is a fragment ("No wonder."). */
const MIN_WORDS = 5;
/** More words than this is a run-on, usually captions glued into the text. */
const MAX_WORDS = 50;
/** Cosine similarity above which a sentence repeats one already chosen. */
const REDUNDANT = 0.5;

/** Pick 1..`sentences` sentences of `text`, verbatim and in article order, within `words` words. */
export function summarize(text: string, options: SummaryOptions = {}): string[] {
  const limit = Math.max(1, Math.floor(options.sentences ?? 3));
  const budget = options.words ?? 60;
  const story = candidates(text, options.title);
  if (story.length === 0) return [];
  rank(story);

  const worthy = story.filter((c) => c.summaryWorthy);
  const pool = (worthy.length > 0 ? worthy : story).sort((a, b) => a.rank - b.rank || a.position - b.position);
  const chosen: Candidate[] = [];
  let used = 0;
  for (const candidate of pool) {
    if (chosen.length === limit) break;
    if (used + candidate.words > budget) continue;
    if (chosen.some((c) => cosine(c.vector, candidate.vector) > REDUNDANT)) continue;
    chosen.push(candidate);
    used += candidate.words;
  }
  // Never empty: the best sentence alone, even over the budget.
  if (chosen.length === 0 && pool[0]) chosen.push(pool[0]);
  return chosen.sort((a, b) => a.position - b.position).map((c) => c.text);
}

/** The story's sentences, datelines and bylines trimmed off, page furniture left out. */
function candidates(text: string, title: string | undefined): Candidate[] {
  const headline = normalise(title ?? '');
  const story: Candidate[] = [];
  for (const sentence of splitSentences(text)) {
    const own = sentence.text.slice(contentStart(sentence.text));
    if (own === '' || isFurniture(own)) continue;
    const words = countWords(own);
    const summaryWorthy =
      words >= MIN_WORDS &&
      words <= MAX_WORDS &&
      /[.!…]["'”’)\]]*$/.test(own) &&
      !isCaption(own) &&
      normalise(own) !== headline;
    story.push({ text: own, position: story.length, words, summaryWorthy, vector: new Map(), rank: 0 });
  }
  return story;
}

/** Set each candidate's `rank`: weighted position rank plus centrality rank, lower is better. */
function rank(story: Candidate[]): void {
  const vectors = tfidfVectors(story.map((c) => contentTerms(c.text)));
  story.forEach((c, i) => (c.vector = vectors[i] ?? new Map()));
  const whole = sum(vectors);
  const wholeSquared = dot(whole, whole);
  const centrality = new Map(story.map((c) => [c, cosineWithRest(c.vector, whole, wholeSquared)]));
  const byCentrality = [...story].sort((a, b) => (centrality.get(b) ?? 0) - (centrality.get(a) ?? 0) || a.position - b.position);
  byCentrality.forEach((c, centralRank) => (c.rank = POSITION_WEIGHT * c.position + centralRank));
}

/**
 * Cosine of a sentence with the rest of the article (the whole minus the
 * sentence, so a sentence is not central by resembling itself), worked out
 * from dot products instead of building the difference for every sentence.
 */
function cosineWithRest(sentence: TermVector, whole: TermVector, wholeSquared: number): number {
  const withWhole = dot(sentence, whole);
  const own = dot(sentence, sentence);
  const restSquared = wholeSquared - 2 * withWhole + own;
  const norm = Math.sqrt(own * Math.max(restSquared, 0));
  return norm === 0 ? 0 : (withWhole - own) / norm;
}

function dot(a: TermVector, b: TermVector): number {
  let total = 0;
  for (const [term, weight] of a) total += weight * (b.get(term) ?? 0);
  return total;
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
