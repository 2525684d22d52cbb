/**
 * Finding quotation marks and pairing them. The hard part is the single
 * quote: the same character is an apostrophe (don't, Jupiter's, the '90s,
 * rock 'n' roll, the players' union) and, in British and Daily Mail copy, the
 * quotation mark itself. A mark's neighbours decide which it is, the way
 * CommonMark decides emphasis: a mark that can open sits after a space or
 * opening punctuation, one that can close sits after a word or punctuation.
 */

import { indexMarks, type MarkIndex } from './mark-index.js';
import { findNicknames } from './nicknames.js';
import { runInCaptions } from './run-in-captions.js';

/** Which pair of marks delimits a quotation. */
export type MarkStyle = 'curly-double' | 'straight-double' | 'doubled-single' | 'curly-single' | 'straight-single';

type Family = 'double' | 'single';
type Role = 'open' | 'close' | 'either';

export interface Mark {
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
  const scan: Scan = {
    text,
    marks,
    paragraphs,
    index: indexMarks(text, marks),
    captionEnd: runInCaptions(text),
    unclosed: new Uint8Array(marks.length),
  };
  const spans: QuotedSpan[] = [];
  let group = 0;
  let i = 0;
  while (i < marks.length) {
    const mark = marks[i];
    if (mark && canStart(text, mark)) {
      const found = scanQuotation(scan, i);
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

/** What every scan of one article shares. */
interface Scan {
  text: string;
  marks: readonly Mark[];
  paragraphs: ReadonlyArray<{ start: number; end: number }>;
  index: MarkIndex;
  captionEnd: (contentStart: number, pos: number, len: number) => number;
  /**
   * Marks from which a quotation was followed and never closed. Where a scan
   * starts the quotation again at a mark (a new paragraph or sentence that
   * reopens it), it goes on exactly as a scan from that mark would, so a
   * mark in here ends it at once: no stretch of text is followed twice.
   */
  unclosed: Uint8Array;
}

/** Follow one quotation from its opening mark to its closing mark, across paragraphs if the convention says so. */
function scanQuotation(scan: Scan, first: number): { spans: Pending[]; next: number } | null {
  const { text, marks, paragraphs, index } = scan;
  const opener = marks[first];
  if (!opener || scan.unclosed[first]) return null;
  const spans: Pending[] = [];
  const restarts = [first];
  const unclosed = (): null => {
    for (const r of restarts) scan.unclosed[r] = 1;
    return null;
  };
  let open = opener.pos;
  let contentStart = opener.pos + opener.len;
  let paragraph = opener.paragraph;
  const restart = (j: number, mark: Mark, to: number): boolean => {
    pushSpan(text, spans, opener.style, open, contentStart, to, false);
    open = mark.pos;
    contentStart = mark.pos + mark.len;
    paragraph = mark.paragraph;
    restarts.push(j);
    return scan.unclosed[j] === 1;
  };
  for (let j = index.nextOfFamily[first] ?? marks.length; j < marks.length; j = index.nextOfFamily[j] ?? marks.length) {
    const mark = marks[j] as Mark;
    if (mark.paragraph !== paragraph) {
      // Journalistic convention: a quotation running into the next paragraph
      // leaves the first unclosed and reopens the next one.
      const here = paragraphs[paragraph];
      if (!here || mark.paragraph !== paragraph + 1 || mark.role === 'close' || !opensParagraph(text, paragraphs, mark)) return unclosed();
      if (restart(j, mark, here.end)) return unclosed();
      continue;
    }
    if (mark.role === 'open') {
      if (followsSentenceEnd(text, mark.pos)) {
        // The same convention in text whose paragraph breaks were flattened.
        if (restart(j, mark, mark.pos)) return unclosed();
        continue;
      }
      const caption = scan.captionEnd(contentStart, mark.pos, mark.len);
      if (caption >= 0) {
        // …and with a photo caption run in between: "…whatever! McCoy rides at Aintree 'Hopefully…".
        if (restart(j, mark, caption)) return unclosed();
        continue;
      }
      // Else the mark opens a quotation nested in this one: the scan goes on after its partner.
      // A single quotation nests another within one sentence ("my friends 'nailed it'");
      // one that meets an opening mark sentences later has lost its closing mark.
      const inside = index.lastOpenInside[j] ?? -1;
      const lost = mark.family === 'single' && index.sentenceEndBetween(contentStart, inside >= 0 ? inside : mark.pos);
      const partner = index.partner[j] ?? -1;
      if (lost || partner < 0) return unclosed();
      j = partner;
      continue;
    }
    if (mark.family === 'single' && !mark.strong) {
      if (index.strongCloserAhead[j]) continue;
      // "the players' " may close a short phrase, not sentences whose real closing mark was lost.
      if (index.sentenceEndBetween(contentStart, mark.pos)) return unclosed();
    }
    pushSpan(text, spans, opener.style, open, contentStart, mark.pos, true, mark.pos + mark.len);
    return spans.length > 0 ? { spans, next: j + 1 } : null;
  }
  return unclosed();
}

/** Nothing but white space stands before the mark in its paragraph. */
function opensParagraph(text: string, paragraphs: ReadonlyArray<{ start: number; end: number }>, mark: Mark): boolean {
  let i = paragraphs[mark.paragraph]?.start ?? mark.pos;
  while (i < mark.pos && SPACE.test(text[i] ?? '')) i++;
  return i === mark.pos;
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
    // Field by field: spread into a new object, every mark came out slower to make and to read.
    if (mark) marks.push({ pos: i, len, style: mark.style, family: mark.family, role: mark.role, strong: mark.strong, paragraph });
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
