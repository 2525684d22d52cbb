import { describe, expect, it } from 'vitest';
import { isGazetteError } from '../../src/errors.js';
import {
  evaluateQuotes,
  formatQuoteReport,
  parseQuoteRows,
  spansMatch,
  speakersMatch,
  type QuoteRow,
} from '../../src/eval/quotes.js';

/** A row whose annotations are found by searching the text, as the annotators' offsets would be. */
function row(id: string, text: string, quotes: Array<[string, string | null]>): QuoteRow {
  return {
    id,
    text,
    quotes: quotes.map(([quoted, speaker]) => {
      const start = text.indexOf(quoted);
      if (start < 0) throw new Error(`${quoted} not in ${id}`);
      return { start, end: start + quoted.length, text: quoted, speaker };
    }),
  };
}

const rows: QuoteRow[] = [
  // Correct quote, speaker annotated with a shorter form of the name.
  row('a', '“The harbour will reopen on Monday after three weeks of repairs,” said Mia Tanaka.', [
    ['“The harbour will reopen on Monday after three weeks of repairs,”', 'Tanaka'],
  ]),
  // Correct quote, but the annotators wrote the pronoun as the source.
  row('b', 'Coach Ivan Petrov watched. “We played the best football of our season tonight,” he said.', [
    ['“We played the best football of our season tonight,”', 'he'],
  ]),
  // A quotation the annotators left out: counted as wrong.
  row('c', '“Nobody saw the storm coming until the boats were already out at sea,” said Ola Berg.', []),
  // No quotation at all: nothing chosen.
  row('d', 'The council met on Tuesday and agreed the budget for next year without a vote.', []),
];

describe('parseQuoteRows', () => {
  it('reads rows', () => {
    const source = `${JSON.stringify(rows[0])}\n\n${JSON.stringify(rows[3])}\n`;
    expect(parseQuoteRows(source, 'q.jsonl')).toEqual([rows[0], rows[3]]);
  });

  it('names the file and line of a row with the wrong shape', () => {
    const source = `${JSON.stringify(rows[0])}\n{"id":"x","text":"t","quotes":[{"start":"0"}]}\n`;
    try {
      parseQuoteRows(source, 'q.jsonl');
      expect.unreachable();
    } catch (error) {
      expect(isGazetteError(error) && error.code).toBe('EVAL_INPUT');
      expect(isGazetteError(error) && error.line).toBe(2);
      expect(String(error)).toContain('q.jsonl:2');
    }
  });
});

describe('matching', () => {
  it('needs an overlap of half the shorter span', () => {
    expect(spansMatch({ start: 0, end: 10 }, { start: 5, end: 40 })).toBe(true);
    expect(spansMatch({ start: 0, end: 10 }, { start: 6, end: 40 })).toBe(false);
    expect(spansMatch({ start: 10, end: 20 }, { start: 0, end: 100 })).toBe(true);
  });

  it('matches speakers when one contains the other, ignoring case', () => {
    expect(speakersMatch('Mia Tanaka', 'tanaka')).toBe(true);
    expect(speakersMatch('Tanaka', 'Dr. Mia Tanaka, the harbour engineer')).toBe(true);
    expect(speakersMatch('Ivan Petrov', 'he')).toBe(false);
    expect(speakersMatch(null, 'he')).toBe(false);
    expect(speakersMatch(null, null)).toBe(false);
  });
});

describe('evaluateQuotes', () => {
  const report = evaluateQuotes(rows);

  it('computes the README metrics', () => {
    expect(report.articles).toBe(4);
    expect(report.chosen).toBe(3);
    expect(report.coverage).toBeCloseTo(3 / 4);
    expect(report.correct).toBe(2);
    expect(report.precision).toBeCloseTo(2 / 3);
    expect(report.speakerCorrect).toBe(1);
    expect(report.speakerAccuracy).toBeCloseTo(1 / 2);
    expect(report.verbatimRate).toBe(1);
    // Eligible: an attributed annotation of 40–200 characters (rows a and b).
    expect(report.eligible).toBe(2);
    expect(report.eligibleRecall).toBe(1);
  });

  it('keeps what happened on each article', () => {
    expect(report.outcomes.map((o) => o.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(report.outcomes[1]?.chosen?.speaker).toBe('Ivan Petrov');
    expect(report.outcomes[2]?.correct).toBe(false);
    expect(report.outcomes[3]?.chosen).toBeNull();
  });

  it('scores an empty file as zeros, not NaN', () => {
    const empty = evaluateQuotes([]);
    expect([empty.coverage, empty.precision, empty.speakerAccuracy, empty.verbatimRate, empty.eligibleRecall]).toEqual([
      0, 0, 0, 0, 0,
    ]);
  });
});

describe('formatQuoteReport', () => {
  it('prints an aligned table with the counts behind each number', () => {
    const out = formatQuoteReport(evaluateQuotes(rows), 'test set');
    const lines = out.split('\n');
    expect(lines[0]).toBe('pull quotes: test set (4 articles)');
    expect(out).toContain('precision');
    expect(out).toContain('0.667  2/3');
    const valueColumn = lines.slice(1).map((l) => l.search(/\d\.\d{3}/));
    expect(new Set(valueColumn).size).toBe(1);
  });
});
