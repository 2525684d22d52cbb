/**
 * Sentence starts with no full stop before them. Daily Mail text runs its
 * photo captions into the story without punctuation ("...studies suggests The
 * latest survey shows..."); these are the places where a new sentence
 * visibly begins all the same.
 */

import { CUE_VERBS } from './abbreviations.js';

/** Openers that, capitalised after a word with no punctuation, start a new sentence. */
const GLUE_OPENERS = new Set([
  'The', 'An', 'He', 'She', 'It', 'They', 'We', 'His', 'Her', 'Its', 'Their', 'This', 'These', 'Those', 'There',
  'But', 'And', 'In', 'When', 'While', 'After', 'Meanwhile', 'However', 'Despite', 'Although', 'According', 'Not',
  'Some', 'Many', 'Now', 'Earlier', 'Last',
]);

/** Words after which a capitalised word is a title or a name ("told The Times"). */
const BEFORE_NAMES = new Set([
  'to', 'told', 'from', 'by', 'at', 'in', 'on', 'of', 'for', 'with', 'and', 'or', 'as', 'called', 'named',
  'titled', 'entitled', 'star', 'starring', 'watch', 'watched', 'read', 'the', 'a', 'an', 'said', 'says', 'via',
]);

/** The stage direction a photo caption ends with: "(pictured)", "(file picture)". */
const CAPTION_END = /^\(?(?:pictured|left|right|centre|center|above|below|inset|image|picture|photo)\)$/;

/** A caption label: "Critical:", "CLAIM:". */
const LABEL = /^\p{Lu}[\p{L}'’-]+:$/u;

/**
 * Offsets in `text[from, to)` where a sentence starts with no full stop
 * before it: before an opener followed by a lowercase word ("suggests The
 * latest", "Armenians And it's", or "years ago In 2006,"), before a quotation
 * that opens a sentence ("New York 'We're looking", but not after a
 * possessive: "Kell's "Harbour Songs""), before a caption label ("had fled
 * Reports: Reports from the scene"), after the end of a caption ("...a
 * longbow (pictured) The actor..."),
 * and, within a labelled caption, before the "A" that resumes the story
 * ("Accused: Dr Smith denies assault A senior doctor...").
 */
export function gluedStarts(text: string, from: number, to: number): number[] {
  const starts: number[] = [];
  const words = [...text.slice(from, to).matchAll(/\S+/g)].map((m) => ({ word: m[0], at: from + m.index }));
  let inCaption = words[0] !== undefined && LABEL.test(words[0].word);
  for (let i = 1; i + 1 < words.length; i++) {
    const before = words[i - 1]?.word ?? '';
    const { word, at } = words[i] as { word: string; at: number };
    const after = words[i + 1]?.word ?? '';
    if (/[.!?]['"’”)]*$/.test(before)) inCaption = LABEL.test(word);
    if (CAPTION_END.test(before) && /^\p{Lu}/u.test(word)) {
      starts.push(at);
      inCaption = false;
      continue;
    }
    if (!/[\p{L}\d)]$/u.test(before) || BEFORE_NAMES.has(before.toLowerCase()) || CUE_VERBS.has(before)) continue;
    const lowercaseBefore = /^[\p{Ll}\d(]/u.test(before);
    const opensLowercase = /^\p{Ll}/u.test(after);
    const opener =
      (GLUE_OPENERS.has(word.replace(/,$/, '')) || (inCaption && word === 'A')) &&
      (opensLowercase || (word === 'In' && /^\d{4},?$/.test(after)));
    const label = lowercaseBefore && LABEL.test(word) && /^\p{Lu}\p{Ll}/u.test(after);
    // "...on Friday 'I'd be over the moon," said...: a quotation opening a sentence.
    const quote = /^['‘"“]\p{Lu}/u.test(word) && opensLowercase && !/['’]s$/.test(before);
    if (opener || label || quote) {
      starts.push(at);
      inCaption = label;
    }
  }
  return starts;
}

/**
 * A participle or an adverb that starts a new sentence with nothing before
 * it but a lowercase word ("...the electrified track Turning right the train
 * enters...", "...other macaques Officially named..."): where a caption ran
 * into the story. Names look like this too ("against Reading"), so the
 * splitter does not cut here; the summarizer only leaves such a sentence out.
 */
const RUN_ON = /(?<=(?:^|\s)(\p{Ll}[\p{Ll}\d'’-]*) )\p{Lu}\p{Ll}{3,}(?:ing|(?:al|i|ous|ive|nt|te|ful|ed)ly) \p{Ll}/gu;

/** Words that often stand before a town or a team named like a participle ("beat Reading"). */
const BEFORE_PLACES = new Set([
  'against', 'beat', 'beats', 'play', 'plays', 'played', 'face', 'faces', 'faced', 'host', 'hosts', 'hosted', 'visit',
  'visits', 'visited', 'join', 'joins', 'joined', 'leave', 'leaves', 'left', 'meet', 'meets', 'met', 'near', 'into',
  'outside', 'inside', 'like', 'about', 'v', 'vs', 'versus',
]);

/** Whether `sentence` has a caption or a second sentence run into it without a full stop. */
export function runsOn(sentence: string): boolean {
  for (const match of sentence.matchAll(RUN_ON)) {
    const before = match[1] ?? '';
    if (!BEFORE_NAMES.has(before) && !CUE_VERBS.has(before) && !BEFORE_PLACES.has(before)) return true;
  }
  return false;
}
