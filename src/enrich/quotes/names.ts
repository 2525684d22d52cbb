/**
 * Names of people in news text, found from capitalisation alone: a run of
 * capitalised words, with titles and job descriptions in front of it taken
 * off ("NASA chief scientist Ellen Stofan" → "Ellen Stofan").
 */

import { genderOfGivenName } from './given-names.js';
import {
  BARE_TITLES,
  HONORIFICS,
  NAME_TOKEN,
  NOT_IN_NAMES,
  NOT_NAME,
  ORGANISATION,
  PARTICLES,
  PARTIES,
  PERSONAL_TITLES,
  PLACES,
  ROLES,
  TITLES,
  isAcronym,
  key,
  stripPossessive,
} from './words.js';

/** The runs of capitalised words in a phrase, each as its tokens and where it began. */
export function runs(phrase: string): Array<{ tokens: string[]; before: string | null; end: boolean }> {
  const words = phrase.split(/\s+/).filter((w) => w.length > 0);
  const out: Array<{ tokens: string[]; before: string | null; end: boolean }> = [];
  let i = 0;
  while (i < words.length) {
    const word = words[i] ?? '';
    if (!NAME_TOKEN.test(word)) {
      i++;
      continue;
    }
    const tokens: string[] = [];
    const before = i > 0 ? (words[i - 1] ?? null) : null;
    let j = i;
    while (j < words.length) {
      const w = words[j] ?? '';
      if (NAME_TOKEN.test(w)) {
        tokens.push(w);
        j++;
        // A possessive ends the name: "Clinton's team".
        if (/['’]s?$/.test(w) && !/^\p{Lu}['’]/u.test(w)) break;
        continue;
      }
      if (PARTICLES.has(w.toLowerCase()) && tokens.length > 0 && NAME_TOKEN.test(words[j + 1] ?? '')) {
        tokens.push(w);
        j++;
        continue;
      }
      break;
    }
    out.push({ tokens, before, end: j === words.length });
    i = j;
  }
  return out;
}

export interface Trimmed {
  tokens: string[];
  /** A personal title stood right before what is left ("President Obama" → ["Obama"]). */
  titled: boolean;
}

/** Take titles, descriptions and sentence-opening words off the front of a run. */
export function trimRun(raw: readonly string[]): Trimmed {
  // A run stops at a possessive, so only its last word can carry one; a full
  // stop there ends the sentence, unless the word is an initial.
  const last = raw.length - 1;
  let t = raw.map((w, i) => (i === last ? stripPossessive(w).replace(/(\p{L}{2,})\.$/u, (m, word: string) => (/^(?:jr|sr)$/i.test(word) ? m : word)) : w));
  let titled = false;
  // "…the rap artist Drake Here Promise holds…": a caption ran into the next sentence, whose
  // opening word ("Here", "The", "But") no name holds; the name is what comes after it.
  for (let i = t.length - 2; i >= 1; i--) {
    if (NOT_NAME.has(key(t[i] ?? '')) && !PARTICLES.has(t[i] ?? '')) {
      t = t.slice(i + 1);
      break;
    }
  }
  // Everything up to the last title describes the person ("Retired U.S. Air Force Gen. Norman Ham"),
  // unless the run names an organisation ("International Atomic Energy Agency").
  const organisation = ORGANISATION.has(key(stripPossessive(t[t.length - 1] ?? '')));
  for (let i = t.length - 2; i >= 0 && !organisation; i--) {
    // "Del. Stacey Plaskett": a delegate, though "Del" is also a particle ("Guillermo Del Toro").
    const k = t[i] === 'Del.' ? 'delegate' : key(t[i] ?? '');
    if (HONORIFICS.has(k)) {
      t = t.slice(i);
      break;
    }
    if (TITLES.has(k)) {
      titled = PERSONAL_TITLES.has(k);
      t = t.slice(i + 1);
      break;
    }
  }
  // Sentence openers ("The", "Concluding Top Gear chiefs …"), acronyms ("NASA") and
  // compound descriptions ("Windsor-born", "Oscar-nominated") before a name.
  const opener = (w: string): boolean =>
    NOT_NAME.has(key(w)) || isAcronym(w) || /^\p{Lu}\p{Ll}{3,}ing$/u.test(w) || /^\p{Lu}[\p{L}]*-\p{Ll}+$/u.test(w);
  while (t.length > 1 && !HONORIFICS.has(key(t[0] ?? '')) && opener(t[0] ?? '')) {
    t = t.slice(1);
  }
  // "Skipper John Ames": a word in front of a known given name is a description.
  while (t.length > 2 && !HONORIFICS.has(key(t[0] ?? '')) && genderOfGivenName(key(t[1] ?? '')) !== null && genderOfGivenName(key(t[0] ?? '')) === null) {
    t = t.slice(1);
  }
  const only = key(t[0] ?? '');
  if (t.length === 1 && (NOT_NAME.has(only) || HONORIFICS.has(only) || BARE_TITLES.has(only) || PARTIES.has(only))) return { tokens: [], titled };
  return { tokens: t, titled };
}

const PREPOSITIONS = new Set(['for', 'of', 'at', 'with', 'from', 'to', 'by', 'in', 'on', 'about', 'against', 'than', 'like', 'under']);

/**
 * The name a phrase ends with, as in the subject of "… said": "NASA chief
 * scientist Ellen Stofan" → "Ellen Stofan". Null when the phrase ends with
 * something else, or the name is the object of a preposition ("a spokesman
 * for Donald Trump").
 */
export function headName(phrase: string): string | null {
  const cleaned = withoutTrailingCommas(withoutParentheses(phrase)).trim();
  const all = runs(cleaned);
  const last = all[all.length - 1];
  if (!last || !last.end) return null;
  const before = last.before === null ? null : key(last.before);
  const { tokens } = trimRun(afterArticle(last.tokens, before));
  if (tokens.length === 0) return null;
  // "the Committee", "the Pentagon": one capitalised word after "the" names a thing.
  if (before === 'the' && last.tokens.length === 1) return null;
  const ofTitle = before === 'of' && TITLES.has(key(last.tokens[0] ?? ''));
  if (before !== null && PREPOSITIONS.has(before) && !ofTitle) return null;
  // "chief executive of the Harbour Users Association": the object of a preposition too.
  if (before === 'the' && new RegExp(`\\b(?:${[...PREPOSITIONS].join('|')})\\s+the\\s+\\S+(?:\\s+\\S+){${last.tokens.length - 1}}$`, 'i').test(cleaned)) return null;
  return tokens.join(' ');
}

/**
 * `phrase.replace(/\([^)]*\)/g, ' ')`, in one pass: the regular expression
 * read on to the end of the phrase from every "(" that nothing closes.
 */
function withoutParentheses(phrase: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = phrase.indexOf('(', from);
    const close = open < 0 ? -1 : phrase.indexOf(')', open + 1);
    if (close < 0) return out + phrase.slice(from);
    out += `${phrase.slice(from, open)} `;
    from = close + 1;
  }
}

/** `phrase.replace(/[,;:]+\s*$/, '')`, read from the end rather than tried at every comma. */
function withoutTrailingCommas(phrase: string): string {
  let end = phrase.length;
  while (end > 0 && /\s/.test(phrase[end - 1] ?? '')) end--;
  let start = end;
  while (start > 0 && /[,;:]/.test(phrase[start - 1] ?? '')) start--;
  return start < end ? phrase.slice(0, start) : phrase;
}

/**
 * A run right after "the" names a thing ("the Herald Sun"); where a caption or
 * a missing comma runs a person's name on after it ("Speaking to the Herald
 * Sun Daniel said"), the person starts at the first known given name.
 */
export function afterArticle(tokens: readonly string[], before: string | null): string[] {
  if (before !== 'the' && before !== 'a' && before !== 'an') return [...tokens];
  for (let k = 1; k < tokens.length; k++) {
    if (genderOfGivenName(key(stripPossessive(tokens[k] ?? ''))) !== null) return tokens.slice(k);
  }
  return [...tokens];
}

/** Whether a run of names (titles already off) reads as a person, not an organisation, a place or a title of a work. */
export function personLike(tokens: readonly string[]): boolean {
  if (tokens.some((t) => ORGANISATION.has(key(stripPossessive(t))) || NOT_IN_NAMES.has(key(t)))) return false;
  const last = key(stripPossessive(tokens[tokens.length - 1] ?? ''));
  if (ROLES.has(last) || (tokens.length > 1 && PLACES.has(last))) return false;
  // "St. Clement's Wharf", "St. Louis": saints and streets, not speakers.
  if (isAcronym(tokens[0] ?? '') || key(tokens[0] ?? '') === 'st') return false;
  return tokens.every((t) => !/^\d/.test(t));
}
