/**
 * Names of people in news text, found from capitalisation alone: a run of
 * capitalised words, with titles and job descriptions in front of it taken
 * off ("NASA chief scientist Ellen Stofan" → "Ellen Stofan"). Surnames are
 * indexed so that a later "Stofan" or "Mr. King" can be shown by the full
 * name the article introduced.
 */

import { genderOfGivenName } from './given-names.js';

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'mx']);
const FEMININE = new Set(['mrs', 'ms', 'miss']);

/** Capitalised words that open a run without being part of a name. */
const NOT_NAME = new Set(
  [
    'the', 'a', 'an', 'but', 'and', 'or', 'so', 'still', 'however', 'meanwhile', 'then', 'also', 'yet', 'in', 'on',
    'at', 'for', 'from', 'with', 'by', 'as', 'after', 'before', 'when', 'while', 'if', 'this', 'that', 'these',
    'those', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'former', 'ex', 'late', 'speaking', 'asked',
    'later', 'earlier', 'now', 'today', 'yesterday', 'tomorrow', 'last', 'next', 'monday', 'tuesday', 'wednesday',
    'thursday', 'friday', 'saturday', 'sunday', 'according', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'both',
    'several', 'many', 'some', 'other', 'another', 'one', 'two', 'three', 'dear', 'why', 'how', 'what', 'where',
    'who', 'yes', 'no', 'well', 'oh', 'even', 'just', 'only', 'there', 'here', 'although', 'though', 'because',
    'since', 'until', 'like', 'unlike', 'despite', 'during', 'among', 'between', 'under', 'over', 'into', 'about',
  ],
);

/** Titles and descriptions that stand before a name and are not shown with it. */
const TITLES = new Set(
  [
    'president', 'vice', 'senator', 'sen', 'rep', 'representative', 'congressman', 'congresswoman', 'gov', 'governor',
    'mayor', 'secretary', 'state', 'speaker', 'house', 'senate', 'chief', 'justice', 'judge', 'attorney', 'general',
    'gen', 'lt', 'col', 'sgt', 'capt', 'captain', 'commander', 'cmdr', 'admiral', 'adm', 'prof', 'professor', 'rev',
    'reverend', 'father', 'sir', 'dame', 'lord', 'lady', 'minister', 'prime', 'foreign', 'home', 'chancellor',
    'director', 'commissioner', 'ambassador', 'coach', 'manager', 'boss', 'officer', 'sheriff', 'detective',
    'inspector', 'superintendent', 'sergeant', 'constable', 'chairman', 'chairwoman', 'chair', 'ceo', 'deputy',
    'acting', 'assistant', 'associate', 'executive', 'senior', 'special', 'counsel', 'agent', 'pope', 'prince',
    'princess', 'queen', 'king', 'democratic', 'democrat', 'republican', 'gop', 'labour', 'tory', 'conservative',
    'liberal', 'independent', 'candidate', 'nominee', 'leader', 'majority', 'minority', 'white', 'press',
    'administrator', 'dean', 'principal', 'host', 'anchor', 'editor', 'reporter', 'correspondent', 'spokesman',
    'spokeswoman', 'spokesperson', 'analyst', 'pollster', 'economist', 'lawyer', 'defender', 'striker',
    'midfielder', 'goalkeeper', 'forward', 'winger', 'keeper', 'skipper', 'international', 'star', 'legend',
    'actress', 'actor', 'singer', 'rapper', 'model', 'designer', 'producer', 'founder', 'co-founder', 'owner',
    'physician', 'doctor', 'nurse', 'author', 'writer', 'researcher', 'scientist', 'expert', 'historian', 'teacher',
    'pilot', 'mother', 'mum', 'dad', 'wife', 'husband', 'daughter', 'son', 'brother', 'friend', 'neighbour', 'neighbor',
    'witness', 'boxer', 'player', 'jockey', 'trainer', 'chef', 'musician', 'comedian', 'presenter', 'broadcaster',
    'journalist', 'photographer', 'campaigner', 'activist', 'resident', 'student', 'veteran', 'survivor', 'victim',
  ],
);

/** Words that make a capitalised run an organisation or a place rather than a person. */
const ORGANISATION = new Set(
  [
    'university', 'institute', 'institution', 'center', 'centre', 'foundation', 'association', 'party', 'committee',
    'council', 'department', 'ministry', 'agency', 'company', 'corp', 'inc', 'ltd', 'times', 'post', 'news',
    'journal', 'press', 'club', 'united', 'city', 'bank', 'group', 'court', 'police', 'office', 'house', 'senate',
    'congress', 'commission', 'service', 'network', 'airlines', 'board', 'authority', 'organisation',
    'organization', 'campaign', 'trust', 'fund', 'school', 'college', 'hospital', 'museum', 'society', 'union',
    'federation', 'league', 'states', 'kingdom', 'republic', 'county', 'street', 'park', 'church', 'army', 'navy',
    'force', 'guard', 'reserve', 'fox', 'cnn', 'bbc', 'reuters', 'associated', 'daily', 'weekly', 'magazine',
    'channel', 'radio', 'television', 'tv', 'online', 'research', 'report', 'poll', 'survey', 'study', 'administration',
    'government', 'coalition', 'alliance', 'fc', 'stadium', 'hall', 'square', 'island', 'islands', 'river', 'lake',
    'mountain', 'valley', 'north', 'south', 'east', 'west', 'central', 'national', 'international', 'global',
    'american', 'british', 'european', 'world', 'cup', 'championship', 'premier', 'bundesliga', 'olympics', 'games',
    'day', 'week', 'month', 'year', 'road', 'avenue', 'airport', 'station', 'tower', 'building', 'project', 'program',
    'programme', 'act', 'bill', 'law', 'treaty',
  ],
);

const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'del', 'della', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'dos', 'das', 'ter', 'ten', 'st.']);
const NAME_TOKEN = /^(?:\p{Lu}[\p{L}\p{M}'’\-.]*|(?:al|el|bin)-\p{Lu}[\p{L}\p{M}'’\-.]*)$/u;

/** Lower-cased word without trailing dots, for looking up the word lists. */
function key(token: string): string {
  return token.toLowerCase().replace(/\.+$/, '');
}

function stripPossessive(token: string): string {
  return token.replace(/['’]s?$/, '');
}

function isAcronym(token: string): boolean {
  // "NASA", "FBI"; initials with full stops ("B.B.") are part of a name.
  return /^\p{Lu}{2,}$/u.test(token.replace(/[\-&]/g, ''));
}

/** The runs of capitalised words in a phrase, each as its tokens and where it began. */
function runs(phrase: string): Array<{ tokens: string[]; before: string | null; end: boolean }> {
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

/** Titles that, standing before a surname alone, say it is a person ("President Obama", "Sen. Sanders"). */
const PERSONAL_TITLES = new Set(
  [
    'president', 'senator', 'sen', 'rep', 'representative', 'congressman', 'congresswoman', 'gov', 'governor', 'mayor',
    'secretary', 'speaker', 'judge', 'justice', 'gen', 'general', 'lt', 'col', 'sgt', 'capt', 'captain', 'prof',
    'professor', 'rev', 'reverend', 'pope', 'prince', 'princess', 'queen', 'king', 'lord', 'lady', 'sir', 'dame',
    'coach', 'chancellor', 'minister', 'ambassador', 'commissioner', 'detective', 'officer', 'sheriff', 'chairman',
  ],
);

/** Job words that end a description, never a name ("Retired General"). */
const ROLES = new Set(
  [
    'general', 'president', 'secretary', 'senator', 'governor', 'mayor', 'minister', 'director', 'chairman',
    'spokesman', 'spokeswoman', 'spokesperson', 'officer', 'commissioner', 'ambassador', 'leader', 'nominee',
    'candidate', 'chief', 'manager', 'coach', 'captain', 'ceo',
  ],
);

interface Trimmed {
  tokens: string[];
  /** A personal title stood right before what is left ("President Obama" → ["Obama"]). */
  titled: boolean;
}

/** Take titles, descriptions and sentence-opening words off the front of a run. */
function trimRun(raw: readonly string[]): Trimmed {
  // A run stops at a possessive, so only its last word can carry one; a full
  // stop there ends the sentence, unless the word is an initial.
  const last = raw.length - 1;
  let t = raw.map((w, i) => (i === last ? stripPossessive(w).replace(/(\p{L}{2,})\.$/u, (m, word: string) => (/^(?:jr|sr)$/i.test(word) ? m : word)) : w));
  let titled = false;
  // Everything up to the last title describes the person ("Retired U.S. Air Force Gen. Norman Ham").
  for (let i = t.length - 2; i >= 0; i--) {
    const k = key(t[i] ?? '');
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
  // Sentence openers: "Concluding Top Gear chiefs …", "The", acronyms like "NASA" before a name.
  while (t.length > 1 && !HONORIFICS.has(key(t[0] ?? '')) && (NOT_NAME.has(key(t[0] ?? '')) || isAcronym(t[0] ?? '') || /^\p{Lu}\p{Ll}{3,}ing$/u.test(t[0] ?? ''))) {
    t = t.slice(1);
  }
  // "Skipper John Ames": a word in front of a known given name is a description.
  while (t.length > 2 && !HONORIFICS.has(key(t[0] ?? '')) && genderOfGivenName(key(t[1] ?? '')) !== null && genderOfGivenName(key(t[0] ?? '')) === null) {
    t = t.slice(1);
  }
  if (t.length === 1 && (NOT_NAME.has(key(t[0] ?? '')) || HONORIFICS.has(key(t[0] ?? '')))) return { tokens: [], titled };
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
  const cleaned = phrase.replace(/\([^)]*\)/g, ' ').replace(/[,;:]+\s*$/, '').trim();
  const all = runs(cleaned);
  const last = all[all.length - 1];
  if (!last || !last.end) return null;
  const { tokens } = trimRun(last.tokens);
  if (tokens.length === 0) return null;
  const before = last.before === null ? null : key(last.before);
  const ofTitle = before === 'of' && TITLES.has(key(last.tokens[0] ?? ''));
  if (before !== null && PREPOSITIONS.has(before) && !ofTitle) return null;
  return tokens.join(' ');
}

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
  /** "Stofan" → "Ellen Stofan" when the article names exactly one Stofan; otherwise unchanged. */
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
        if (tokens.length === 2 && !genders.has(surname)) genders.set(surname, FEMININE.has(key(first)) ? 'f' : 'm');
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
    // "Falklands War Clarkson" is a run of capitals across a caption, not a second Clarkson.
    const named = people.filter((p) => genderOfGivenName(p.first) !== null);
    return named.length === 1 && people.every((p) => p === named[0] || genderOfGivenName(p.first) === null && p.first !== '')
      ? (named[0] ?? null)
      : null;
  };
  const expandOne = (name: string): string => {
    if (name.includes(' ')) return name;
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

/** Words that turn a capitalised run into a title ("Give Me Green Card", "Child Promise Me You Will …"). */
const NOT_IN_NAMES = new Set(
  ['me', 'you', 'i', 'my', 'your', 'we', 'us', 'our', 'he', 'she', 'his', 'her', 'they', 'it', 'will', 'give', 'get', 'is', 'are', 'be', 'the', 'of', 'and', 'a', 'an', 'to', 'in', 'for', 'on'],
);

function personLike(tokens: readonly string[]): boolean {
  if (tokens.some((t) => ORGANISATION.has(key(stripPossessive(t))) || NOT_IN_NAMES.has(key(t)))) return false;
  if (ROLES.has(key(tokens[tokens.length - 1] ?? ''))) return false;
  // "St. Clement's Wharf", "St. Louis": saints and streets, not speakers.
  if (isAcronym(tokens[0] ?? '') || key(tokens[0] ?? '') === 'st') return false;
  return tokens.every((t) => !/^\d/.test(t));
}

const RUN = /\p{Lu}[\p{L}\p{M}'’\-.]*(?:\s+(?:(?:van|von|de|der|den|da|di|du|del|della|la|le|bin|ibn|al|el)\s+)?\p{Lu}[\p{L}\p{M}'’\-.]*)*/gu;
const VERB_LIKE =
  /^(?:is|was|are|were|has|had|have|will|would|can|could|may|might|should|must|did|does|do|also|then|later|never|still|already|recently|once|took|made|went|came|gave|got|met|ran|saw|told|said|wrote|spoke|left|won|lost|began|sent|led|held|put|set|let|kept|thought|brought|felt|found|heard|knew|became|\p{Ll}+ed|\p{Ll}+[^s\s]s)\b/u;

const NAME_PARTS = /.+?(?:['’]s?(?=\s|$)|(?<!\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Jr|Sr|Del|\p{Lu}))\.(?=\s)|$)/gu;

/** A person named in the text, and whether the name stands as the subject of a verb. */
export interface Mention {
  name: string;
  at: number;
  subject: boolean;
}

/**
 * Every mention of a person: two or more names ("Ellen Stofan"), an
 * honorific or a title and a surname ("Mr. King", "President Obama"), or a
 * surname the index knows. Mentions inside `skip` (quotations) are left out.
 */
export function personMentions(text: string, index: NameIndex, skip: ReadonlyArray<{ start: number; end: number }>): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(RUN)) {
    if (skip.some((s) => m.index >= s.start && m.index < s.end)) continue;
    // A possessive ends a name ("Mr. King's Russia Today" is Mr. King, then a programme), and
    // so does a full stop after a word ("… over Nepal. He has visited …").
    for (const part of m[0].matchAll(NAME_PARTS)) {
      const words = part[0].trim();
      const at = m.index + part.index + (part[0].length - part[0].trimStart().length);
      const { tokens, titled } = trimRun(words.split(/\s+/));
      const first = tokens[0];
      if (!first) continue;
      const person =
        (HONORIFICS.has(key(first)) && tokens.length === 2) ||
        (tokens.length >= 2 && tokens.length <= 4 && personLike(tokens)) ||
        (tokens.length === 1 && (titled || index.isPerson(first)) && personLike(tokens));
      const possessive = /['’]s?$/.test(words);
      const lead = text.slice(Math.max(0, at - 24), at);
      const subject = !possessive && !OBJECT_BEFORE.test(lead) && !EMBEDDED_BEFORE.test(lead) && isSubject(text, at + words.length);
      if (person) out.push({ name: tokens.join(' '), at, subject });
    }
  }
  return out;
}

/** The first name in a clause that a verb follows ("Blige sings to Clinton …" → Blige), with its offset. */
export function clauseSubject(phrase: string): { name: string; at: number } | null {
  for (const m of phrase.matchAll(RUN)) {
    const words = m[0].replace(/['’]s?$/, '');
    const { tokens } = trimRun(words.split(/\s+/));
    if (tokens.length > 0 && words === m[0] && isSubject(phrase, m.index + m[0].length)) return { name: tokens.join(' '), at: m.index };
  }
  return null;
}

/** A preposition right before a name makes it an object ("the Commission on Presidential Debates announced"). */
const OBJECT_BEFORE = /\b(?:for|of|at|with|from|to|by|in|on|about|against|than|like|under|into|over|after|before)\s+(?:the\s+)?$/i;

/**
 * A name right after "said (that)" is the subject of what was said, not of
 * the sentence: in "Prescott said Mr Pickles had given …", Prescott is the
 * one a following "he" most likely means.
 */
const EMBEDDED_BEFORE = new RegExp(
  `\\b(?:${[
    'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'insisted', 'insists', 'argued', 'argues', 'claimed',
    'claims', 'warned', 'warns', 'noted', 'notes', 'believes', 'believed', 'believe', 'thinks', 'thought', 'means',
    'meant', 'hopes', 'hoped', 'found', 'finds', 'revealed', 'reveals', 'announced', 'confirmed', 'knew', 'knows',
    'showed', 'shows', 'suggested', 'suggests', 'reported', 'reports', 'admitted', 'felt', 'feared', 'learned',
    'heard', 'saw', 'discovered', 'realised', 'realized', 'noticed', 'decided', 'ruled', 'alleged', 'that',
  ].join('|')})\\s+$`,
  'i',
);

/** Every "he" or "she" that is the subject of a verb, outside `skip`: the links of a pronoun chain. */
export function pronounSubjects(text: string, skip: ReadonlyArray<{ start: number; end: number }>): Array<{ pronoun: 'he' | 'she'; at: number }> {
  const out: Array<{ pronoun: 'he' | 'she'; at: number }> = [];
  for (const m of text.matchAll(/\b(he|she)\b/gi)) {
    if (skip.some((s) => m.index >= s.start && m.index < s.end)) continue;
    if (isSubject(text, m.index + m[0].length)) out.push({ pronoun: m[0].toLowerCase() as 'he' | 'she', at: m.index });
  }
  return out;
}

/** Whether a verb follows a name, past an appositive if there is one ("Christie, who …, blasted"). */
function isSubject(text: string, after: number): boolean {
  let rest = text.slice(after, after + 240);
  const appositive = /^,[^.!?"“”]{1,200}?,\s/.exec(rest);
  if (appositive) rest = rest.slice(appositive[0].length);
  const words = rest.trimStart();
  if (!VERB_LIKE.test(words)) return false;
  // "Top Gear chiefs had …": a plural noun, not a verb, when a verb follows it.
  return !/^\p{Ll}+s\s+(?:had|have|has|were|are|was|is|will|would|could|can|said|say)\b/u.test(words);
}
