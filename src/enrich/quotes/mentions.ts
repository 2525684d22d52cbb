/**
 * Where the article names people outside its quotations, and whether each
 * name is the subject of a verb: the candidates "he" and "she" point back to.
 */

import type { NameIndex } from './name-index.js';
import { personLike, trimRun } from './names.js';
import type { QuotedText } from './quoted-text.js';
import { HONORIFICS, key } from './words.js';

/** A run of capitalised words, with name particles ("Louis van Gaal"). */
const RUN = /\p{Lu}[\p{L}\p{M}'’\-.]*(?:\s+(?:(?:van|von|de|der|den|da|di|du|del|della|la|le|bin|ibn|al|el)\s+)?\p{Lu}[\p{L}\p{M}'’\-.]*)*/gu;
/** What follows a subject: an auxiliary, a common irregular past, or an -ed or -s form. */
const VERB_LIKE =
  /^(?:is|was|are|were|has|had|have|will|would|can|could|may|might|should|must|did|does|do|also|then|later|never|still|already|recently|once|took|made|went|came|gave|got|met|ran|saw|told|said|wrote|spoke|left|won|lost|began|sent|led|held|put|set|let|kept|thought|brought|felt|found|heard|knew|became|spent|stood|sat|built|bought|caught|taught|fought|sold|paid|laid|drove|rode|wore|grew|threw|flew|drew|swam|struck|hung|fell|broke|chose|woke|shook|forgot|understood|hit|cut|quit|read|lit|fed|meant|lent|dealt|slept|swept|wept|shot|sought|wound|ate|bit|hid|rose|froze|stole|sang|rang|drank|sank|swore|tore|overcame|forgave|\p{Ll}+ed|\p{Ll}+[^s\s]s)\b/u;

/** A run split after a possessive or after a full stop that is not an abbreviation's. */
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
 * surname the index knows. Mentions inside quotations are left out.
 */
export function personMentions(text: string, index: NameIndex, quoted: QuotedText): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(RUN)) {
    if (quoted.inside(m.index)) continue;
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
      // The agent of a passive is as much the centre of attention: "a speech by Winston Churchill, when he said".
      // Not after a title of a work ("Super Bass by Nikki Minaj").
      const agent = /(?:^|\s)\p{Ll}+\s+by\s+$/u.test(lead);
      const subject = !possessive && (agent || (!OBJECT_BEFORE.test(lead) && !EMBEDDED_BEFORE.test(lead) && isSubject(text, at + words.length)));
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
const OBJECT_BEFORE =
  /\b(?:for|of|at|with|from|to|in|on|about|against|than|like|under|into|over|after|before|off|near|across|through|toward|towards|behind|beyond|along|around|past|outside|inside|beside|within|without|via|onto|upon|among|between)\s+(?:the\s+)?$/i;

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

/** Every "he" or "she" that is the subject of a verb, outside quotations: the links of a pronoun chain. */
export function pronounSubjects(text: string, quoted: QuotedText): Array<{ pronoun: 'he' | 'she'; at: number }> {
  const out: Array<{ pronoun: 'he' | 'she'; at: number }> = [];
  for (const m of text.matchAll(/\b(he|she)\b/gi)) {
    if (quoted.inside(m.index)) continue;
    if (isSubject(text, m.index + m[0].length)) out.push({ pronoun: m[0].toLowerCase() as 'he' | 'she', at: m.index });
  }
  return out;
}

/** Whether a verb follows a name, past an appositive if there is one ("Christie, who …, blasted"). */
function isSubject(text: string, after: number): boolean {
  const rest = text.slice(after, after + 240);
  if (verbFollows(rest)) return true;
  if (!rest.startsWith(',')) return false;
  // Past an appositive, however many commas it holds: "Dr Ram Manohar, 38, of Barnston, Wirral, has denied".
  for (const comma of rest.slice(1, 200).matchAll(/,\s/g)) {
    const inside = rest.slice(1, comma.index + 1);
    if (/[.!?"“”]/.test(inside)) return false;
    if (verbFollows(rest.slice(comma.index + 1 + comma[0].length))) return true;
  }
  return false;
}

function verbFollows(rest: string): boolean {
  const words = rest.trimStart();
  if (!VERB_LIKE.test(words)) return false;
  // "Top Gear chiefs had …": a plural noun, not a verb, when a verb follows it.
  return !/^\p{Ll}+s\s+(?:had|have|has|were|are|was|is|will|would|could|can|said|say)\b/u.test(words);
}
