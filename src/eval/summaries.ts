/**
 * Summary quality against human references: gazette's summarizer and the
 * Lead-N baseline scored with ROUGE in the same run, so a change can be read
 * as a difference to the baseline rather than a number on its own.
 */

import { summarize } from '../enrich/summary.js';
import { isFurniture } from '../text/furniture.js';
import { splitSentences } from '../text/sentences.js';
import { isRecord, parseJsonl } from './jsonl.js';
import { rougeLsum, rougeN } from './rouge.js';

/** One article with its reference summary, as the eval files hold them. */
export interface SummaryRow {
  id: string;
  source: string;
  title?: string;
  text: string;
  reference: string[];
}

/** Mean F1 × 100 over the articles, and the mean summary length. */
export interface SystemScores {
  rouge1: number;
  rouge2: number;
  rougeLsum: number;
  words: number;
}

export interface ArticleScores {
  id: string;
  gazette: SystemScores;
  lead: SystemScores;
}

export interface SummaryReport {
  articles: number;
  sentences: number;
  gazette: SystemScores;
  lead: SystemScores;
  perArticle: ArticleScores[];
}

const SHAPE = '{ "id": string, "source": string, "title"?: string, "text": string, "reference": [string, ...] }';

function isSummaryRow(value: unknown): value is SummaryRow {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.source === 'string' &&
    (value.title === undefined || typeof value.title === 'string') &&
    typeof value.text === 'string' &&
    Array.isArray(value.reference) &&
    value.reference.length > 0 &&
    value.reference.every((s) => typeof s === 'string')
  );
}

/** Parse a summaries JSONL file; a malformed row is an EVAL_INPUT error naming its line. */
export function parseSummaryRows(source: string, file: string): SummaryRow[] {
  return parseJsonl(source, file, isSummaryRow, SHAPE);
}

/** The first `n` sentences of the article body, the baseline every summarizer is compared with. */
export function lead(text: string, n: number): string[] {
  return splitSentences(text)
    .filter((s) => !isFurniture(s.text))
    .slice(0, n)
    .map((s) => s.text);
}

/** Score gazette's summaries (no word limit) and Lead-N on every row. */
export function evaluateSummaries(rows: readonly SummaryRow[], options: { sentences: number }): SummaryReport {
  const n = options.sentences;
  const perArticle = rows.map((row): ArticleScores => {
    const reference = row.reference.join('\n');
    const predicted = summarize(row.text, { sentences: n, words: Infinity, title: row.title });
    return {
      id: row.id,
      gazette: scoreSummary(reference, predicted),
      lead: scoreSummary(reference, lead(row.text, n)),
    };
  });
  return {
    articles: rows.length,
    sentences: n,
    gazette: mean(perArticle.map((a) => a.gazette)),
    lead: mean(perArticle.map((a) => a.lead)),
    perArticle,
  };
}

function scoreSummary(reference: string, summary: readonly string[]): SystemScores {
  const prediction = summary.join('\n');
  return {
    rouge1: rougeN(reference, prediction, 1).fmeasure * 100,
    rouge2: rougeN(reference, prediction, 2).fmeasure * 100,
    rougeLsum: rougeLsum(reference, prediction).fmeasure * 100,
    words: summary.reduce((sum, s) => sum + s.split(/\s+/).filter(Boolean).length, 0),
  };
}

function mean(scores: readonly SystemScores[]): SystemScores {
  const average = (pick: (s: SystemScores) => number): number =>
    scores.length === 0 ? 0 : scores.reduce((sum, s) => sum + pick(s), 0) / scores.length;
  return {
    rouge1: average((s) => s.rouge1),
    rouge2: average((s) => s.rouge2),
    rougeLsum: average((s) => s.rougeLsum),
    words: average((s) => s.words),
  };
}

/** A small aligned table: gazette, Lead-N and their difference, in ROUGE F1 × 100. */
export function formatSummaryReport(report: SummaryReport, label: string): string {
  const { gazette, lead: baseline } = report;
  const diff: SystemScores = {
    rouge1: gazette.rouge1 - baseline.rouge1,
    rouge2: gazette.rouge2 - baseline.rouge2,
    rougeLsum: gazette.rougeLsum - baseline.rougeLsum,
    words: gazette.words - baseline.words,
  };
  const rows: string[][] = [
    ['', 'R1', 'R2', 'RLsum', 'words'],
    ['gazette', ...columns(gazette, false)],
    [`lead-${report.sentences}`, ...columns(baseline, false)],
    ['difference', ...columns(diff, true)],
  ];
  const widths = [0, 1, 2, 3, 4].map((c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const table = rows.map((r) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ').trimEnd(),
  );
  const header = `${label}: ${report.articles} article${report.articles === 1 ? '' : 's'}, ${report.sentences} sentences, ROUGE F1 x 100, mean words per summary`;
  return [header, ...table].join('\n');
}

function columns(s: SystemScores, signed: boolean): string[] {
  const format = (x: number, digits: number): string => (signed && x >= 0 ? '+' : '') + x.toFixed(digits);
  return [format(s.rouge1, 2), format(s.rouge2, 2), format(s.rougeLsum, 2), format(s.words, 1)];
}
