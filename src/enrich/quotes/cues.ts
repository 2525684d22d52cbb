/**
 * Attribution cues: the verb of saying next to a quotation and its subject.
 * News copy attributes in three shapes: after the quotation in its own
 * sentence ("…," said X / "…," X said), before it ending in a colon or comma
 * (X said: "…"), and through "according to X".
 */

import { sentenceStart } from './boundaries.js';
import { clauseSubject } from './mentions.js';
import { headName, personLike } from './names.js';
import { ROLES, key } from './words.js';

/** Who a cue says spoke: a name as written, a pronoun to resolve, a description ("a friend"), or nothing usable. */
export type Subject =
  | { kind: 'name'; name: string }
  | { kind: 'pronoun'; pronoun: 'he' | 'she' }
  | { kind: 'description'; text: string }
  | { kind: 'other' };

/** A cue verb and its subject, and where the verb is (pronouns resolve from there). */
export interface Cue {
  subject: Subject;
  at: number;
  /** The cue hands straight over to the quotation (`said: "`, `said, "`, `said "`), nothing in between. */
  direct: boolean;
}

const VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'asked', 'asks', 'explained', 'explains', 'noted', 'notes',
  'wrote', 'writes', 'insisted', 'insists', 'warned', 'warns', 'argued', 'argues', 'declared', 'declares', 'tweeted',
  'tweets', 'stated', 'states', 'continued', 'continues', 'recalled', 'recalls', 'admitted', 'admits', 'claimed',
  'claims', 'replied', 'replies', 'responded', 'responds', 'remarked', 'remarks', 'observed', 'observes', 'joked',
  'jokes', 'quipped', 'quips', 'conceded', 'concedes', 'concluded', 'concludes', 'acknowledged', 'acknowledges',
  'announced', 'announces', 'suggested', 'suggests', 'stressed', 'stresses', 'emphasised', 'emphasized',
  'emphasises', 'emphasizes', 'revealed', 'reveals', 'confirmed', 'confirms', 'shouted', 'shouts', 'exclaimed',
  'exclaims', 'cautioned', 'cautions', 'predicted', 'predicts', 'complained', 'complains', 'countered', 'counters',
  'urged', 'urges', 'posted', 'posts', 'commented', 'comments', 'testified', 'testifies', 'wondered', 'wonders',
  'boasted', 'boasts', 'mused', 'muses', 'laughed', 'laughs', 'sighed', 'whispered', 'screamed', 'yelled', 'pleaded',
  'demanded', 'demands', 'promised', 'promises', 'vowed', 'vows', 'agreed', 'agrees', 'reported', 'reports',
  'reflected', 'reflects', 'recounted', 'recounts', 'maintained', 'maintains', 'contended', 'contends', 'pointed out',
  'points out', 'went on', 'goes on', 'blasted', 'slammed', 'raved', 'gushed', 'enthused', 'teased', 'hinted',
  'put it', 'puts it',
];
const PARTICIPLES = ['adding', 'saying', 'telling', 'asking', 'writing', 'explaining', 'noting', 'insisting', 'warning', 'arguing'];
const ADVERB =
  '(?:also|later|then|previously|recently|once|simply|quickly|finally|reportedly|allegedly|repeatedly|often|has|had|have|was|is|would|will|earlier|subsequently|further|publicly|privately|famously|proudly|angrily|bluntly|candidly|frankly|again|flatly)';

const VERB = `(?:${[...VERBS, ...PARTICIPLES].map((v) => v.replace(' ', '\\s+')).join('|')})`;
// Global for matchAll only: exec() would leave a lastIndex that the next matchAll starts from.
const VERB_RE = new RegExp(`\\b${VERB}\\b`, 'gi');
const VERB_FIRST_RE = new RegExp(`^(?:${ADVERB}\\s+)?(${VERB})\\b\\s*(.*)$`, 'i');
/** "he said", "Donald Trump said": a pronoun or a capitalised name, then the verb. */
const SUBJECT_VERB_RE = new RegExp(`^(?:(?:[Hh]e|[Ss]he)\\s+|(?:\\p{Lu}[\\p{L}.'’\\-]*\\s+){1,4})${VERB}\\b`, 'u');
const PARTICIPLE_RE = new RegExp(`^(?:${PARTICIPLES.join('|')})$`, 'i');
const PRONOUN_END = /(?:^|[\s,])(he|she|they|it|i|we|you)\s*$/i;
/** An adverb between a subject and its verb: "also", "reportedly", but not "family" or "Italy". */
const ADVERB_WORD = new RegExp(`^(?:${ADVERB}|(?!(?:family|ally|assembly|supply|monopoly|anomaly|rally|belly|bully|jelly|lily|holy|italy|sally|emily|kelly|molly|polly|billy|willy|reilly)\\b)\\p{Ll}{3,}ly)$`, 'iu');
const APPOSITIVE = /^(?:(?:a|an|the|who|whose|which|whom|his|her|their|its|one|now|then|also|speaking|writing)\b|\d|[RDI]-[A-Z])/i;
// "I hope that next year the council says": a few words at most between the wish and the verb.
const HYPOTHETICAL = /(?:\b(?:hopes?|hoped|hoping|wish|wishes|wished|imagine|imagines|if|unless)\b(?:[^\S\n]+[^\s,.;:]+){0,6}[^\S\n]*|\b(?:would|could|might)\s+)$/i;
/** "a friend", "the union", "one Democratic source on the panel", "Obama's former campaign strategist". */
const DESCRIPTION =
  /^(?:(?:the|a|an|one|another|his|her|their|its|our)\s|(?!(?:that|it|there|what|he|she|here|who|let|where|how|when)['’]s\s)\p{Lu}[\p{L}.\-]*['’]s\s)[^,;:()"“”]{1,60}$/iu;

/** "pointed to reports that", "the claims", "his comments": a verb of saying used as a noun, or part of a name. */
const NOUN_BEFORE = /(?:^|\s)(?:the|a|an|to|of|his|her|their|its|our|my|your|these|those|in|on|with|by|for|from|about|recent|new|many|several|any|no|such|earlier|latest|further)\s+$/i;

function usedAsNoun(text: string, verb: { index: number; 0: string }): boolean {
  const before = text.slice(Math.max(0, verb.index - 20), verb.index);
  // "the United States", "the Washington Post": capitalised after a word, part of a name.
  if (/^\p{Lu}/u.test(verb[0]) && /[\p{L}\d]\s+$/u.test(before)) return true;
  return /s$/i.test(verb[0]) && NOUN_BEFORE.test(before);
}

function described(np: string): Subject {
  const text = np.trim().replace(/[.,;:]+$/, '');
  return DESCRIPTION.test(text) && text.split(/\s+/).length <= 8 ? { kind: 'description', text } : { kind: 'other' };
}

const CUT = /\s(?:in|on|at|during|after|before|while|who|whose|which|that|to|as|when|about|because|but|from|with|via|through|over|of|for)\s/i;

/** Words that, capitalised after a quotation's closing comma, open a new sentence rather than a cue. */
const OPENERS = new Set(['his', 'her', 'their', 'its', 'the', 'this', 'that', 'these', 'those', 'it', 'there', 'but', 'and', 'in', 'on', 'after', 'when', 'while', 'meanwhile', 'however']);

/** Subject of a verb from the words in front of it: "NASA chief scientist Ellen Stofan", "he", "the agency". */
export function subjectBefore(phrase: string): Subject {
  // A spaced dash sets off an appositive as commas do ("Thompson's brother - Lee Thompson - revealed").
  const words = withoutTrailingAdverbs(phrase).replace(/\s[-\u2013\u2014]+(?=\s|$)/g, ',');
  // "… the top of the tower and asked": the verb shares the subject of an earlier clause.
  if (/\b(?:and|or|but|then)\s*$/i.test(words)) return { kind: 'other' };
  // "Pete Saunders, chief executive of the charity, added": a comma closes an appositive,
  // and the subject is the name before it.
  const closed = /^(.*\S)\s*,\s*([^,]{1,120}),\s*$/s.exec(words);
  const apposition = closed?.[2] ? nameOrDescription(closed[2]) : null;
  if (closed?.[1] && apposition && !(apposition.kind === 'name' && personLike(apposition.name.split(' ')))) {
    const named = nameOrDescription(closed[1].split(',').pop() ?? '');
    if (named.kind === 'name') return named;
  }
  const pronoun = PRONOUN_END.exec(words)?.[1]?.toLowerCase();
  if (pronoun === 'he' || pronoun === 'she') return { kind: 'pronoun', pronoun };
  if (pronoun) return { kind: 'other' };
  const parts = words.split(',').map((p) => p.trim()).filter((p) => p !== '');
  const last = parts[parts.length - 1] ?? '';
  // "…after the game, the association's secretary general Momir Durdevac said": with no comma
  // before the verb, the last clause holds the subject, whatever the commas before it.
  if (!/,\s*$/.test(words)) {
    const named = nameOrDescription(last.split(/\s(?:and|but)\s/).pop() ?? last);
    if (named.kind === 'name') return named;
  }
  // "Michael McFaul, a senior fellow at …," / "Makrus Åsberg, a police officer in Uppsala, Sweden,":
  // the name comes before the first appositive, whatever commas the appositive holds.
  const appositive = parts.findIndex((p, i) => i > 0 && APPOSITIVE.test(p));
  const part = appositive > 0 ? (parts[appositive - 1] ?? '') : last;
  // "Clinton said and Trump added": the subject of the last clause.
  const head = part.split(/\s(?:and|but)\s/).pop() ?? part;
  const named = nameOrDescription(head);
  return named.kind === 'other' ? described(last) : named;
}

/**
 * The phrase without the adverbs it ends with, and the space before them
 * ("Smith also reportedly " → "Smith"); a phrase that is one adverb stays.
 * Read word by word from the end: as one regular expression, a word both
 * on the list and ending in -ly ("quickly") could be read two ways, and a
 * run of them not at the end of the phrase took 2^n tries.
 */
function withoutTrailingAdverbs(phrase: string): string {
  let cut = -1;
  let end = phrase.length;
  while (end > 0 && /\s/.test(phrase[end - 1] ?? '')) end--;
  for (;;) {
    let start = end;
    while (start > 0 && !/\s/.test(phrase[start - 1] ?? '')) start--;
    // An adverb counts only after a space; the phrase's first word is its subject.
    if (start === 0 || start === end || !ADVERB_WORD.test(phrase.slice(start, end))) break;
    end = start;
    while (end > 0 && /\s/.test(phrase[end - 1] ?? '')) end--;
    cut = end;
  }
  return cut < 0 ? phrase : phrase.slice(0, cut);
}

/**
 * The name a noun phrase ends with, or the phrase as a description: "the
 * Italian" and "the Frenchman" describe someone as surely as "the coach".
 */
function nameOrDescription(phrase: string): Subject {
  // "Jean Morris from the farm said": the name before a trailing prepositional phrase.
  const name = headName(phrase) ?? headName(phrase.split(/\s(?:from|of|at|with|in)\s/)[0] ?? '');
  // "a European Commissioner": a run of capitals ending in a job is a description.
  const role = name !== null && name.includes(' ') && ROLES.has(key(name.split(' ').pop() ?? ''));
  if (name && !role && !(/^the\s/i.test(phrase.trim()) && !name.includes(' '))) return { kind: 'name', name };
  return described(phrase);
}

/** Subject after a verb: "said Douglas Holtz-Eakin, an economist …", "said the president". */
export function subjectAfter(phrase: string): Subject {
  const [first = '', second = ''] = phrase.split(/[,;:(]/).map((p) => p.trim());
  const cut = CUT.exec(` ${first} `);
  const np = cut ? ` ${first} `.slice(0, cut.index).trim() : first;
  if (/^(?:he|she)$/i.test(np)) return { kind: 'pronoun', pronoun: np.toLowerCase() as 'he' | 'she' };
  const subject =
    /^(?:the|a|an|one|another|his|her|their|its)\b/i.test(np) && !/\s\p{Lu}/u.test(np) ? described(np) : nameOrDescription(np);
  // "said his daughter, Claudette King": the description, then the name.
  const appositive = subject.kind === 'description' ? headName(second) : null;
  return appositive && second.split(/\s+/).length <= 4 ? { kind: 'name', name: appositive } : subject;
}

/**
 * The cue in the words right after a closing mark, up to the end of the
 * quotation's sentence: `, said X`, `, X said`, `, according to X`.
 * `ended` is the last character inside the quotation.
 */
export function cueAfter(window: string, offset: number, ended: string): Cue | null {
  const text = window.replace(/\s+/g, ' ');
  const lead = /^[\s,]*/.exec(text)?.[0].length ?? 0;
  const rest = text.slice(lead);
  // Epigraph style: "…" ― Sonya Herridge
  const dashed = /^\s*[\u2015\u2014\u2013-]\s*([^\n]{1,80}?)\s*(?:\n|$)/.exec(window);
  const signed = dashed?.[1] ? headName(dashed[1].split(',')[0] ?? '') : null;
  if (signed) return { subject: { kind: 'name', name: signed }, at: offset, direct: true };
  // A quotation ending in a full stop ends its sentence unless lower case follows ("." he said).
  if (ended === '.' && !/^\p{Ll}/u.test(rest)) return null;
  // A phrase quoted mid-sentence ("of him 'missing' the top of the tower and asked") hands over to
  // no cue unless a verb of saying follows at once ("…" said Smith, "…" he said, "…" Donald Trump said).
  const phrase = /[\p{L}\p{N}]/u.test(ended) && !/^\s*[,;:\u2014\u2013-]/.test(text);
  if (phrase && !VERB_FIRST_RE.test(rest) && !SUBJECT_VERB_RE.test(rest)) return null;
  // '…,' His arrest follows …: a capitalised opener after the comma starts the next sentence.
  const opener = /^(\p{Lu}\p{Ll}*)\s/u.exec(rest)?.[1]?.toLowerCase() ?? '';
  if (OPENERS.has(opener)) return null;
  const tight = /[!?]/.test(ended);
  const according = /^according to (.+)$/i.exec(rest);
  if (according?.[1]) return { subject: subjectAfter(according[1]), at: offset + lead, direct: true };
  const verbFirst = VERB_FIRST_RE.exec(rest);
  if (verbFirst) {
    const subject = subjectAfter(verbFirst[2] ?? '');
    if (subject.kind !== 'other' || !PARTICIPLE_RE.test(verbFirst[1] ?? '')) return { subject, at: offset + lead, direct: true };
    return null;
  }
  const verb = [...rest.matchAll(VERB_RE)].find((v) => !usedAsNoun(rest, v));
  if (!verb || PARTICIPLE_RE.test(verb[0])) return null;
  const before = rest.slice(0, verb.index);
  if (before.length > 160 || (tight && before.trim().split(' ').length > 6)) return null;
  if (/\bthat\s*$/i.test(before)) return null;
  return { subject: subjectBefore(before), at: offset + lead + verb.index, direct: true };
}

/**
 * The cue that leads into a quotation, in the words between the start of
 * its sentence and the opening mark: `X said: "`, `X told reporters on
 * Tuesday, "`, `According to X, "`.
 */
export function cueBefore(window: string, offset: number): Cue | null {
  const text = window.replace(/\s+/g, ' ');
  const according = /according to ([^,]+),\s*$/i.exec(text);
  if (according?.[1]) return { subject: subjectAfter(according[1]), at: offset + according.index, direct: true };
  const verbs = [...text.matchAll(VERB_RE)];
  for (let i = verbs.length - 1; i >= 0; i--) {
    const verb = verbs[i];
    if (!verb || usedAsNoun(text, verb)) continue;
    const extra = text.slice(verb.index + verb[0].length);
    // Only a short adverbial may stand between verb and quotation ("told reporters on Tuesday:").
    if (extra.length > 60 || /[.!?;"“”]/.test(extra) || !/^[^:]*:?\s*$/.test(extra)) return null;
    const direct = /^(?:\s*that)?\s*[:,]?\s*$/i.test(extra);
    const before = text.slice(0, verb.index);
    if (PARTICIPLE_RE.test(verb[0])) {
      // "Blige sings to Clinton before asking her, "…": the participle's subject is the clause's.
      const subject = verbs.slice(0, i).some((v) => !PARTICIPLE_RE.test(v[0])) ? null : clauseSubject(before);
      if (subject) return { subject: { kind: 'name', name: subject.name }, at: offset + subject.at, direct };
      continue;
    }
    // "I hope America says, …", "he would say": imagined words are nobody's quotation.
    if (HYPOTHETICAL.test(before)) return { subject: { kind: 'other' }, at: offset + verb.index, direct };
    return { subject: subjectBefore(before), at: offset + verb.index, direct };
  }
  return null;
}

/** Every verb of saying in `text` with its subject, for resolving "he" and "she" to the last named speaker. */
export function speechSubjects(text: string): Array<{ name: string; at: number }> {
  const out: Array<{ name: string; at: number }> = [];
  for (const according of text.matchAll(/\baccording to ([^,.;:]{1,80})/gi)) {
    const subject = subjectAfter(according[1] ?? '');
    if (subject.kind === 'name') out.push({ name: subject.name, at: according.index });
  }
  for (const verb of text.matchAll(VERB_RE)) {
    if (PARTICIPLE_RE.test(verb[0]) || usedAsNoun(text, verb)) continue;
    const before = text.slice(sentenceStart(text, verb.index, Math.max(0, verb.index - 400)), verb.index);
    const clause = before.split(/[.!?"“”‘’:;]\s|\n/).pop() ?? '';
    const subject = subjectBefore(clause);
    if (subject.kind === 'name') {
      out.push({ name: subject.name, at: verb.index });
      continue;
    }
    // "…," said X: the verb right after a comma or closing mark.
    if (/[,"”’']\s*$/.test(before)) {
      const after = subjectAfter(text.slice(verb.index + verb[0].length, verb.index + verb[0].length + 120));
      if (after.kind === 'name') out.push({ name: after.name, at: verb.index });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}
