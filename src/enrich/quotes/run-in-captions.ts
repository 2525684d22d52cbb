/**
 * Daily Mail copy runs photo captions into the story without a full stop, so
 * a caption can sit between two paragraphs of one quotation: "…whatever!
 * This year's race will be his last 'Hopefully…". The sentence edges a
 * caption can follow are found once per article, so that asking at every
 * opening mark costs the caption's length, not the quotation's.
 */

import { lastBelow } from '../../text/sorted.js';

/** What only a photo caption says: "(pictured)", "(left)", "(file photo)"; a closing bracket follows. */
const STAGE_DIRECTION = /\((?:pictured|left|right|centre|center|above|below|top|bottom|inset|file|second (?:left|right))\b/i;

/**
 * A sentence end with a capital after it. A match starts at its [.!?…] and
 * holds nothing but closing marks and spaces after it, so where one starts
 * does not depend on where the search began: the edges of any stretch of
 * text are the article's edges that fall inside it.
 */
const SENTENCE_EDGE = /[.!?…]["'”’)]*\s+(?=\p{Lu})/gu;

const SPACE = /\s/;

interface Edges {
  /** Offset of the terminal punctuation. */
  start: number[];
  /** Just past it and its closing marks: where the quotation's words end. */
  end: number[];
  /** The capital the next sentence begins with. */
  next: number[];
  /** run[k]: the first edge of the run of captions with stage directions that ends at edge k (-1 until asked). */
  run: Int32Array;
}

/**
 * A function answering, for an opening mark at `pos` (of `len` characters)
 * in a quotation whose words began at `contentStart`: where the quotation's
 * words end when a caption stands before the mark, or -1. That is where the
 * quotation so far ends a sentence, the words after it read like a caption
 * (capitalised, no quotation marks, no closing punctuation) and the mark
 * opens a new sentence.
 */
export function runInCaptions(text: string): (contentStart: number, pos: number, len: number) => number {
  let edges: Edges | undefined;
  return (contentStart, pos, len) => {
    if (!SPACE.test(text[pos - 1] ?? '') || !/[\p{Lu}\d]/u.test(text[pos + len] ?? '')) return -1;
    edges ??= sentenceEdges(text);
    const last = lastBelow(edges.next, pos);
    const lastStart = edges.start[last];
    if (lastStart === undefined || lastStart < contentStart) return -1;
    const from = edges.next[last] ?? pos;
    let to = pos;
    while (to > from && SPACE.test(text[to - 1] ?? '')) to--;
    if (to - from < 12 || to - from > 400) return -1;
    const caption = text.slice(from, to);
    if (!/^\p{Lu}/u.test(caption) || !/[\p{L}\d)]$/u.test(caption)) return -1;
    // Nothing in a caption is quoted; an apostrophe inside a word ("McCoy's") is not a mark.
    if (/["“”‘]|(?:^|\s)'|'(?=\s|$)/u.test(caption.replace(/(?<=\p{L})['’](?=\p{L})/gu, ''))) return -1;
    // Captions before it that did end in a full stop: "Clarkson (pictured this week) said …".
    const first = Math.max(lastBelow(edges.start, contentStart) + 1, stageRun(text, edges, last));
    return edges.end[first] ?? -1;
  };
}

function sentenceEdges(text: string): Edges {
  const edges: Edges = { start: [], end: [], next: [], run: new Int32Array(0) };
  for (const m of text.matchAll(SENTENCE_EDGE)) {
    edges.start.push(m.index);
    edges.end.push(m.index + m[0].trimEnd().length);
    edges.next.push(m.index + m[0].length);
  }
  edges.run = new Int32Array(edges.start.length).fill(-1);
  return edges;
}

/**
 * The first edge of the run ending at edge k in which every stretch between
 * two edges carries a stage direction, remembered edge by edge so that no
 * stretch is read twice.
 */
function stageRun(text: string, edges: Edges, k: number): number {
  const walked: number[] = [];
  let i = k;
  while ((edges.run[i] ?? 0) < 0) {
    walked.push(i);
    if (i === 0 || !hasStageDirection(text.slice(edges.end[i - 1] ?? 0, edges.end[i] ?? 0))) {
      edges.run[i] = i;
      break;
    }
    i--;
  }
  const first = edges.run[i] ?? i;
  for (const w of walked) edges.run[w] = first;
  return first;
}

/**
 * /\((?:pictured|…)\b[^)]*\)/i.test(stretch): a bracket after the first
 * "(pictured" is after every later one too, so one search does, where the
 * regular expression read on from each "(left" that nothing closed.
 */
function hasStageDirection(stretch: string): boolean {
  const at = STAGE_DIRECTION.exec(stretch)?.index;
  return at !== undefined && stretch.includes(')', at);
}
