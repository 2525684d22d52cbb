/**
 * What an article tells us about its people: surnames indexed so that a
 * later "Stofan" can be shown by the full name the article introduced, and
 * genders where an honorific or a given name gives them away.
 */

import { genderOfGivenName } from './given-names.js';
import { personLike, runs, trimRun } from './names.js';
import { FEMININE, HONORIFICS, key, stripPossessive } from './words.js';

/** Where a run of capitalised words cannot continue: punctuation, a sentence end (not "Mr." or "M."). */
const CHUNK_BREAK = /[,;:()"“”‘\u2014\u2013!?]|(?<!\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Jr|Sr|\p{Lu}))\.\s|['’](?=\s)|\s-\s/u;

/** One person the article names, by surname. */
interface Person {
  full: string;
  /** First name, or '' for someone named only by title and surname ("President Obama"). */
  first: string;
}

/** Everything the article tells us about its people's names. */
export interface NameIndex {
  /**
   * The name to show: "Stofan" → "Ellen Stofan" when the article names
   * exactly one Stofan, "Ms. Ada Obi" → "Ada Obi"; otherwise unchanged.
   */
  expand(name: string): string;
  /** Whether a name plausibly refers to a person (not an organisation, a place, a common noun). */
  isPerson(name: string): boolean;
  /** 'm' or 'f' where an honorific ("Mr.", "Ms.") gave it away, else null. */
  gender(name: string): 'm' | 'f' | null;
  /** Whether a single word is written capitalised somewhere mid-sentence: a proper noun, not "Officials". */
  isProper(word: string): boolean;
}

/** Index every person named in `text` by surname. */
export function buildNameIndex(text: string): NameIndex {
  const bySurname = new Map<string, Person[]>();
  const genders = new Map<string, 'm' | 'f'>();
  const add = (surname: string, person: Person): void => {
    const people = bySurname.get(surname) ?? [];
    if (!people.some((p) => p.first === person.first)) people.push(person);
    bySurname.set(surname, people);
  };
  const proper = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{Ll},;]\s+)\p{Lu}[\p{L}\p{M}'’\-]*/gu)) proper.add(stripPossessive(m[0]));
  for (const chunk of text.split(CHUNK_BREAK)) {
    for (const run of runs(chunk)) {
      const { tokens, titled } = trimRun(run.tokens);
      const first = tokens[0];
      const surname = tokens[tokens.length - 1];
      if (!first || !surname) continue;
      if (HONORIFICS.has(key(first))) {
        if (tokens.length >= 2 && !genders.has(surname)) genders.set(surname, FEMININE.has(key(first)) ? 'f' : 'm');
        // "Ms. Ada Obi" introduces Ada Obi.
        const given = tokens[1];
        if (tokens.length >= 3 && given && personLike(tokens.slice(1))) add(surname, { full: tokens.slice(1).join(' '), first: given });
        continue;
      }
      if (tokens.length === 1 && titled && personLike(tokens)) add(surname, { full: surname, first: '' });
      if (tokens.length >= 2 && tokens.length <= 4 && personLike(tokens)) add(surname, { full: tokens.join(' '), first });
    }
  }
  const surnameOf = (name: string): string => name.split(' ').pop() ?? name;
  /** The one person with this surname; among several, the one whose first name is a known given name. */
  const only = (surname: string): Person | null => {
    const people = bySurname.get(surname) ?? [];
    if (people.length === 1) return people[0] ?? null;
    // "Falklands War Clarkson" is a run of capitals across a caption, not a second Clarkson;
    // "Louis Jordan" beside "Frank Jordan" is a second Jordan.
    const junk = (p: Person): boolean => genderOfGivenName(p.first) === null && p.full.split(' ').length > 2;
    const real = people.filter((p) => !junk(p));
    return real.length === 1 ? (real[0] ?? null) : null;
  };
  const expandOne = (name: string): string => {
    const tokens = name.split(' ');
    if (tokens.length >= 3 && HONORIFICS.has(key(tokens[0] ?? ''))) return tokens.slice(1).join(' ');
    if (tokens.length > 1) return name;
    // Two people share the surname, or one is known only by title: keep what the cue said.
    return only(name)?.full ?? name;
  };
  return {
    expand: expandOne,
    isPerson(name) {
      const tokens = name.split(' ');
      if (tokens.length === 1) return bySurname.has(name) || genders.has(name);
      if (HONORIFICS.has(key(tokens[0] ?? ''))) return true;
      return personLike(tokens);
    },
    gender(name) {
      const tokens = expandOne(name).split(' ');
      const first = key(tokens[0] ?? '');
      if (tokens.length > 1 && HONORIFICS.has(first)) return FEMININE.has(first) ? 'f' : 'm';
      return genders.get(surnameOf(name)) ?? (tokens.length > 1 ? genderOfGivenName(first) : null);
    },
    isProper(word) {
      return proper.has(word);
    },
  };
}
