/**
 * Where an article uses surnames: as a person's (after a title, beside a
 * speech verb, before an age) and as words of a sentence. An article can
 * introduce thousands of people; asking about each surname by searching the
 * whole article made it cost the square of its length. Here the places a
 * surname could stand (after each title, around each speech verb, at each
 * capital) are found once, and the words found there are looked up.
 */

import { CUE_VERBS } from './abbreviations.js';

/** Titles that mark a surname as a person's: "Mr Pottinger", "Dr. Menon". */
const TITLES = ['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof', 'Sen', 'Rep', 'Gov', 'Capt', 'Sgt', 'Det', 'Insp'];
/** Words that may stand between a surname and its speech verb: "Thorne also said". */
const BETWEEN = ['also', 'later', 'then', 'has', 'had', 'previously', 'once'];

const CUE = [...CUE_VERBS].join('|');
const AFTER_TITLE = new RegExp(String.raw`\b(?:${TITLES.join('|')})\.? `, 'g');
const CUE_THEN_SPACE = new RegExp(String.raw`\b(?:${CUE}) `, 'g');
const SPACE_THEN_CUE = new RegExp(String.raw`(?<= )(?:${CUE})\b`, 'g');
const BEFORE_AGE = /(?=, \d{1,3},)/g;
const CAPITAL_NEXT = / \p{Lu}/uy;
/** What a surname is made of; surrogates let letters outside the BMP through to the lookup. */
const SURNAME_CHAR = /[\p{L}’'\-\uD800-\uDFFF]/u;
/** Letters and digits that may not touch a surname used as a word. */
const WORD_BEFORE = /[\p{L}\p{N}’'-]$/u;
const WORD_AFTER = /[\p{L}\p{N}-]/uy;
const CAPITAL = /\p{Lu}/uy;

/**
 * The surnames `text` uses for a person: after a title ("Mr Pottinger"),
 * as the subject or object of a speech verb ("Baptiste said", "said
 * Menon"), or before an age ("Thorne, 46,"). The same as testing, for each
 * surname S, /\b(?:Mr|…)\.? S\b|\bS(?:['’]s)?,? (?:(?:also|…) )?(?:said|…)\b|\b(?:said|…) S\b(?! \p{Lu})|\bS, \d{1,3},/u.
 */
export function surnamesUsedForPeople(text: string, surnames: ReadonlySet<string>): Set<string> {
  const used = new Set<string>();
  const longest = longestOf(surnames);
  const found = (name: string | null): void => {
    if (name !== null) used.add(name);
  };
  const forward = (from: number, fits: (end: number) => boolean): void => {
    for (const end of endsFrom(text, from, longest)) if (fits(end)) found(lookup(text, from, end, surnames));
  };
  const backward = (end: number): void => {
    for (const start of startsBefore(text, end, longest)) if (boundary(text, start)) found(lookup(text, start, end, surnames));
  };
  for (const m of text.matchAll(AFTER_TITLE)) forward(m.index + m[0].length, (end) => boundary(text, end));
  for (const m of text.matchAll(CUE_THEN_SPACE)) {
    forward(m.index + m[0].length, (end) => boundary(text, end) && !matchesAt(CAPITAL_NEXT, text, end));
  }
  for (const m of text.matchAll(SPACE_THEN_CUE)) for (const end of surnameEndsBeforeCue(text, m.index)) backward(end);
  for (const m of text.matchAll(BEFORE_AGE)) backward(m.index);
  return used;
}

/**
 * For each surname in `surnames`, where `sentence` uses it as a word (not
 * inside another word or a hyphenated name): the offsets of
 * /(?<![\p{L}\p{N}’'-])S(?![\p{L}\p{N}-])/u.
 */
export function surnameWords(sentence: string, surnames: ReadonlySet<string>): Map<string, number[]> {
  const words = new Map<string, number[]>();
  const longest = longestOf(surnames);
  for (let start = 0; start < sentence.length; start++) {
    if (!matchesAt(CAPITAL, sentence, start) || WORD_BEFORE.test(sentence.slice(Math.max(0, start - 2), start))) continue;
    for (const end of endsFrom(sentence, start, longest)) {
      if (matchesAt(WORD_AFTER, sentence, end)) continue;
      const name = lookup(sentence, start, end, surnames);
      if (name !== null) words.set(name, [...(words.get(name) ?? []), start]);
    }
  }
  return words;
}

/** Where a surname (and "'s", a comma, one of BETWEEN) can end before a speech verb at `cue`, after a space. */
function surnameEndsBeforeCue(text: string, cue: number): number[] {
  const spaces = [cue - 1];
  for (const word of BETWEEN) if (text.endsWith(` ${word} `, cue)) spaces.push(cue - word.length - 2);
  const ends: number[] = [];
  for (const space of spaces) {
    for (const end of text[space - 1] === ',' ? [space, space - 1] : [space]) {
      ends.push(end);
      if (/['’]s$/.test(text.slice(end - 2, end))) ends.push(end - 2);
    }
  }
  return ends;
}

/** Ends of the runs of surname characters from `start`, at most `longest` long. */
function* endsFrom(text: string, start: number, longest: number): Generator<number> {
  for (let end = start + 1; end <= Math.min(text.length, start + longest) && SURNAME_CHAR.test(text[end - 1] ?? ''); end++) yield end;
}

/** Starts of the runs of surname characters that end at `end`, at most `longest` long. */
function* startsBefore(text: string, end: number, longest: number): Generator<number> {
  for (let start = end - 1; start >= Math.max(0, end - longest) && SURNAME_CHAR.test(text[start] ?? ''); start--) yield start;
}

function longestOf(surnames: ReadonlySet<string>): number {
  let longest = 0;
  for (const surname of surnames) longest = Math.max(longest, surname.length);
  return longest;
}

function lookup(text: string, start: number, end: number, surnames: ReadonlySet<string>): string | null {
  const name = text.slice(start, end);
  return surnames.has(name) ? name : null;
}

/** \b as a regular expression without the i flag sees it: between [A-Za-z0-9_] and anything else. */
function boundary(text: string, at: number): boolean {
  return isWordChar(text[at - 1]) !== isWordChar(text[at]);
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /\w/.test(c);
}

function matchesAt(sticky: RegExp, text: string, at: number): boolean {
  sticky.lastIndex = at;
  return sticky.test(text);
}
