/**
 * Scoring pull quotes against hand-annotated direct quotations (PolNeAR
 * rows, see ../shared/eval/README.md). A chosen quote is correct when it
 * overlaps an annotated quotation by at least half of the shorter span; its
 * speaker is correct when one of chosen and annotated speaker contains the
 * other, ignoring case.
 */

import { pickPullQuote } from '../enrich/pull-quote.js';
import { isRecord, parseJsonl } from './jsonl.js';

export interface AnnotatedQuote {
  start: number;
  end: number;
  text: string;
  speaker: string | null;
}

export interface QuoteRow {
  id: string;
  text: string;
  quotes: AnnotatedQuote[];
}

/** What happened on one article. */
export interface QuoteOutcome {
  id: string;
  chosen: { text: string; speaker: string | null } | null;
  verbatim: boolean;
  correct: boolean;
  speakerCorrect: boolean;
  /** The annotations hold an attributed quotation of 40–200 characters. */
  eligible: boolean;
  /** The annotation the chosen quote matched, if any. */
  matched: AnnotatedQuote | null;
}

export interface QuoteReport {
  articles: number;
  chosen: number;
  correct: number;
  speakerCorrect: number;
  verbatim: number;
  eligible: number;
  eligibleCorrect: number;
  /** chosen / articles */
  coverage: number;
  /** correct / chosen */
  precision: number;
  /** speakerCorrect / correct */
  speakerAccuracy: number;
  /** verbatim / chosen */
  verbatimRate: number;
  /** eligibleCorrect / eligible */
  eligibleRecall: number;
  outcomes: QuoteOutcome[];
}

const SHAPE = '{ "id": string, "text": string, "quotes": [{ "start": number, "end": number, "text": string, "speaker": string | null }] }';

function isAnnotatedQuote(value: unknown): value is AnnotatedQuote {
  return (
    isRecord(value) &&
    Number.isInteger(value.start) &&
    Number.isInteger(value.end) &&
    typeof value.text === 'string' &&
    (value.speaker === null || typeof value.speaker === 'string')
  );
}

function isQuoteRow(value: unknown): value is QuoteRow {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.text === 'string' &&
    Array.isArray(value.quotes) &&
    value.quotes.every(isAnnotatedQuote)
  );
}

/** Parse annotated-quote JSON Lines; a bad line is a GazetteError naming it. */
export function parseQuoteRows(source: string, file: string): QuoteRow[] {
  return parseJsonl(source, file, isQuoteRow, SHAPE);
}

/** Overlap of two spans is at least half of the shorter one. */
export function spansMatch(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const shorter = Math.min(a.end - a.start, b.end - b.start);
  return shorter > 0 && overlap >= shorter / 2;
}

/** One contains the other, ignoring case. A missing speaker on either side never matches. */
export function speakersMatch(chosen: string | null, annotated: string | null): boolean {
  if (chosen === null || annotated === null || chosen === '' || annotated === '') return false;
  const a = chosen.toLowerCase();
  const b = annotated.toLowerCase();
  return a.includes(b) || b.includes(a);
}

function scoreRow(row: QuoteRow): QuoteOutcome {
  const eligible = row.quotes.some((q) => q.speaker !== null && q.text.length >= 40 && q.text.length <= 200);
  const chosen = pickPullQuote(row.text);
  const none = { id: row.id, chosen, verbatim: false, correct: false, speakerCorrect: false, eligible, matched: null };
  if (!chosen) return none;
  const at = row.text.indexOf(chosen.text);
  if (at < 0) return none;
  const span = { start: at, end: at + chosen.text.length };
  let matched: AnnotatedQuote | null = null;
  let best = 0;
  for (const quote of row.quotes) {
    if (!spansMatch(span, quote)) continue;
    const overlap = Math.min(span.end, quote.end) - Math.max(span.start, quote.start);
    if (overlap > best) {
      best = overlap;
      matched = quote;
    }
  }
  return {
    ...none,
    verbatim: true,
    correct: matched !== null,
    speakerCorrect: matched !== null && speakersMatch(chosen.speaker, matched.speaker),
    matched,
  };
}

const ratio = (n: number, d: number): number => (d === 0 ? 0 : n / d);

/** Choose a pull quote for every row (no fallback, nothing to avoid) and score the choices. */
export function evaluateQuotes(rows: readonly QuoteRow[]): QuoteReport {
  const outcomes = rows.map(scoreRow);
  const count = (pick: (o: QuoteOutcome) => boolean): number => outcomes.filter(pick).length;
  const chosen = count((o) => o.chosen !== null);
  const correct = count((o) => o.correct);
  const speakerCorrect = count((o) => o.speakerCorrect);
  const verbatim = count((o) => o.verbatim);
  const eligible = count((o) => o.eligible);
  const eligibleCorrect = count((o) => o.eligible && o.correct);
  return {
    articles: rows.length,
    chosen,
    correct,
    speakerCorrect,
    verbatim,
    eligible,
    eligibleCorrect,
    coverage: ratio(chosen, rows.length),
    precision: ratio(correct, chosen),
    speakerAccuracy: ratio(speakerCorrect, correct),
    verbatimRate: ratio(verbatim, chosen),
    eligibleRecall: ratio(eligibleCorrect, eligible),
    outcomes,
  };
}

/** A small aligned table: one line per metric, with the counts behind it. */
export function formatQuoteReport(report: QuoteReport, label: string): string {
  const rows: Array<[string, number, string]> = [
    ['coverage', report.coverage, `${report.chosen}/${report.articles}`],
    ['precision', report.precision, `${report.correct}/${report.chosen}`],
    ['speaker accuracy', report.speakerAccuracy, `${report.speakerCorrect}/${report.correct}`],
    ['verbatim rate', report.verbatimRate, `${report.verbatim}/${report.chosen}`],
    ['recall (eligible)', report.eligibleRecall, `${report.eligibleCorrect}/${report.eligible}`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  const countWidth = Math.max(...rows.map(([, , counts]) => counts.length));
  const lines = rows.map(
    ([name, value, counts]) => `  ${name.padEnd(width)}  ${value.toFixed(3)}  ${counts.padStart(countWidth)}`,
  );
  return [`pull quotes: ${label} (${report.articles} articles)`, ...lines].join('\n');
}
