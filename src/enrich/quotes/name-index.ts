/**
 * What an article tells us about its people: surnames indexed so that a
 * later "Stofan" can be shown by the full name the article introduced, and
 * genders where an honorific or a given name gives them away.
 */

import { genderOfGivenName } from './given-names.js';
import { afterArticle, personLike, runs, trimRun } from './names.js';
import type { Nickname } from './nicknames.js';
import { FEMININE, HONORIFICS, key, personNoun, stripPossessive } from './words.js';

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
   * one Stofan (among several, the first it introduced, of the gender asked
   * for if given), "Ms. Ada Obi" → "Ada Obi", "Maggie" → "Marguerite Doyle"
   * for a nickname; otherwise unchanged ("Mr. Burman" stays in house style).
   */
  expand(name: string, gender?: 'm' | 'f' | null): string;
  /** Like expand, and "Ms Ünal-Costa" → "Zoë Ünal-Costa" too: for a name the article did not put in a cue. */
  full(name: string, gender?: 'm' | 'f' | null): string;
  /**
   * The person a definite description stands for, where the article names
   * exactly one person with it: "the captain" → "Joel Monaghan" after
   * "captain Joel Monaghan", "his granddaughter" → "Zoë Ünal-Costa" after
   * "his granddaughter, Zoë Ünal-Costa". Null otherwise, and for indefinite
   * descriptions ("a spokesman"), which introduce someone unnamed.
   */
  describe(description: string): string | null;
  /** Whether a name plausibly refers to a person (not an organisation, a place, a common noun). */
  isPerson(name: string): boolean;
  /** 'm' or 'f' where an honorific ("Mr.", "Ms.") gave it away, else null. */
  gender(name: string): 'm' | 'f' | null;
  /** Whether a single word is written capitalised somewhere mid-sentence: a proper noun, not "Officials". */
  isProper(word: string): boolean;
}

/** Index every person named in `text` by surname; `nicknames` map to the name around them. */
export function buildNameIndex(text: string, nicknames: readonly Nickname[] = []): NameIndex {
  const bySurname = new Map<string, Person[]>();
  const genders = new Map<string, 'm' | 'f'>();
  const add = (surname: string, person: Person): void => {
    const people = bySurname.get(surname) ?? [];
    // "Professor Curnoe" after "Darren Curnoe" is the same person again, not a second Curnoe.
    if (person.first === '' && people.length > 0) return;
    if (!people.some((p) => p.first === person.first)) people.push(person);
    bySurname.set(surname, people);
  };
  const proper = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{Ll},;]\s+)\p{Lu}[\p{L}\p{M}'’\-]*/gu)) proper.add(stripPossessive(m[0]));
  for (const chunk of text.split(CHUNK_BREAK)) {
    for (const run of runs(chunk)) {
      const { tokens, titled } = trimRun(afterArticle(run.tokens, run.before === null ? null : key(run.before)));
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
  const givenGender = (p: Person): 'm' | 'f' | null => genderOfGivenName(p.first);
  /**
   * The one person with this surname: among several, the one with a real
   * name (not a run of capitals across a caption), or the one of the gender
   * asked for. Null when nothing tells them apart.
   */
  const only = (surname: string, gender: 'm' | 'f' | null = null): Person | null => {
    const people = bySurname.get(surname) ?? [];
    if (people.length <= 1) return people[0] ?? null;
    // "Falklands War Clarkson" is a run of capitals across a caption, not a second Clarkson;
    // "Louis Jordan" beside "Frank Jordan" is a second Jordan.
    const junk = (p: Person): boolean => givenGender(p) === null && p.full.split(' ').length > 2;
    const real = people.filter((p) => !junk(p));
    if (real.length === 1) return real[0] ?? null;
    const fitting = gender === null ? [] : real.filter((p) => givenGender(p) === gender);
    return fitting.length === 1 ? (fitting[0] ?? null) : null;
  };
  // Everyone introduced in full, by first name: asked for every lone word in a cue.
  const fullByFirst = new Map<string, Map<string, Person>>();
  for (const list of bySurname.values()) {
    for (const p of list) {
      if (!p.full.includes(' ')) continue;
      const people = fullByFirst.get(p.first) ?? new Map<string, Person>();
      people.set(p.full, p);
      fullByFirst.set(p.first, people);
    }
  }
  /** The one person introduced in full with this first name. */
  const byFirst = (first: string): Person | null => {
    const people = fullByFirst.get(first);
    return people?.size === 1 ? ([...people.values()][0] ?? null) : null;
  };
  const aliases = new Map<string, string>();
  for (const nickname of nicknames) {
    const { tokens } = trimRun(nickname.around.split(/\s+/).filter((w) => w !== ''));
    if (tokens.length >= 2 && personLike(tokens)) aliases.set(nickname.name, tokens.join(' '));
  }
  const expandOne = (name: string, gender: 'm' | 'f' | null = null): string => {
    const alias = aliases.get(name);
    if (alias) return alias;
    const tokens = name.split(' ');
    const first = key(tokens[0] ?? '');
    // "Ms. Ada Obi" is Ada Obi; "Mr. Burman" stays as the article styles him.
    if (HONORIFICS.has(first)) return tokens.length >= 3 ? tokens.slice(1).join(' ') : name;
    if (tokens.length > 1) {
      // "Ó Dálaigh" is the Siobhán Ó Dálaigh the article introduced; "Van De Ven" its Yves Van De Ven.
      const longer = (bySurname.get(surnameOf(name)) ?? []).filter((p) => p.full.endsWith(` ${name}`));
      return longer.length === 1 ? (longer[0]?.full ?? name) : name;
    }
    // Two people share the surname and nothing tells them apart, or one is known only by title: keep what the cue said.
    // "Sir Digby" after "Sir Digby Jones": a title before a first name, not a second person.
    const titledOnly = (bySurname.get(name) ?? []).every((p) => p.first === '');
    if (bySurname.has(name) && !(titledOnly && byFirst(name))) return only(name, gender)?.full ?? name;
    // "Daniel" for the Daniel Buccheri the article introduced, when nobody else is a Daniel.
    return byFirst(name)?.full ?? name;
  };
  const describe = (description: string): string | null => describeIn(text, description, (tokens) => {
    const trimmed = trimRun(tokens).tokens;
    if (trimmed.length === 0 || !personLike(trimmed)) return null;
    // "President Obama" counts as a person named with the title, though only by surname.
    return expandOne(trimmed.join(' '));
  });
  const full = (name: string, gender: 'm' | 'f' | null = null): string => {
    const tokens = name.split(' ');
    const honorific = key(tokens[0] ?? '');
    if (tokens.length !== 2 || !HONORIFICS.has(honorific)) return expandOne(name, gender);
    const person = only(tokens[1] ?? '', FEMININE.has(honorific) ? 'f' : honorific === 'mr' ? 'm' : gender);
    return person && person.first !== '' && person.full.includes(' ') ? person.full : name;
  };
  const isPerson = (name: string): boolean => {
    const tokens = name.split(' ');
    if (tokens.length === 1) return bySurname.has(name) || genders.has(name) || aliases.has(name) || byFirst(name) !== null;
    if (HONORIFICS.has(key(tokens[0] ?? ''))) return true;
    return personLike(tokens);
  };
  const gender = (name: string): 'm' | 'f' | null => {
    const tokens = expandOne(name).split(' ');
    const first = key(tokens[0] ?? '');
    if (tokens.length > 1 && HONORIFICS.has(first)) return FEMININE.has(first) ? 'f' : 'm';
    return (tokens.length > 1 ? genderOfGivenName(first) : null) ?? genders.get(surnameOf(name)) ?? null;
  };
  // The index is complete by now, so each answer holds for the whole article: a pronoun
  // resolved at every cue asks about the same few names over and over.
  return {
    expand: remembered(expandOne),
    full: remembered(full),
    describe: remembered(describe),
    isPerson: remembered(isPerson),
    gender: remembered(gender),
    isProper(word) {
      return proper.has(word);
    },
  };
}

/** A pure function of a name (and a gender) that answers each question once. */
function remembered<G extends 'm' | 'f' | null | undefined, R>(answer: (name: string, gender?: G) => R): (name: string, gender?: G) => R {
  const answers = new Map<string, R>();
  return (name, gender) => {
    const question = `${gender ?? ''}|${name}`;
    if (answers.has(question)) return answers.get(question) as R;
    const result = answer(name, gender);
    answers.set(question, result);
    return result;
  };
}

/** Words that make a title another one: a vice president is not "the president". */
const RANK_MODIFIERS = new Set(['vice', 'deputy', 'assistant', 'acting', 'former', 'associate', 'lieutenant', 'lt', 'ex', 'co', 'under', 'sub', 'interim', 'shadow']);

const DEFINITE = /^(?:the|his|her|their|its|our|my|your|\p{Lu}[\p{L}.\-]*['’]s)\s+/iu;
const PREPOSITION = /\s(?:of|for|at|in|on|from|with|to|who|whose|which|that)\s.*$/i;
const NAME_RUN = "\\p{Lu}[\\p{L}\\p{M}'’\\-.]*(?:\\s+(?:(?:van|von|de|der|den|da|di|du|del|della|la|le|bin|ibn|al|el)\\s+)?\\p{Lu}[\\p{L}\\p{M}'’\\-.]*){0,5}";

/**
 * The one person `text` names with a description's words: right before the
 * name ("station manager Pieter van Rensburg", "US President Barack Obama")
 * or in apposition on either side ("his granddaughter, Zoë Ünal-Costa",
 * "Doyle, the helm,").
 */
function describeIn(text: string, description: string, person: (tokens: string[]) => string | null): string | null {
  const words = description.trim().replace(/\s+/g, ' ');
  const determiner = DEFINITE.exec(words);
  // "a spokesman", "one source": someone the article introduces without a name.
  if (!determiner && /^(?:a|an|one|another|some|two|three|several|many)\s/i.test(words)) return null;
  const core = words.slice(determiner?.[0].length ?? 0).replace(PREPOSITION, '').trim();
  // "the 30-year-old": the one person the article gives that age ("Ada Obi, 30,").
  const age = /^(\d{1,3})-year-old(?:\s|$)/.exec(core)?.[1];
  if (age && determiner) {
    return theOne(person, [
      new RegExp(`(${NAME_RUN}),\\s+(?:aged\\s+)?${age}\\b`, 'gu'),
      new RegExp(`${age}-year-old\\s+(?:[\\p{Ll}\\-]+\\s+){0,3}(${NAME_RUN})`, 'gu'),
    ], text);
  }
  if (!/^\p{L}[\p{L}\-]+(?: \p{L}[\p{L}.\-]+){0,3}$/u.test(core)) return null;
  // "the book, Living History" is not a person to name.
  if (!personNoun(core.split(' ').pop() ?? '')) return null;
  const escaped = core
    .split(' ')
    .map((w) => {
      const word = `[${w[0]?.toUpperCase() ?? ''}${w[0]?.toLowerCase() ?? ''}]${w.slice(1).toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
      // "the Indiana governor" is "Indiana Gov. Mike Pence".
      const short = ABBREVIATED[w.toLowerCase()];
      return short ? `(?:${word}|${short[0]?.toUpperCase() ?? ''}${short.slice(1)}\\.?)` : word;
    })
    .join('\\s+');
  const found = new Set<string>();
  // "helm Ottilie Brannagh", "Bishop of Durham, the Rt Rev Dr Tom Wright".
  const before = new RegExp(`(?<![\\p{L}])${escaped}(?:\\s+of\\s+(?:the\\s+)?\\p{Lu}[\\p{L}\\-]*(?:\\s+\\p{Lu}[\\p{L}\\-]*){0,2})?,?\\s+(?:the\\s+)?(${NAME_RUN})`, 'gu');
  for (const m of text.matchAll(before)) {
    // "Vice President Joseph Biden" is not who "the president" is.
    const modifier = /([\p{L}.\-]+)\s*$/u.exec(text.slice(Math.max(0, m.index - 20), m.index))?.[1]?.toLowerCase() ?? '';
    if (RANK_MODIFIERS.has(modifier.replace(/\.$/, '')) && !new RegExp(`\\b${modifier.replace(/[.\-]/g, '\\$&')}`, 'i').test(words)) continue;
    const name = person(nameTokens(m[1] ?? ''));
    if (name) found.add(name);
  }
  const after = new RegExp(`(${NAME_RUN}),\\s+(?:(?:the|a|an|his|her|their|its)\\s+)?(?:[\\p{L}'’\\-]+\\s+){0,4}?${escaped}(?![\\p{L}])`, 'gu');
  for (const m of text.matchAll(after)) {
    // "in the Northern Echo, the Bishop said": a comma after a phrase, not an apposition.
    if (/\b(?:the|a|an|in|on|at|of|for|from|to|by|with|into)\s+$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    const name = person(nameTokens(m[1] ?? ''));
    if (name) found.add(name);
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/** The one person the patterns find (group 1 of each), or null for none or several. */
function theOne(person: (tokens: string[]) => string | null, patterns: readonly RegExp[], text: string): string | null {
  const found = new Set<string>();
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      const name = person(nameTokens(m[1] ?? ''));
      if (name) found.add(name);
    }
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/** Titles as news copy abbreviates them before a name. */
const ABBREVIATED: Readonly<Record<string, string>> = {
  senator: 'sen', governor: 'gov', representative: 'rep', general: 'gen', professor: 'prof', captain: 'capt',
  sergeant: 'sgt', lieutenant: 'lt', colonel: 'col', doctor: 'dr', reverend: 'rev', superintendent: 'supt',
  inspector: 'insp', detective: 'det', commander: 'cmdr', admiral: 'adm', delegate: 'del',
};

/** The words of a name run, cut at a possessive or a sentence end. */
function nameTokens(run: string): string[] {
  const tokens: string[] = [];
  for (const word of run.split(/\s+/)) {
    if (word === '') continue;
    tokens.push(word.replace(/['’]s?$/, '').replace(/(\p{L}{2,})\.$/u, '$1'));
    if (/['’]s?$|\p{L}{2,}\.$/u.test(word)) break;
  }
  return tokens;
}
