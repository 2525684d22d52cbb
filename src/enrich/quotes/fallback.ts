/**
 * A sentence to pull out of an article that quotes nobody: whole, verbatim,
 * able to stand alone (not opening with "He" or "But", which point back at
 * what the reader has not seen), and not a byline, a photo credit or site
 * furniture.
 */

import { splitSentences } from '../../text/sentences.js';
import type { Excerpt } from './excerpt.js';

const BOILERPLATE = [
  /^(?:by|photo|photos|picture|pictures|image|images|credit|source|video|watch|read more|related|click|follow|subscribe|sign up|advertisement|share|copyright|all rights|back to top|last updated|updated|published|editor'?s note|this (?:article|story) (?:was|has been)|contact)\b/i,
  /©|https?:\/\/|www\.|\S+@\S+\.\w+/i,
  /\b(?:getty images|reuters|associated press|ap photo|afp|pa wire|shutterstock|via (?:twitter|instagram|facebook))\b/i,
  // A caption's label run into its text ("Proud mum: Jean with her lamb …").
  /^[\p{Lu}][\p{L}'’ -]{0,24}:\s/u,
];
const DANGLING = /^(?:he|she|it|they|this|that|these|those|his|her|its|their|but|and|or|so|also|however|then|there|here|yet|still|such|both)\b/i;
const QUOTE_MARK = /["“”‘]|(?:^|\s)'/;

/**
 * The most striking sentence of `text`, or null. `overlaps` says whether a
 * span repeats the summary.
 */
export function strikingSentence(
  text: string,
  min: number,
  max: number,
  overlaps: (start: number, end: number) => boolean,
): Excerpt | null {
  let best: { excerpt: Excerpt; score: number } | null = null;
  for (const sentence of splitSentences(text)) {
    const s = sentence.text;
    if (s.length < min || s.length > max) continue;
    if (!/^\p{Lu}/u.test(s) || !/[.!?]$/.test(s)) continue;
    if (QUOTE_MARK.test(s) || BOILERPLATE.some((re) => re.test(s))) continue;
    if (overlaps(sentence.start, sentence.end)) continue;
    // Stand-alone first, then a length that reads well in a pull-quote box; earlier wins ties.
    const score = (DANGLING.test(s) ? 2 : 0) + (s.length >= 60 && s.length <= 160 ? 0 : 1);
    if (best === null || score < best.score) {
      best = { excerpt: { text: s, start: sentence.start, end: sentence.end, complete: true, whole: true }, score };
    }
  }
  return best?.excerpt ?? null;
}
