/**
 * Extractive summary: a few sentences copied verbatim from the article.
 *
 * Each sentence is ranked twice, by position (news puts what matters first)
 * and by centrality (TF-IDF cosine with the rest of the article: what the
 * story keeps coming back to), and the two ranks are added, position weighing
 * a little more. The best-ranked sentences that fit the word budget and do
 * not repeat one another are returned in article order. Sentences that make
 * poor summaries (bylines, captions, questions, fragments, run-ons, pieces of
 * a quotation) are only used when nothing else is left.
 *
 * Every sentence must make sense to a reader who has not seen the article:
 * one that leans on the sentence before it ("He voted for the budget.", "But
 * the plan failed.", `"We are ready," she said.`) is used only together with
 * that sentence, and one that names a person by surname alone only together
 * with the sentence that said who they are (or, for the story's main figures,
 * at a cost in rank).
 */

import { leansOnPrevious, nameIntroductions } from '../text/context.js';
import { contentStart, isCaption, isFurniture } from '../text/furniture.js';
import { runsOn } from '../text/glued.js';
import { hasUnbalancedQuotes, insideQuotation } from '../text/quotes.js';
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
  /** Positions of the sentences this one cannot be read without. */
  needs: number[];
  /**
   * Positions of the sentences that introduce people this one names by
   * surname alone: it is down-weighted until they are in the summary.
   */
  introductions: number[];
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
/**
 * Someone named in this many sentences is a main figure of the story: a
 * sentence naming them by surname alone is still usable without the one that
 * introduced them (think "Obama"), at a cost in rank of four places down the
 * article, `UNINTRODUCED`. Anyone else named by surname alone needs the
 * sentence that introduced them in the summary too.
 */
const MAIN_FIGURE = 3;
const UNINTRODUCED = 6;
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
  const taken = new Set<number>();
  let used = 0;
  // Best first. A sentence that leans on another waits until that one is in;
  // one that names a main figure of the story by surname alone ranks lower
  // until the sentence that introduced them is in. So every pick weighs the
  // whole pool again.
  while (chosen.length < limit) {
    let best: Candidate | undefined;
    let bestRank = Infinity;
    for (const candidate of pool) {
      if (taken.has(candidate.position) || used + candidate.words > budget) continue;
      if (!candidate.needs.every((p) => taken.has(p))) continue;
      const effective = candidate.rank + (candidate.introductions.every((p) => taken.has(p)) ? 0 : UNINTRODUCED);
      if (effective >= bestRank) continue;
      if (chosen.some((c) => cosine(c.vector, candidate.vector) > REDUNDANT)) continue;
      best = candidate;
      bestRank = effective;
    }
    if (!best) break;
    chosen.push(best);
    taken.add(best.position);
    used += best.words;
  }
  // Never empty: the best sentence that stands alone, even over the budget, unless
  // it is far over: text with no sentence ends reads as one sentence of any length.
  const fallback = pool.find((c) => c.needs.length === 0) ?? pool[0];
  if (chosen.length === 0 && fallback) return [fallback.words > budget * OVER_BUDGET ? shorten(fallback.text, budget) : fallback.text];
  return chosen.sort((a, b) => a.position - b.position).map((c) => c.text);
}

/** How far over the budget a lone sentence may run before it is cut. */
const OVER_BUDGET = 1.5;
/**
 * Words are counted by spaces, but a sentence is at least one word for every
 * this many characters: a run of text with few spaces (a long link, a token
 * pasted by mistake, a language written without spaces) is as long as it looks.
 */
const LETTERS_PER_WORD = 12;

/**
 * The first `words` words of a sentence too long to show, ended with an
 * ellipsis: cut after the last clause (a comma, semicolon, colon or dash)
 * when that keeps at least half of them, else after the last word. A "word"
 * longer than the whole budget's letters (text with no spaces at all) is cut
 * where the letters run out.
 */
function shorten(text: string, words: number): string {
  const letters = words * LETTERS_PER_WORD;
  let kept = '';
  for (const word of text.split(/\s+/).filter(Boolean).slice(0, words)) {
    if (kept.length + word.length + 1 > letters) break;
    kept = kept ? `${kept} ${word}` : word;
  }
  if (!kept) kept = Array.from(text.trim()).slice(0, letters).join('');
  const clause = Math.max(...[',', ';', ':', ' —', ' –'].map((mark) => kept.lastIndexOf(mark)));
  const cut = clause > 0 && countWords(kept.slice(0, clause)) >= words / 2 ? kept.slice(0, clause) : kept;
  return `${cut.replace(/[\s,;:—–-]+$/u, '')}…`;
}

/** The story's sentences, datelines and bylines trimmed off, page furniture left out. */
function candidates(text: string, title: string | undefined): Candidate[] {
  const headline = normalise(title ?? '');
  const story: Candidate[] = [];
  const sentences = splitSentences(text);
  const quoted = insideQuotation(text, sentences);
  for (const [i, sentence] of sentences.entries()) {
    const own = sentence.text.slice(contentStart(sentence.text));
    if (own === '' || isFurniture(own)) continue;
    const words = countWords(own);
    const summaryWorthy =
      words >= MIN_WORDS &&
      words <= MAX_WORDS &&
      /[.!…]["'”’)\]]*$/.test(own) &&
      !isCaption(own) &&
      !/^\(.*\)$/.test(own) &&
      !runsOn(own) &&
      !hasUnbalancedQuotes(own) &&
      !quoted[i] &&
      normalise(own) !== headline;
    const position = story.length;
    const needs = position > 0 && leansOnPrevious(own) ? [position - 1] : [];
    story.push({ text: own, position, words, summaryWorthy, needs, introductions: [], vector: new Map(), rank: 0 });
  }
  nameIntroductions(story.map((c) => c.text)).forEach((introductions, i) => {
    const candidate = story[i] as Candidate;
    for (const { at, mentions } of introductions) {
      if (mentions >= MAIN_FIGURE) candidate.introductions.push(at);
      else if (!candidate.needs.includes(at)) candidate.needs.push(at);
    }
  });
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
  return Math.max(text.split(/\s+/).filter(Boolean).length, Math.ceil(text.length / LETTERS_PER_WORD));
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
