/**
 * Who said each quotation. A quotation takes the subject of its own cue; a
 * quotation without one continues the previous speaker when nothing but that
 * speaker's cue stands between them ("…," she said. "…"). "He" and "she"
 * resolve to the nearest person named before the cue, preferring the subject
 * of a verb, and short names expand to the full name the article introduced.
 */

import { lastBelow } from '../../text/sorted.js';
import { antecedents, pronounRuns, type Antecedents } from './antecedents.js';
import { endsSentenceAt, sentenceEnds, sentenceStart } from './boundaries.js';
import { cueAfter, cueBefore, speechSubjects, type Cue, type Subject } from './cues.js';
import type { QuotedSpan } from './marks.js';
import { paragraphRanges } from './marks.js';
import { personMentions, pronounSubjects } from './mentions.js';
import { buildNameIndex, type NameIndex } from './name-index.js';
import { blankNicknames, findNicknames } from './nicknames.js';
import { quotedText } from './quoted-text.js';

/** How a quotation's speaker was found. */
export type CueKind = 'after' | 'before' | 'continued' | 'none';

/**
 * What the cue named: a person or organisation, "he"/"she" resolved to one, a
 * description the article ties to a name ("the helm" → the helm it names), a
 * description ("a friend"), or nothing.
 */
export type SourceKind = 'name' | 'pronoun' | 'described' | 'description' | 'none';

export interface Attribution {
  speaker: string | null;
  cue: CueKind;
  source: SourceKind;
}

const NOBODY: Attribution = { speaker: null, cue: 'none', source: 'none' };

/** Plural and generic subjects that are not anyone's name, though capitalised at a sentence start. */
const GENERIC = new Set(
  [
    'officials', 'police', 'sources', 'experts', 'critics', 'authorities', 'witnesses', 'residents', 'researchers',
    'scientists', 'analysts', 'democrats', 'republicans', 'americans', 'others', 'people', 'fans', 'doctors',
    'prosecutors', 'investigators', 'lawyers', 'officers', 'neighbours', 'neighbors', 'friends', 'family',
    'supporters', 'opponents', 'parents', 'teachers', 'students', 'campaigners', 'activists', 'voters', 'aides',
    'insiders', 'observers', 'organisers', 'organizers', 'reports', 'studies', 'polls', 'someone', 'everyone',
  ],
);

/** What resolving a cue needs to know about the whole article. */
interface Context {
  index: NameIndex;
  /**
   * People named outside quotations, and the speakers of the quotations
   * attributed so far (at the quotation's end); `subject` when the name is
   * a verb's subject or a quotation's speaker.
   */
  antecedents: Antecedents;
  /** Where the run of "he" or "she" as subjects outside quotations that a cue continues began. */
  runStart(pronoun: 'he' | 'she', at: number): number;
  /** Characters of narrative (quotations left out) between two offsets. */
  narrative(from: number, to: number): number;
}

/** How far back, in characters of narrative (a few sentences), "he" or "she" may find the person it stands for. */
const PRONOUN_REACH = 500;

/** One attribution per span, in the same order. */
export function attributeSpans(original: string, spans: readonly QuotedSpan[]): Attribution[] {
  // Names read with their nicknames blanked out, at the same offsets: Marguerite "Maggie" Doyle is Marguerite Doyle.
  const nicknames = findNicknames(original);
  const text = blankNicknames(original, nicknames);
  const index = buildNameIndex(text, nicknames);
  const quoted = quotedText(text.length, spans);
  const mentions = [
    ...speechSubjects(text).filter((s) => !quoted.inside(s.at)).map((s) => ({ ...s, subject: true })),
    ...personMentions(text, index, quoted),
  ].sort((a, b) => a.at - b.at);
  const context: Context = {
    index,
    antecedents: antecedents(mentions, index),
    runStart: pronounRuns(pronounSubjects(text, quoted), quoted.narrative, PRONOUN_REACH),
    narrative: quoted.narrative,
  };
  const paragraphs = paragraphRanges(text);
  const paragraphStarts = paragraphs.map((p) => p.start);
  const paragraphOf = (pos: number): number => Math.max(0, lastBelow(paragraphStarts, pos + 1));
  const sentenceEnd = sentenceEnds(text);
  const groups = groupSpans(spans);
  const byGroup = new Map<number, Attribution>();
  let previous: { attribution: Attribution; sentenceEnd: number; paragraph: number } | null = null;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g] ?? [];
    const first = group[0];
    const last = group[group.length - 1];
    if (!first || !last) continue;
    const prevGroup = groups[g - 1];
    const prevLast = prevGroup?.[prevGroup.length - 1];
    const nextFirst = groups[g + 1]?.[0];
    const paragraph = paragraphOf(first.open);
    const para = paragraphs[paragraph] ?? { start: 0, end: text.length };
    const lastPara = paragraphs[paragraphOf(last.open)] ?? para;

    const floor = Math.max(para.start, prevLast && prevLast.after <= first.open ? prevLast.after : 0);
    const lead = leadIn(text, first.open, floor, para.start, paragraphs[paragraph - 1]);
    const before = cueBefore(text.slice(lead.start, lead.end), lead.start);
    // A cue that hands straight over to the quotation wins; one with words in between yields to a cue after it.
    const after = before?.direct ? null : afterCue(text, last, Math.min(lastPara.end, nextFirst?.open ?? text.length), sentenceEnd);

    const said = group.map((s) => text.slice(s.start, s.end)).join(' ');
    let attribution: Attribution;
    if (after) {
      attribution = fromCue(after, 'after', context, said);
    } else if (before) {
      attribution = fromCue(before, 'before', context, said);
    } else if (previous && continues(text, previous, first.open, paragraph, para.start)) {
      attribution = { ...previous.attribution, cue: 'continued' };
    } else {
      attribution = NOBODY;
    }
    byGroup.set(first.group, attribution);
    // Whoever just spoke is who a later "he said" most likely means: the centre of attention.
    if (attribution.speaker !== null && attribution.source !== 'description' && attribution.source !== 'none') {
      context.antecedents.add({ name: attribution.speaker, at: last.end, subject: true });
    }
    // Where the quotation's sentence ends: after its cue if one follows ("…?" McLean recalled.).
    const end = !after && endsSentenceAt(text, last.end - 1) ? last.after : sentenceEnd(last.after, lastPara.end);
    previous = { attribution, sentenceEnd: end, paragraph: paragraphOf(last.open) };
  }
  return spans.map((s) => byGroup.get(s.group) ?? NOBODY);
}

function groupSpans(spans: readonly QuotedSpan[]): QuotedSpan[][] {
  const groups: QuotedSpan[][] = [];
  for (const span of spans) {
    const current = groups[groups.length - 1];
    if (current && current[0]?.group === span.group) current.push(span);
    else groups.push([span]);
  }
  return groups;
}

/**
 * The words leading into an opening mark: its sentence so far, or, for a
 * quotation opening a paragraph, the previous paragraph when that ends in a
 * colon ("Caddell continued:").
 */
function leadIn(
  text: string,
  open: number,
  floor: number,
  paragraphStart: number,
  previousParagraph: { start: number; end: number } | undefined,
): { start: number; end: number } {
  const own = { start: sentenceStart(text, open, floor), end: open };
  if (text.slice(own.start, open).trim() !== '' || open !== paragraphStart || !previousParagraph) return own;
  const end = previousParagraph.start + text.slice(previousParagraph.start, previousParagraph.end).trimEnd().length;
  if (text[end - 1] !== ':') return own;
  return { start: sentenceStart(text, end, previousParagraph.start), end };
}

function afterCue(text: string, span: QuotedSpan, limit: number, sentenceEnd: (pos: number, ceiling: number) => number): Cue | null {
  if (!span.closed) return null;
  const end = Math.min(sentenceEnd(span.after, limit), limit);
  const ended = text[span.end - 1] ?? '';
  return cueAfter(text.slice(span.after, end), span.after, ended);
}

/** Nothing but the previous quotation's own sentence stands between it and this one. */
function continues(
  text: string,
  previous: { attribution: Attribution; sentenceEnd: number; paragraph: number },
  open: number,
  paragraph: number,
  paragraphStart: number,
): boolean {
  if (previous.attribution.speaker === null) return false;
  if (previous.paragraph === paragraph) return text.slice(previous.sentenceEnd, open).trim() === '';
  return previous.paragraph === paragraph - 1 && open === paragraphStart && /^\s*$/.test(text.slice(previous.sentenceEnd, open));
}

/** `said`: the words of the quotation, for telling its speaker from the people it talks about. */
function fromCue(cue: Cue, kind: CueKind, context: Context, said: string): Attribution {
  if (cue.subject.kind === 'other') return { speaker: null, cue: kind, source: 'none' };
  if (cue.subject.kind === 'description') {
    // "said the helm" where the article names its helm: the name, not the title.
    const found = context.index.describe(cue.subject.text);
    // Only a full name is worth showing in place of the description ("the president", not "Obama").
    const named = found !== null && found.includes(' ') ? found : null;
    const speaker = cleanSpeaker(named ?? cue.subject.text);
    if (speaker === null) return { speaker: null, cue: kind, source: 'none' };
    return { speaker, cue: kind, source: named ? 'described' : 'description' };
  }
  const speaker = cleanSpeaker(speakerOf(cue.subject, cue.at, context, said));
  if (speaker === null) return { speaker: null, cue: kind, source: 'none' };
  return { speaker, cue: kind, source: cue.subject.kind };
}

/** A speaker as shown: one line, no quotation marks, no punctuation trailing after the name. */
export function cleanSpeaker(speaker: string | null): string | null {
  if (speaker === null) return null;
  const clean = speaker
    .replace(/["“”«»]|(?<![\p{L}])['‘’]|['‘’](?![\p{L}])/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s,;:.!?\u2014\u2013\-]+$/u, (tail) => (/^\.$/.test(tail) && /\b(?:Jr|Sr|\p{Lu})$/u.test(speaker.trim().slice(0, -1)) ? tail : ''))
    .trim();
  return clean === '' ? null : clean;
}

function speakerOf(subject: Subject, at: number, context: Context, said: string): string | null {
  const { index } = context;
  if (subject.kind === 'other') return null;
  if (subject.kind === 'description') return subject.text;
  if (subject.kind === 'pronoun') return resolvePronoun(subject.pronoun, at, context, said);
  const name = subject.name;
  if (!name.includes(' ')) {
    // "Officials", "Mexicans", "African-Americans": a group, not a speaker.
    if (GENERIC.has(name.toLowerCase()) || (name.length >= 7 && /(?:ians|icans|eans|ese)$/.test(name))) return null;
    // A lone word names a speaker if the article names that person in full, or it is a
    // proper noun (capitalised mid-sentence too: "Clinton", "PolitiFact"), not "Officials".
    if (!index.isPerson(name) && !index.isProper(name) && !/^\p{Lu}{2,}$/u.test(name)) return null;
  }
  return index.expand(name);
}

/**
 * The nearest person named before `at` as the subject of a verb (the
 * centre of attention, in discourse terms), else the nearest person named,
 * skipping anyone whose honorific or given name says the other gender.
 */
function resolvePronoun(pronoun: 'he' | 'she', at: number, context: Context, said: string): string | null {
  const { index, antecedents, narrative } = context;
  const wanted = pronoun === 'he' ? 'm' : 'f';
  let chain = context.runStart(pronoun, at);
  // Subjects anywhere before the cue; other mentions only from before the chain began,
  // since a name the writer let pass while saying "he" is not who "he" is.
  const tiers: ReadonlyArray<{ subjects: boolean; before: () => number }> = [
    { subjects: true, before: () => at },
    { subjects: false, before: () => chain },
  ];
  for (const { subjects, before } of tiers) {
    // Only persons of the wanted gender (or of none known) come up; skipping the others does not
    // move where the search stops, as whoever stands further back is further out of reach too.
    for (const candidate of antecedents.before(before(), wanted, subjects)) {
      // A pronoun points back a few sentences at most; further than that, nobody is safe to name.
      if (candidate.at < chain && narrative(candidate.at, chain) > PRONOUN_REACH) break;
      const name = index.full(candidate.name, wanted);
      // "'Bale had a fantastic season,' he added": people speak of others, not of themselves, by surname.
      // The "he" chain was about the person spoken of, so the speaker may be anyone named before the cue.
      if (namedIn(said, name)) {
        chain = at;
        continue;
      }
      return name;
    }
  }
  return null;
}

/** Whether the quotation names this person by surname (or by the whole name). */
function namedIn(said: string, name: string): boolean {
  const surname = name.split(' ').pop() ?? '';
  if (surname.length < 2) return false;
  const escaped = surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'u').test(said);
}
