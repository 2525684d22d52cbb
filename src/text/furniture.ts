/**
 * Page furniture that news text carries along with its sentences: datelines,
 * Daily Mail bylines and timestamps, photo credits, "Read more" links. The
 * splitter uses `bylineEnd` and `FURNITURE_PHRASE` to keep them out of real
 * sentences; the summarizer uses `contentStart` and `isFurniture` to skip them.
 */

import { CUE_VERBS } from './abbreviations.js';

/** Daily Mail byline fields, between " . " separators. */
const BYLINE_FIELD = /^(?:and |PUBLISHED:?$|UPDATED:?$|\|$|Last updated at |\d{1,2}:\d{2} (?:EST|EDT|GMT|BST)\b)/;

/**
 * End offset of a Daily Mail byline block starting at `from` ("By . Daily Mail
 * Reporter . PUBLISHED: . 12:31 EST, 2 April 2014 . | . UPDATED: . 13:02 EST,
 * 2 April 2014 ."), just after its last separator; -1 when there is none.
 */
export function bylineEnd(text: string, from: number): number {
  const head = /^(?:By|PUBLISHED:|UPDATED:|Last updated at [^.\n]{3,60}?) \. /.exec(text.slice(from, from + 80));
  if (!head) return -1;
  let end = from + head[0].length;
  // "By . Name ." takes one name field; the fields after it continue the block.
  let needName = head[0].startsWith('By');
  for (;;) {
    const field = / \.(?:\s|$)/.exec(text.slice(end, end + 120));
    if (!field) break;
    const value = text.slice(end, end + field.index);
    if (value.includes('\n') || !(needName || BYLINE_FIELD.test(value))) break;
    needName = false;
    end += field.index + 2;
    while (end < text.length && text[end] === ' ') end++;
  }
  return end;
}

/** Phrases the Daily Mail drops between paragraphs without a full stop. */
export const FURNITURE_PHRASE = /Scroll down for (?:more |the )?(?:videos?|pictures?)(?:\.{3}|…)?|\bVisit site\b/g;

const AGENCY = String.raw`(?:CNN(?: Student News|Money)?|Reuters|AP|AFP|EW\.com|Mashable|CNET|TIME\.com|Billboard|PEOPLE\.com|The Hollywood Reporter|[A-Z][A-Za-z.]{1,20})`;
/**
 * "(CNN)", "Washington (CNN)", "LONDON, England (Reuters) --", "PARIS -- ":
 * a place and an agency, glued to the first word or followed by a dash.
 */
const DATELINE = new RegExp(
  String.raw`^(?:(?:[A-Z][A-Za-z.'-]*(?:[ ,]+[A-Z][A-Za-z.'-]*){0,3},? ?)?\(${AGENCY}\)(?: ?(?:--|[-—–]) ?| ?(?=[A-Z"“'‘])|$)|[A-Z][A-Z.'-]+(?:[ ,]+[A-Z][A-Za-z.'-]*){0,3} (?:--|—) )`,
);

/**
 * Offset within `sentence` where its own words begin, past a leading dateline
 * or byline block: the summary can quote `sentence.slice(contentStart(...))`.
 */
export function contentStart(sentence: string): number {
  const byline = bylineEnd(sentence, 0);
  let start = byline > 0 ? byline : 0;
  const dateline = DATELINE.exec(sentence.slice(start));
  if (dateline) start += dateline[0].length;
  while (start < sentence.length && /\s/.test(sentence[start] as string)) start++;
  return start;
}

const FURNITURE = [
  /^By [A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}(?:(?:,| and) [A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3})*(?: (?:for|in) [A-Z][\w .]*)?\.?$/,
  /^(?:PUBLISHED|UPDATED|Last updated)\b/,
  /^(?:Photos?|Pictures?|Images?|Video|Credit|Source)(?: credit)?s?:/i,
  /^\(?(?:Photo|Picture|Image)s?:? [^.]*(?:Getty|AP|Reuters|AFP|PA|EPA|Rex|Shutterstock)/i,
  /^(?:Getty Images|AP Photo|Reuters|AFP|EPA|PA)\.?$/,
  /^(?:Read more|READ MORE|Click here|CLICK HERE|Scroll down|Follow us|Sign up|Share this|Watch the video|See more|More:|Related:|Continue reading)/,
];

/** Whether a sentence is page furniture rather than part of the story. */
export function isFurniture(sentence: string): boolean {
  const text = sentence.trim();
  if (text.length === 0) return true;
  if (bylineEnd(text, 0) >= text.length - 1) return true;
  return FURNITURE.some((pattern) => pattern.test(text));
}

/** Where a photo is, as captions say it: "(pictured)", "(left)", "(file picture)". */
const PHOTO_DIRECTION = /\((?:pictured|left|right|centre|center|above|below|inset|(?:file|stock) (?:picture|photo|image))\)/i;

/**
 * A photo caption run into the text, as the Daily Mail does: a label of up to
 * three words and a colon ("Critical: A guard was...", "Close call: A wave..."),
 * unless a speech verb makes it a quotation ("The statement read: 'The..."),
 * or a photo direction ("(pictured)").
 */
export function isCaption(sentence: string): boolean {
  const text = sentence.trim();
  const label = /^([A-Z][\w'’-]*(?: [\w'’-]+){0,2}): [A-Z‘'"“]/.exec(text);
  if (label && !(label[1] ?? '').split(' ').some((word) => SPEECH.has(word))) return true;
  return PHOTO_DIRECTION.test(text);
}

/** Verbs that introduce a quotation after a colon: "The statement read: ..." is not a caption. */
const SPEECH = new Set([
  ...CUE_VERBS, 'read', 'reads', 'state', 'states', 'stated', 'say', 'comment', 'commented', 'continue', 'reveal',
  'revealed', 'claim', 'claimed', 'announce', 'announced', 'conclude', 'concluded', 'argue', 'argued', 'add', 'tell',
  'write', 'explain', 'reply', 'insist', 'warn', 'note', 'put', 'plainly', 'simply', 'bluntly', 'later', 'then',
]);
