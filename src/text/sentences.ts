/**
 * Sentence splitting for news text as published: CNN datelines, Daily Mail
 * bylines and " . " paragraph separators, BBC one-paragraph-per-line rows,
 * abbreviations, initials, quotations that close after the full stop, and
 * short quotations of several sentences, kept whole.
 */

import { AMBIGUOUS, CUE_VERBS, NEVER_FINAL, SENTENCE_OPENERS } from './abbreviations.js';
import { FURNITURE_PHRASE, bylineEnd } from './furniture.js';
import { gluedStarts } from './glued.js';
import { emptyQuoteState, scanQuotes, type QuoteState } from './quotes.js';

export interface Sentence {
  /** The sentence exactly as it appears in the text: `text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /**
   * Index of the paragraph it belongs to: blocks separated by blank lines, or
   * by the " . " separators Daily Mail text uses in place of them.
   */
  paragraph: number;
}

interface Cut {
  at: number;
  /** The cut also ends a paragraph (a Daily Mail separator or furniture). */
  paragraph: boolean;
}

const TERMINATORS = '.?!…';
const CLOSERS = `"'”’)]»`;
const QUOTES = `"'”’»`;

/**
 * Split article text into sentences. A line break always ends a sentence; a
 * blank line also starts a new paragraph. Every sentence is trimmed and keeps
 * its exact offsets into `text`.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let breakPending = false;
  for (let from = 0; from <= text.length; ) {
    const newline = text.indexOf('\n', from);
    const to = newline === -1 ? text.length : newline;
    const line = text.slice(from, to);
    const next = to + 1;
    if (line.trim() === '') {
      from = next;
      breakPending = true;
      continue;
    }
    if (breakPending && out.at(-1)?.paragraph === paragraph) paragraph++;
    breakPending = false;
    let start = from;
    for (const cut of keepQuotationsWhole(text, from, cutLine(text, from, to))) {
      const sentence = trimmed(text, start, cut.at, paragraph);
      if (sentence) out.push(sentence);
      if (cut.paragraph && out.at(-1)?.paragraph === paragraph) paragraph++;
      start = cut.at;
    }
    from = next;
  }
  return out;
}

function trimmed(text: string, from: number, to: number, paragraph: number): Sentence | undefined {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  if (start === end) return undefined;
  return { text: text.slice(start, end), start, end, paragraph };
}

/** Sentence ends within one line, in order; the line's end is always one. */
function cutLine(text: string, from: number, to: number): Cut[] {
  const cuts: Cut[] = [];
  let scanFrom = from;
  const lead = from + (text.slice(from, to).length - text.slice(from, to).trimStart().length);
  const byline = bylineEnd(text, lead);
  if (byline > 0) {
    cuts.push({ at: byline, paragraph: true });
    scanFrom = byline;
  }

  for (const phrase of text.slice(scanFrom, to).matchAll(FURNITURE_PHRASE)) {
    const at = scanFrom + phrase.index;
    cuts.push({ at, paragraph: true }, { at: at + phrase[0].length, paragraph: true });
  }

  for (const at of gluedStarts(text, scanFrom, to)) cuts.push({ at, paragraph: false });

  // Where the line's words end: a terminator past it ends the line, not a sentence.
  let wordsEnd = to;
  while (wordsEnd > scanFrom && /\s/.test(text[wordsEnd - 1] as string)) wordsEnd--;
  for (let i = scanFrom; i < to; i++) {
    if (!TERMINATORS.includes(text[i] as string)) continue;
    let end = i;
    while (end < to && TERMINATORS.includes(text[end] as string)) end++;
    const run = text.slice(i, end);
    const closeFrom = end;
    while (end < to && CLOSERS.includes(text[end] as string)) end++;
    const closers = text.slice(closeFrom, end);
    const atLineEnd = end >= wordsEnd;
    if (!atLineEnd && !/\s/.test(text[end] as string)) {
      i = end - 1;
      continue;
    }
    if (atLineEnd) break;
    const separator = run === '.' && closers === '' && /\s/.test(text[i - 1] ?? '');
    if (separator || endsSentence(text, i, run, closers, end, to)) cuts.push({ at: end, paragraph: separator });
    i = end - 1;
  }

  cuts.push({ at: to, paragraph: false });
  return cuts.sort((a, b) => a.at - b.at);
}

/**
 * Most words a quotation of several sentences may run to and still be kept
 * as one sentence; a longer one is left in pieces (which the summarizer
 * will not use, as they open or close a quotation they do not finish).
 */
export const MAX_QUOTATION_WORDS = 60;

/**
 * Drop the cuts that fall inside a quotation of several sentences (`She
 * said: “The bus is fine. The bus is not the harbour.”`), so that no
 * sentence opens a quotation it does not close. A quotation is kept whole
 * only when it closes within the line, within `MAX_QUOTATION_WORDS`, with no
 * paragraph break (a Daily Mail separator) in between, and without a second
 * opening mark first: that is how a quotation running over several
 * paragraphs reads once they are joined on one line, and it is left in pieces.
 */
function keepQuotationsWhole(text: string, from: number, cuts: readonly Cut[]): Cut[] {
  const kept: Cut[] = [];
  let start = from;
  for (let i = 0; i < cuts.length; ) {
    const cut = cuts[i] as Cut;
    const state = emptyQuoteState();
    scanQuotes(text, state, start, cut.at);
    const closing = cut.paragraph || !isOpen(state) ? -1 : closingCut(text, start, cuts, i, state);
    const next = closing === -1 ? i : closing;
    const keep = cuts[next] as Cut;
    kept.push(keep);
    start = keep.at;
    i = next + 1;
  }
  return kept;
}

/** A quotation is open; "the growers' boats" may have only seemed to close it. */
function isOpen(state: QuoteState): boolean {
  return (state.double || state.single || state.singleClosedByApostrophe) && !state.reopened;
}

/** Index of the first cut after `i` where the quotation open at cut `i` has closed; -1 when it does not. */
function closingCut(text: string, start: number, cuts: readonly Cut[], i: number, state: QuoteState): number {
  for (let k = i + 1; k < cuts.length; k++) {
    const previous = cuts[k - 1] as Cut;
    if (previous.paragraph) return -1;
    const cut = cuts[k] as Cut;
    scanQuotes(text, state, previous.at, cut.at);
    if (state.reopened) return -1;
    if (countWords(text.slice(start, cut.at)) > MAX_QUOTATION_WORDS) return -1;
    if (!state.double && !state.single && !state.singleClosedByApostrophe) return k;
  }
  return -1;
}

function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/** Whether the terminator `run` at `at` (with `closers` after it) ends a sentence. */
function endsSentence(text: string, at: number, run: string, closers: string, after: number, to: number): boolean {
  // The next few words are all the decision needs; a CNN row is one long line.
  const next = text.slice(after, Math.min(to, after + 160)).trimStart().split(/\s+/, 4);
  const first = next[0] ?? '';
  if (/^\p{Ll}/u.test(first)) return false;

  // `"Why?" Smith asked.`: the quotation is the object of the speech verb.
  const quoted = [...closers].some((c) => QUOTES.includes(c));
  if (quoted && next.slice(1, 3).some((word) => CUE_VERBS.has(word.replace(/\W+$/, '')))) return false;
  if (run !== '.' || closers !== '') return true;

  // "then-Sen." is a title all the same.
  const word = previousWord(text, at).split('-').at(-1) ?? '';
  if (NEVER_FINAL.has(word)) return false;
  const abbreviation = AMBIGUOUS.has(word) || /^(?:\p{L}\.)*\p{L}$/u.test(word);
  if (!abbreviation) return true;
  return opensSentence(first, next[1]);
}

/** The word before a full stop, without opening quotes or brackets. */
function previousWord(text: string, at: number): string {
  let start = at;
  while (start > 0 && !/[\s("'“‘[]/.test(text[start - 1] as string)) start--;
  return text.slice(start, at);
}

/**
 * After an abbreviation or an initial, a capitalised word is usually a name
 * ("U.S. Navy", "George W. Bush"); only a typical opener, a quotation or a
 * caption label ("D.C. Shooter: Heavily armed...") ends the sentence.
 */
function opensSentence(word: string, following: string | undefined): boolean {
  if (/^["“‘']/.test(word)) return true;
  if (/^\p{Lu}[\p{L}'’-]*:$/u.test(word) && following !== undefined && /^\p{Lu}/u.test(following)) return true;
  return SENTENCE_OPENERS.has(word.replace(/[,;:]$/, ''));
}
