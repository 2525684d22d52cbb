/**
 * Whether a sentence can be read on its own, out of the article: "He voted
 * for the budget." cannot (who is he?), nor "But the plan failed.", nor
 * `"We are ready," she said.`, nor "Baptiste said the lab would add alerts."
 * when only an earlier sentence says who Baptiste is. The summarizer uses a
 * sentence like that only together with the sentence it leans on.
 */

import { CUE_VERBS } from './abbreviations.js';
import { emptyQuoteState, scanQuotes } from './quotes.js';
import { surnameWords, surnamesUsedForPeople } from './surnames.js';

/** Why a sentence leans on the one before it. */
export type Leaning = 'pronoun' | 'connective' | 'pronoun-speaker' | 'unattributed-quote';

/** Pronouns that, as a sentence's subject (or its possessive), point back at someone already named. */
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'his', 'her', 'its', 'their', 'him', 'them', 'we']);

/** Words that open a sentence by pointing back at the one before. */
const CONNECTIVES = new Set([
  'but', 'and', 'or', 'so', 'yet', 'nor', 'however', 'also', 'still', 'that', 'this', 'these', 'those', 'then',
  'thus', 'therefore', 'hence', 'moreover', 'furthermore', 'besides', 'nevertheless', 'nonetheless', 'instead',
  'otherwise', 'again', 'likewise', 'similarly', 'indeed', 'such', 'there',
]);

/** Connectives of several words. */
const CONNECTIVE_PHRASE =
  /^(?:in addition|as a result|by contrast|in contrast|on the other hand|in turn|even so|despite this|despite that|because of this|because of that|after that|the latter|the former|the other|the others|the rest|the (?:group|pair|couple|duo|trio|man|woman|boy|girl|men|women|two|three|four)\b(?! of)|as well|at the same time|on top of that)\b/i;

/** "This year", "that week": a time, not a reference back. "There is": an existential, not a place. */
const NOT_REFERRING =
  /^(?:(?:this|that|these) (?:year|week|month|morning|afternoon|evening|night|weekend|summer|winter|spring|autumn|fall|season|time|days|term|decade|century|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|so[- ](?:far|called|much)\b|there (?:is|are|was|were|will|has|have|had|may|might|could|would|should|must|can|seems|appears)\b|still to come\b|and finally\b)/i;

/** A connective set off inside the sentence: "Worries do, however, remain." */
const INNER_CONNECTIVE =
  /^[^"“”‘’;:]{1,80}?, (?:however|though|meanwhile|therefore|instead|in turn|nevertheless|nonetheless|moreover|furthermore|in addition|as a result|by contrast|in contrast|on the other hand|too|even so)(?:,|[.!?]$)/i;

/** An introductory phrase before the subject: "In March, he said...", "Ahead of the vote, we asked her...". */
const INTRO_THEN_PRONOUN = /^[^,"“”‘’']{2,80}, (he|she|they|it|we|his|her|their|its)\b/i;

const OPEN_QUOTE = /^["“‘']/;
const PRONOUN_SPEAKER = new RegExp(
  String.raw`(?:[,.!?…]["”'’]?|["”'’])\s+(?:(?:he|she|they)\s+(?:${[...CUE_VERBS].join('|')})|(?:${[...CUE_VERBS].join('|')})\s+(?:he|she|they))\b|,\s+(?:he|she|they)\s+(?:${[...CUE_VERBS].join('|')})\b[^"“”]*$`,
  'i',
);

/**
 * Why `sentence` cannot be read without the sentence before it, or null when
 * it can: it opens with a pronoun or a connective (also after an introductory
 * phrase), it quotes someone named only as "he" or "she", or it is a
 * quotation with no speaker at all.
 */
export function leansOnPrevious(sentence: string): Leaning | null {
  const text = sentence.trim();
  if (NOT_REFERRING.test(text)) return null;
  const first = (/^[\p{L}’']+/u.exec(text)?.[0] ?? '').toLowerCase().replace(/[’']s$/, '');
  if (PRONOUNS.has(first)) return 'pronoun';
  if (CONNECTIVES.has(first) || CONNECTIVE_PHRASE.test(text) || INNER_CONNECTIVE.test(text)) return 'connective';
  if (PRONOUN_SPEAKER.test(text)) return 'pronoun-speaker';
  if (INTRO_THEN_PRONOUN.test(text) && !NOT_REFERRING.test(text.replace(/^[^,]*, /, ''))) return 'pronoun';
  if (OPEN_QUOTE.test(text) && isWholeQuotation(text)) return 'unattributed-quote';
  return null;
}

/** A sentence that is nothing but a quotation: `"We will rebuild."` with no speaker. */
function isWholeQuotation(text: string): boolean {
  const state = emptyQuoteState();
  const marks = scanQuotes(text, state);
  const first = marks[0];
  if (!first || first.at !== 0 || first.role !== 'open') return false;
  const closing = marks.find((m) => m.role === 'close' && m.family === first.family);
  if (!closing) return false;
  const after = text.slice(closing.at + 1).trim();
  return /^[.,!?;:…)]*$/.test(after);
}

/** A person's name as news writes it at first mention: given name(s) and surname. */
const FULL_NAME = /(?<![\p{L}’'.-])((?:\p{Lu}[\p{Ll}’'-]+|\p{Lu}\.(?:\p{Lu}\.)*)(?: (?:\p{Lu}\.|\p{Lu}[\p{Ll}’'-]+)){0,2}) (\p{Lu}[\p{Ll}]+(?:[-’']\p{Lu}?[\p{Ll}]+)?)(?![\p{L}’'-]| \p{Lu})/gu;

/** Capitalised words that start a sentence or a title rather than a name. */
const NOT_GIVEN = new Set([
  'The', 'A', 'An', 'In', 'On', 'At', 'For', 'From', 'With', 'By', 'To', 'Of', 'And', 'But', 'Or', 'As', 'If', 'When',
  'While', 'After', 'Before', 'Since', 'During', 'Under', 'Over', 'This', 'That', 'These', 'Those', 'Mr', 'Mrs',
  'Ms', 'Dr', 'Prof', 'Sir', 'Lady', 'Lord', 'Dame', 'St', 'Mt', 'North', 'South', 'East', 'West', 'New', 'Old',
  'Great', 'Little', 'Upper', 'Lower', 'Port', 'Fort', 'Lake', 'Mount', 'Cape', 'Saint', 'San', 'Santa', 'Los',
  'Las', 'Le', 'La', 'El', 'Al', 'Van', 'Von', 'De', 'Del', 'Da', 'Di',
]);

/** Titles that may stand before a surname used alone: "Mr Pottinger" still needs the full name. */
const TITLES = new Set([
  'Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof', 'Sen', 'Rep', 'Gov', 'Capt', 'Sgt', 'Det', 'Insp', 'Sir', 'Dame',
]);

/** A person a sentence names by surname alone. */
export interface Introduction {
  /** Index of the sentence that first gave the full name. */
  at: number;
  /** How many sentences of the article mention the surname: the story's main figures come up again and again. */
  mentions: number;
}

/**
 * For each sentence, the people it names by surname alone ("Thorne, 46, is
 * the third generation..."), each with the sentence that first gave the full
 * name ("...Abigail Thorne steers her skiff..."). A surname counts only where
 * the article uses it for a person (with a speech verb, an age or a title),
 * so "Harbour City" does not make "City" one.
 */
export function nameIntroductions(sentences: readonly string[]): Introduction[][] {
  const introduced = new Map<string, number>();
  sentences.forEach((sentence, i) => {
    for (const match of sentence.matchAll(FULL_NAME)) {
      const given = (match[1] ?? '').split(' ');
      const surname = match[2] ?? '';
      if (given.every((word) => NOT_GIVEN.has(word.replace(/\.$/, '')))) continue;
      if (NOT_GIVEN.has(surname) || introduced.has(surname)) continue;
      introduced.set(surname, i);
    }
  });
  const used = surnamesUsedForPeople(sentences.join('\n'), new Set(introduced.keys()));
  const people = new Map(
    [...introduced].filter(([surname]) => used.has(surname)).map(([surname, at], order) => [surname, { at, order, mentions: 0 }]),
  );
  // Each sentence is read once for the surnames in it, not once for every person in the article.
  const surnames = new Set(people.keys());
  const words = sentences.map((sentence) => (surnames.size > 0 ? surnameWords(sentence, surnames) : new Map<string, number[]>()));
  for (const found of words) for (const surname of found.keys()) (people.get(surname) ?? { mentions: 0 }).mentions++;
  return sentences.map((sentence, i) =>
    [...(words[i] ?? [])]
      .flatMap(([surname, at]) => {
        const person = people.get(surname);
        return person && person.at < i && namesAlone(sentence, surname, at) ? [person] : [];
      })
      .sort((a, b) => a.order - b.order)
      .map(({ at, mentions }) => ({ at, mentions })),
  );
}

/** Whether `sentence` mentions `surname` (at offsets `at`) without a given name before it (a title does not count). */
function namesAlone(sentence: string, surname: string, at: readonly number[]): boolean {
  for (const index of at) {
    const before = /(\S+)\s+$/u.exec(sentence.slice(Math.max(0, index - 40), index))?.[1] ?? '';
    const after = /^(?:[’']s)?\s+(\S+)/u.exec(sentence.slice(index + surname.length))?.[1] ?? '';
    const word = before.replace(/[.,]$/, '');
    const givenBefore = /^\p{Lu}/u.test(word) && !TITLES.has(word) && !/[,;:]$/.test(before);
    const placeAfter = /^\p{Lu}\p{Ll}/u.test(after) && !/[’']s$/.test(sentence.slice(index, index + surname.length + 2));
    if (!givenBefore && !placeAfter) return true;
  }
  return false;
}
