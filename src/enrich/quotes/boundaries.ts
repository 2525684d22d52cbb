/**
 * Sentence edges inside and around quotations. The article-level splitter
 * (src/text/sentences.ts) answers a different question; here we need to know,
 * at a given offset, whether a sentence ends, so that a cue is looked for in
 * the quotation's own sentence and a long quotation is cut only between its
 * sentences.
 */

import { lastBelow } from '../../text/sorted.js';

const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'st', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'cmdr', 'adm', 'prof',
    'rev', 'jr', 'sr', 'inc', 'co', 'corp', 'ltd', 'vs', 'no', 'nos', 'mt', 'ft', 'jan', 'feb', 'mar', 'apr', 'aug',
    'sep', 'sept', 'oct', 'nov', 'dec', 'ave', 'approx', 'dept', 'est', 'fig', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e',
    'a.m', 'p.m', 'etc', 'al', 'del',
  ],
);

const TERMINAL = /[.!?…]/;
const CLOSING = /["'”’)\]]/;

/**
 * Whether the sentence ends right after offset `i`, which holds terminal
 * punctuation: what follows is a space and then something that can start a
 * sentence, and the word before is not an abbreviation or an initial.
 */
export function endsSentenceAt(text: string, i: number): boolean {
  if (!TERMINAL.test(text[i] ?? '')) return false;
  let j = i + 1;
  while (j < text.length && CLOSING.test(text[j] ?? '')) j++;
  if (j < text.length && !/\s/.test(text[j] ?? '')) return false;
  while (j < text.length && /\s/.test(text[j] ?? '')) j++;
  if (j >= text.length) return true;
  const next = text[j] ?? '';
  if (!/[\p{Lu}\p{N}"'“‘(\[…]/u.test(next)) return false;
  if (text[i] !== '.') return true;
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1] ?? '';
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  // An initial ("Steven M. Rosenthal", "B.B. King") is not a sentence end.
  return !/^(?:\p{Lu}\.?)+$/u.test(word) || word.replace(/\./g, '').length > 3;
}

/** Offset where the sentence containing `pos` begins, not before `floor`. */
export function sentenceStart(text: string, pos: number, floor = 0): number {
  for (let i = pos - 1; i >= floor; i--) {
    const ch = text[i] ?? '';
    if (ch === '\n' && /\n\s*$/.test(text.slice(Math.max(floor, i - 3), i))) return skipSpace(text, i + 1);
    if (TERMINAL.test(ch) && endsSentenceAt(text, i)) {
      let j = i + 1;
      while (j < pos && CLOSING.test(text[j] ?? '')) j++;
      return skipSpace(text, j);
    }
  }
  return floor;
}

/**
 * For one text: the offset just past the sentence containing `pos`, not
 * after `ceiling`. Where sentences end (a terminal that ends one, or a
 * blank line) is found once, when first asked: every quotation asks where
 * its sentence ends, and one that runs on to the end of a long paragraph
 * would otherwise read the rest of the paragraph for each of them.
 */
export function sentenceEnds(text: string): (pos: number, ceiling?: number) => number {
  let stops: number[] | undefined;
  return (pos, ceiling = text.length) => {
    stops ??= sentenceStops(text);
    const stop = stops[lastBelow(stops, pos) + 1];
    if (stop === undefined || stop >= ceiling) return ceiling;
    if (text[stop] === '\n') return stop;
    let j = stop + 1;
    while (j < ceiling && CLOSING.test(text[j] ?? '')) j++;
    return j;
  };
}

/** Offsets of the terminals that end a sentence, and of the first line break of each blank line. */
function sentenceStops(text: string): number[] {
  const stops: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if ((ch === '\n' && text[i + 1] === '\n') || (TERMINAL.test(ch) && endsSentenceAt(text, i))) stops.push(i);
  }
  return stops;
}

/** The sentences of `text` between `start` and `end`, as offset pairs. */
export function sentencesIn(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let from = skipSpace(text, start);
  for (let i = from; i < end; i++) {
    if (!TERMINAL.test(text[i] ?? '') || !endsSentenceAt(text, i)) continue;
    let j = i + 1;
    while (j < end && (TERMINAL.test(text[j] ?? '') || CLOSING.test(text[j] ?? ''))) j++;
    if (j > from) out.push({ start: from, end: j });
    from = skipSpace(text, j);
    i = from - 1;
  }
  if (from < end && text.slice(from, end).trim() !== '') out.push({ start: from, end: trimEnd(text, from, end) });
  return out;
}

function skipSpace(text: string, i: number): number {
  let j = i;
  while (j < text.length && /\s/.test(text[j] ?? '')) j++;
  return j;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1] ?? '')) e--;
  return e;
}
