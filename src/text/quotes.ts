/**
 * Quotation marks in news text: which mark opens a quotation, which closes
 * one, and which is only an apostrophe. Curly double quotes say so by their
 * shape; straight quotes and the single marks (’ is also the apostrophe in
 * "don’t" and "growers’") are told apart by what stands on either side and by
 * whether a quotation of that kind is open.
 */

export type QuoteFamily = 'double' | 'single';

export interface QuoteMark {
  at: number;
  family: QuoteFamily;
  role: 'open' | 'close';
}

/** The running state of a scan: which quotations are open. */
export interface QuoteState {
  double: boolean;
  single: boolean;
  /**
   * The single quotation was last closed by a mark that may have been an
   * apostrophe ("the growers' boats"): a later clear closing mark reopens it.
   */
  singleClosedByApostrophe: boolean;
  /** A closing mark with no quotation open: the quotation began before the scan. */
  unopened: boolean;
  /** An opening mark while that kind of quotation was already open (a new paragraph of a long quote, or a typo). */
  reopened: boolean;
}

export function emptyQuoteState(): QuoteState {
  return { double: false, single: false, singleClosedByApostrophe: false, unopened: false, reopened: false };
}

/** Punctuation a quotation closes after: `harbour.”`, `home,'`. */
const BEFORE_CLOSE = /[.,!?;:…—–-]/;
/** What may stand before an opening mark: nothing, a space, a bracket, a dash, the other kind of quote. */
const BEFORE_OPEN = /[\s([{—–\-/"“‘'«:]/;
/** Elisions written with a leading apostrophe: 'em, 'cause, 'til, 'n', 'tis. */
const ELISION = /^(?:em|cause|cos|til|till|n|tis|twas|bout|round|nother|s)\b/i;

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Scan `text[from, to)` for quotation marks, updating `state` as it goes, and
 * return the marks that open or close a quotation (apostrophes left out).
 */
export function scanQuotes(text: string, state: QuoteState, from = 0, to = text.length): QuoteMark[] {
  const marks: QuoteMark[] = [];
  const open = (at: number, family: QuoteFamily): void => {
    if (state[family]) state.reopened = true;
    state[family] = true;
    if (family === 'single') state.singleClosedByApostrophe = false;
    marks.push({ at, family, role: 'open' });
  };
  const close = (at: number, family: QuoteFamily, clear: boolean): void => {
    if (!state[family]) {
      if (family === 'single' && clear && state.singleClosedByApostrophe) {
        // The earlier mark was an apostrophe after all: this one closes the quotation.
        const earlier = marks.findLastIndex((m) => m.family === 'single' && m.role === 'close');
        if (earlier >= 0) marks.splice(earlier, 1);
        state.singleClosedByApostrophe = false;
      } else {
        state.unopened = true;
      }
    } else if (family === 'single') {
      state.singleClosedByApostrophe = !clear;
    }
    state[family] = false;
    marks.push({ at, family, role: 'close' });
  };

  for (let i = from; i < to; i++) {
    const c = text[i] as string;
    const before = i > 0 ? text[i - 1] : undefined;
    const after = i + 1 < text.length ? text[i + 1] : undefined;
    const spaceBefore = before === undefined || BEFORE_OPEN.test(before);
    const spaceAfter = after === undefined || /\s/.test(after);
    switch (c) {
      case '“':
      case '„':
        open(i, 'double');
        break;
      case '”':
        close(i, 'double', true);
        break;
      case '"':
        if (spaceBefore && !spaceAfter) open(i, 'double');
        else if (!spaceBefore && (spaceAfter || !isWordChar(after))) close(i, 'double', true);
        else if (state.double) close(i, 'double', true);
        else open(i, 'double');
        break;
      case '‘':
        if (isWordChar(before) || /\p{N}/u.test(after ?? '')) break;
        open(i, 'single');
        break;
      case '’':
      case "'":
        singleMark(i, c, before, after, spaceBefore);
        break;
      default:
        break;
    }
  }
  return marks;

  function singleMark(i: number, c: string, before: string | undefined, after: string | undefined, spaceBefore: boolean): void {
    // don't, O'Brien, 1990's
    if (isWordChar(before) && isWordChar(after)) return;
    if (spaceBefore) {
      // '90s, 'em: an elision. 'We, 'a: an opening mark (’ opening one is a typo, but it happens).
      if (after === undefined || /\s/.test(after) || /\p{N}/u.test(after)) return;
      if (ELISION.test(text.slice(i + 1, i + 8))) return;
      if (c === '’' && !/\p{Lu}/u.test(after)) return;
      open(i, 'single');
      return;
    }
    if (before !== undefined && BEFORE_CLOSE.test(before)) {
      close(i, 'single', true);
      return;
    }
    // growers' or boats' after a word: a closing mark only when a quotation is open.
    if (state.single) close(i, 'single', false);
  }
}

/** Whether `text` opens a quotation it does not close, or closes one it did not open. */
export function hasUnbalancedQuotes(text: string): boolean {
  const state = emptyQuoteState();
  scanQuotes(text, state);
  return state.double || state.single || state.unopened || state.reopened;
}

/** Sentences a quotation may stay open over before the scan decides a mark was misread. */
const LONGEST_QUOTATION = 8;

/**
 * For each sentence (offsets into `text`, in order), whether it starts inside
 * a quotation an earlier sentence opened: the middle of a long quotation,
 * which has no quotation marks of its own ("If they play well, your stock
 * rises."). The state carries across sentences of one line and is reset at a
 * line break and at a sentence that opens with a quotation mark: that is
 * how a quotation going on into a new paragraph starts again.
 */
export function insideQuotation(text: string, sentences: readonly { start: number; end: number }[]): boolean[] {
  let state = emptyQuoteState();
  let openFor = 0;
  let previousEnd = 0;
  return sentences.map(({ start, end }) => {
    const opensOwn = scanQuotes(text, emptyQuoteState(), start, start + 1)[0]?.role === 'open';
    if (opensOwn || text.slice(previousEnd, start).includes('\n') || openFor >= LONGEST_QUOTATION) {
      state = emptyQuoteState();
      openFor = 0;
    }
    const inside = state.double || state.single;
    scanQuotes(text, state, start, end);
    openFor = state.double || state.single ? openFor + 1 : 0;
    previousEnd = end;
    return inside;
  });
}
