/**
 * Finding quotation marks and pairing them. The hard part is the single
 * quote: the same character is an apostrophe (don't, Jupiter's, the '90s,
 * rock 'n' roll, the players' union) and, in British and Daily Mail copy, the
 * quotation mark itself. A mark's neighbours decide which it is, the way
 * CommonMark decides emphasis: a mark that can open sits after a space or
 * opening punctuation, one that can close sits after a word or punctuation.
 */

import { findNicknames } from './nicknames.js';

/** Which pair of marks delimits a quotation. */
export type MarkStyle = 'curly-double' | 'straight-double' | 'doubled-single' | 'curly-single' | 'straight-single';

type Family = 'double' | 'single';
type Role = 'open' | 'close' | 'either';

interface Mark {
  pos: number;
  len: number;
  style: MarkStyle;
  family: Family;
  role: Role;
  /** For single closers: false where it could be a plural possessive ("the players' union"). */
  strong: boolean;
  paragraph: number;
}

/** A run of quoted words between two marks, or between a mark and a paragraph end. */
export interface QuotedSpan {
  /** Offsets of the words inside the marks (marks excluded, spaces trimmed). */
  start: number;
  end: number;
  style: MarkStyle;
  /** Spans of one quotation continued across paragraphs share a group. */
  group: number;
  /** False where a paragraph ended the span and the next paragraph reopens the quote. */
  closed: boolean;
  /** Offset just past the closing mark (equals `end` when not closed). */
  after: number;
  /** Offset of the opening mark. */
  open: number;
}

const SPACE = /\s/;
const OPEN_BEFORE = /[\s([{\u2014\u2013\-/:"“‘'…]/;
const CLOSE_AFTER = /[.,;:!?)\]}\u2014\u2013\-…"”’'/]/;
const ALNUM = /[\p{L}\p{N}]/u;
const STRONG_BEFORE = /[.,!?;:…\u2014\u2013\-)]/;
const STRONG_AFTER = /[.,;:!?)]/;
/** Words that begin with an apostrophe: 'em, 'til, 'cause, the '90s, '16. */
const ELISION = /^(?:\d\d(?:s\b|\b)|n['’]|em\b|til\b|till\b|cause\b|cos\b|coz\b|bout\b|tis\b|twas\b)/i;

/** Paragraph ranges: blocks separated by blank lines. */
export function paragraphRanges(text: string): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  const re = /\n[ \t]*\n\s*/g;
  let start = 0;
  for (const m of text.matchAll(re)) {
    ranges.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  ranges.push({ start, end: text.length });
  return ranges;
}

/** Every quotation in `text`, as spans of quoted words, in document order. */
export function quotedSpans(text: string): QuotedSpan[] {
  const paragraphs = paragraphRanges(text);
  const marks = findMarks(text, paragraphs);
  const spans: QuotedSpan[] = [];
  let group = 0;
  let i = 0;
  while (i < marks.length) {
    const mark = marks[i];
    if (mark && canStart(text, mark)) {
      const found = scanQuotation(text, marks, i, paragraphs);
      if (found) {
        for (const span of found.spans) spans.push({ ...span, group });
        group++;
        i = found.next;
        continue;
      }
    }
    i++;
  }
  return spans;
}

function canStart(text: string, mark: Mark): boolean {
  if (mark.role === 'open') return true;
  // An ambiguous straight double mark opens when a word follows it.
  const next = text[mark.pos + mark.len];
  return mark.role === 'either' && mark.family === 'double' && next !== undefined && !SPACE.test(next);
}

type Pending = Omit<QuotedSpan, 'group'>;

/** Follow one quotation from its opening mark to its closing mark, across paragraphs if the convention says so. */
function scanQuotation(
  text: string,
  marks: readonly Mark[],
  first: number,
  paragraphs: ReadonlyArray<{ start: number; end: number }>,
): { spans: Pending[]; next: number } | null {
  const opener = marks[first];
  if (!opener) return null;
  const spans: Pending[] = [];
  let open = opener.pos;
  let contentStart = opener.pos + opener.len;
  let paragraph = opener.paragraph;
  let depth = 0;
  for (let j = first + 1; j < marks.length; j++) {
    const mark = marks[j];
    if (!mark || mark.family !== opener.family) continue;
    if (mark.paragraph !== paragraph) {
      // Journalistic convention: a quotation running into the next paragraph
      // leaves the first unclosed and reopens the next one.
      const next = paragraphs[mark.paragraph];
      const reopens =
        depth === 0 &&
        mark.paragraph === paragraph + 1 &&
        mark.role !== 'close' &&
        next !== undefined &&
        text.slice(next.start, mark.pos).trim() === '';
      const here = paragraphs[paragraph];
      if (!reopens || !here) return null;
      pushSpan(text, spans, opener.style, open, contentStart, here.end, false);
      open = mark.pos;
      contentStart = mark.pos + mark.len;
      paragraph = mark.paragraph;
      continue;
    }
    if (mark.role === 'open') {
      const caption = depth === 0 ? captionBefore(text, contentStart, mark) : -1;
      if (depth === 0 && followsSentenceEnd(text, mark.pos)) {
        // The same convention in text whose paragraph breaks were flattened.
        pushSpan(text, spans, opener.style, open, contentStart, mark.pos, false);
        open = mark.pos;
        contentStart = mark.pos + mark.len;
      } else if (caption >= 0) {
        // …and with a photo caption run in between: "…whatever! McCoy rides at Aintree 'Hopefully…".
        pushSpan(text, spans, opener.style, open, contentStart, caption, false);
        open = mark.pos;
        contentStart = mark.pos + mark.len;
      } else if (mark.family === 'double' || !/[.!?]\s/.test(text.slice(contentStart, mark.pos))) {
        depth++;
      } else {
        // A single quotation nests another within one sentence ("my friends 'nailed it'");
        // one that meets an opening mark sentences later has lost its closing mark.
        return null;
      }
      continue;
    }
    if (depth > 0) {
      depth--;
      continue;
    }
    if (mark.family === 'single' && !mark.strong) {
      if (strongCloserAhead(marks, j)) continue;
      // "the players' " may close a short phrase, not sentences whose real closing mark was lost.
      if (/[.!?]\s/.test(text.slice(contentStart, mark.pos))) return null;
    }
    pushSpan(text, spans, opener.style, open, contentStart, mark.pos, true, mark.pos + mark.len);
    return spans.length > 0 ? { spans, next: j + 1 } : null;
  }
  return null;
}

function pushSpan(
  text: string,
  spans: Pending[],
  style: MarkStyle,
  open: number,
  from: number,
  to: number,
  closed: boolean,
  after = to,
): void {
  let start = from;
  let end = to;
  while (start < end && SPACE.test(text[start] ?? '')) start++;
  while (end > start && SPACE.test(text[end - 1] ?? '')) end--;
  if (end > start) spans.push({ start, end, style, closed, after: closed ? after : end, open });
}

/** A weak closer ("the players' ") yields to a later strong one, unless another quotation opens first. */
function strongCloserAhead(marks: readonly Mark[], from: number): boolean {
  const here = marks[from];
  if (!here) return false;
  for (let k = from + 1; k < marks.length; k++) {
    const mark = marks[k];
    if (!mark || mark.family !== 'single') continue;
    if (mark.paragraph !== here.paragraph || mark.role === 'open') return false;
    if (mark.strong) return true;
  }
  return false;
}

/**
 * Daily Mail copy runs photo captions into the story without a full stop, so
 * a caption can sit between two paragraphs of one quotation: "…whatever!
 * This year's race will be his last 'Hopefully…". Where the quotation so far
 * ends a sentence, the words after it read like a caption (capitalised, no
 * quotation marks, no closing punctuation) and the mark opens a new
 * sentence, returns where the quotation's words end; else -1.
 */
/** What only a photo caption says: "(pictured)", "(left)", "(file photo)". */
const STAGE_DIRECTION = /\((?:pictured|left|right|centre|center|above|below|top|bottom|inset|file|second (?:left|right))\b[^)]*\)/i;

function captionBefore(text: string, contentStart: number, mark: Mark): number {
  if (!SPACE.test(text[mark.pos - 1] ?? '') || !/[\p{Lu}\d]/u.test(text[mark.pos + mark.len] ?? '')) return -1;
  const before = text.slice(contentStart, mark.pos);
  const ends = [...before.matchAll(/[.!?…]["'”’)]*\s+(?=\p{Lu})/gu)].map((m) => m.index + m[0].trimEnd().length);
  let k = ends.length - 1;
  let end = ends[k] ?? -1;
  if (end < 0) return -1;
  const caption = before.slice(end).trim();
  if (caption.length < 12 || caption.length > 400) return -1;
  if (!/^\p{Lu}/u.test(caption) || !/[\p{L}\d)]$/u.test(caption)) return -1;
  // Nothing in a caption is quoted; an apostrophe inside a word ("McCoy's") is not a mark.
  if (/["“”‘]|(?:^|\s)'|'(?=\s|$)/u.test(caption.replace(/(?<=\p{L})['’](?=\p{L})/gu, ''))) return -1;
  // Captions before it that did end in a full stop: "Clarkson (pictured this week) said …".
  while (k > 0 && STAGE_DIRECTION.test(before.slice(ends[k - 1] ?? 0, end))) end = ends[--k] ?? end;
  return contentStart + end;
}

function followsSentenceEnd(text: string, pos: number): boolean {
  let i = pos - 1;
  if (i < 0 || !SPACE.test(text[i] ?? '')) return false;
  while (i >= 0 && SPACE.test(text[i] ?? '')) i--;
  // "…something's off.' 'I know…": past the mark that closed a quotation nested in this one.
  while (i >= 0 && /[)\]'’"”]/.test(text[i] ?? '')) i--;
  return /[.!?…]/.test(text[i] ?? '');
}

function findMarks(text: string, paragraphs: ReadonlyArray<{ start: number; end: number }>): Mark[] {
  const marks: Mark[] = [];
  const ignored = rockNRoll(text);
  // Marguerite "Maggie" Doyle: the marks around a nickname quote nobody.
  for (const nickname of findNicknames(text)) {
    ignored.add(nickname.start);
    ignored.add(nickname.end - 1);
  }
  let paragraph = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '"' && ch !== '“' && ch !== '”' && ch !== '‘' && ch !== '’' && ch !== "'") continue;
    while (paragraph + 1 < paragraphs.length && (paragraphs[paragraph + 1]?.start ?? Infinity) <= i) paragraph++;
    if (ignored.has(i)) continue;
    const doubled = ch === "'" && text[i + 1] === "'";
    const len = doubled ? 2 : 1;
    const mark = classify(text, i, len, doubled);
    if (mark) marks.push({ ...mark, pos: i, len, paragraph });
    if (doubled) i++;
  }
  return marks;
}

function classify(
  text: string,
  i: number,
  len: number,
  doubled: boolean,
): Omit<Mark, 'pos' | 'len' | 'paragraph'> | null {
  const ch = text[i];
  const prev = text[i - 1];
  const next = text[i + len];
  const left = next !== undefined && !SPACE.test(next) && (prev === undefined || OPEN_BEFORE.test(prev));
  const right =
    prev !== undefined && !SPACE.test(prev) && !/[([{]/.test(prev) && (next === undefined || SPACE.test(next) || CLOSE_AFTER.test(next));
  const between = prev !== undefined && next !== undefined && ALNUM.test(prev) && ALNUM.test(next);
  const strong =
    prev !== undefined &&
    (STRONG_BEFORE.test(prev) || next === undefined || STRONG_AFTER.test(next) || !/[sSzZ]/.test(prev));
  if (ch === '“') return { style: 'curly-double', family: 'double', role: 'open', strong: true };
  if (ch === '”') return { style: 'curly-double', family: 'double', role: left && !right ? 'open' : 'close', strong: true };
  if (ch === '"' || doubled) {
    const style = doubled ? 'doubled-single' : 'straight-double';
    const role: Role = left && !right ? 'open' : right && !left ? 'close' : 'either';
    return { style, family: 'double', role, strong: true };
  }
  // Single marks from here on: apostrophes unless the neighbours say otherwise.
  if (between) return null;
  const rest = text.slice(i + 1, i + 8);
  if (left && !right) {
    if (ch === '’' || ELISION.test(rest)) return null;
    return { style: ch === "'" ? 'straight-single' : 'curly-single', family: 'single', role: 'open', strong: true };
  }
  if (right && !left) {
    return { style: ch === "'" ? 'straight-single' : 'curly-single', family: 'single', role: 'close', strong };
  }
  // Right after a closing double mark ("the enemy"', …) a single mark closes an outer quotation.
  if (left && right && prev !== undefined && /["”]/.test(prev) && (next === undefined || /[\s.,;:!?)]/.test(next))) {
    return { style: ch === "'" ? 'straight-single' : 'curly-single', family: 'single', role: 'close', strong: true };
  }
  return null;
}

/** The two apostrophes of "rock 'n' roll" look like a quotation of "n". */
function rockNRoll(text: string): Set<number> {
  const positions = new Set<number>();
  for (const m of text.matchAll(/(?<=\s)['‘’]n['‘’](?=\s)/g)) {
    positions.add(m.index);
    positions.add(m.index + 2);
  }
  return positions;
}
