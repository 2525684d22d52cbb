/**
 * The pieces of a quotation that can stand as a pull quote: the whole of it
 * when it fits, otherwise runs of its complete sentences. Every piece is an
 * exact slice of the article, cut only at sentence edges, and loses only the
 * punctuation that belonged to the sentence around it (the comma before
 * "she said", a leading ellipsis).
 */

import { sentencesIn } from './boundaries.js';

/** A candidate pull quote: `text === article.slice(start, end)`. */
export interface Excerpt {
  text: string;
  start: number;
  end: number;
  /** Starts like a sentence and ends like one (or with the comma that hands over to a cue). */
  complete: boolean;
  /** The whole quotation, not a run of sentences cut from a longer one. */
  whole: boolean;
}

const OPENS_SENTENCE = /^[(\[]?[\p{Lu}\p{N}]/u;
const ENDS_SENTENCE = /[.!?…]["'”’)\]]*$/;

/**
 * Excerpts of the quotation at [start, end) between `min` and `max`
 * characters. `handsOver` says its trailing comma leads into a cue, so a
 * quotation like "We are delighted," counts as a complete sentence.
 */
export function excerpts(text: string, start: number, end: number, handsOver: boolean, min: number, max: number): Excerpt[] {
  const whole = tidy(text, start, end);
  const endsInComma = handsOver && /,\s*$/.test(text.slice(whole.end, end));
  // A line break inside a quotation is a paragraph the box cannot show: offer its sentences instead.
  if (whole.end - whole.start <= max && !text.slice(whole.start, whole.end).includes('\n')) {
    const piece = make(text, whole.start, whole.end, endsInComma, true);
    return piece.text.length >= min ? [piece] : [];
  }
  const sentences = sentencesIn(text, whole.start, whole.end);
  const out: Excerpt[] = [];
  for (let i = 0; i < sentences.length; i++) {
    for (let j = i; j < sentences.length; j++) {
      const from = sentences[i]?.start ?? 0;
      const to = sentences[j]?.end ?? 0;
      if (to - from > max || text.slice(from, to).includes('\n')) break;
      const piece = tidy(text, from, to);
      const last = j === sentences.length - 1;
      const excerpt = make(text, piece.start, piece.end, last && endsInComma, false);
      if (excerpt.text.length >= min) out.push(excerpt);
    }
  }
  return out;
}

/** Drop what belongs to the surrounding sentence: leading ellipses and dashes, trailing commas. */
function tidy(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /[\s.…\u2014\u2013\-,]/.test(text[s] ?? '')) {
    if (text[s] === '.' && text.slice(s, s + 3) !== '...' && text[s - 1] !== '.') break;
    s++;
  }
  while (e > s && /[\s,;:\u2014\u2013-]/.test(text[e - 1] ?? '')) e--;
  return { start: s, end: e };
}

function make(text: string, start: number, end: number, handsOver: boolean, whole: boolean): Excerpt {
  const slice = text.slice(start, end);
  const complete = OPENS_SENTENCE.test(slice) && (ENDS_SENTENCE.test(slice) || handsOver);
  return { text: slice, start, end, complete, whole };
}
