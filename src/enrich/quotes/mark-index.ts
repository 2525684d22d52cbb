/**
 * What following a quotation needs to know about the marks after its
 * opener, worked out once per article in a few linear passes. Following
 * every opener by reading ahead mark by mark, and the text since the opener
 * at each mark, made an article of unbalanced marks ("'a 'a 'a …") cost the
 * cube of its length; with these, a scan steps over a nested quotation in
 * one move and answers each question about the text in constant time.
 */

import type { Mark } from './marks.js';

export interface MarkIndex {
  /** Index of the next mark of the same family (single or double), or `marks.length`. */
  nextOfFamily: Int32Array;
  /**
   * For an opening mark: the mark of its family and paragraph that brings
   * the count of open quotations back to where it was before it (its
   * closing partner, nested pairs counted), or -1 when the paragraph ends
   * first. Ambiguous straight double marks count as closing, as they do
   * inside a quotation.
   */
  partner: Int32Array;
  /** For an opening mark with a partner: the offset of the last opening mark of its family between the two, or -1. */
  lastOpenInside: Int32Array;
  /** For a single closing mark: a strong closing mark follows in its paragraph before any single opening mark. */
  strongCloserAhead: Uint8Array;
  /** Whether `text.slice(from, to)` holds a sentence end: [.!?] and a space. */
  sentenceEndBetween(from: number, to: number): boolean;
}

export function indexMarks(text: string, marks: readonly Mark[]): MarkIndex {
  const stops = nextSentenceStop(text);
  return {
    nextOfFamily: nextOfFamily(marks),
    ...partners(marks),
    strongCloserAhead: strongClosersAhead(marks),
    sentenceEndBetween: (from, to) => (stops[from] ?? text.length) <= to - 2,
  };
}

/** stops[p]: the first offset at or after p holding [.!?] followed by white space, or text.length. */
function nextSentenceStop(text: string): Int32Array {
  const stops = new Int32Array(text.length + 1).fill(text.length);
  for (let p = text.length - 2; p >= 0; p--) {
    const c = text[p];
    stops[p] = (c === '.' || c === '!' || c === '?') && /\s/.test(text[p + 1] ?? '') ? p : (stops[p + 1] ?? text.length);
  }
  return stops;
}

function nextOfFamily(marks: readonly Mark[]): Int32Array {
  const next = new Int32Array(marks.length).fill(marks.length);
  const after = { single: marks.length, double: marks.length };
  for (let j = marks.length - 1; j >= 0; j--) {
    const mark = marks[j] as Mark;
    next[j] = after[mark.family];
    after[mark.family] = j;
  }
  return next;
}

/** Pair each opening mark with its partner: a stack per family, emptied at each paragraph. */
function partners(marks: readonly Mark[]): Pick<MarkIndex, 'partner' | 'lastOpenInside'> {
  const partner = new Int32Array(marks.length).fill(-1);
  const lastOpenInside = new Int32Array(marks.length).fill(-1);
  const open = { single: [] as number[], double: [] as number[] };
  const lastOpen = { single: -1, double: -1 };
  let paragraph = -1;
  for (const [j, mark] of marks.entries()) {
    if (mark.paragraph !== paragraph) {
      paragraph = mark.paragraph;
      open.single.length = 0;
      open.double.length = 0;
      lastOpen.single = -1;
      lastOpen.double = -1;
    }
    const stack = open[mark.family];
    if (mark.role === 'open') {
      stack.push(j);
      lastOpen[mark.family] = j;
      continue;
    }
    const opener = stack.pop();
    if (opener === undefined) continue;
    partner[opener] = j;
    const last = lastOpen[mark.family];
    lastOpenInside[opener] = last > opener ? (marks[last]?.pos ?? -1) : -1;
  }
  return { partner, lastOpenInside };
}

function strongClosersAhead(marks: readonly Mark[]): Uint8Array {
  const ahead = new Uint8Array(marks.length);
  let next = -1;
  for (let j = marks.length - 1; j >= 0; j--) {
    const mark = marks[j] as Mark;
    if (mark.family !== 'single') continue;
    const following = marks[next];
    if (following && following.paragraph === mark.paragraph && following.role !== 'open') {
      ahead[j] = following.strong ? 1 : (ahead[next] ?? 0);
    }
    next = j;
  }
  return ahead;
}
