import { describe, expect, it } from 'vitest';
import { isGazetteError } from '../../src/errors.js';
import { evaluateSummaries, formatSummaryReport, lead, parseSummaryRows, type SummaryRow } from '../../src/eval/summaries.js';

const ROWS: SummaryRow[] = [
  {
    id: 'a1',
    source: 'invented',
    title: 'Harbour wall repaired',
    text: 'The harbour wall was repaired after the winter storms. Fishermen can use the quay again. The council paid for the work. A festival is planned for June.',
    reference: ['The harbour wall was repaired after the storms.', 'Fishermen can use the quay again.'],
  },
  {
    id: 'a2',
    source: 'invented',
    text: 'By . Staff Reporter . A new library opened in the village on Saturday morning. Hundreds of readers queued at the door. The building was once a chapel.',
    reference: ['A new library opened in the village.'],
  },
];

describe('parseSummaryRows', () => {
  it('reads JSON Lines rows, title optional', () => {
    const source = ROWS.map((r) => JSON.stringify(r)).join('\n') + '\n';
    expect(parseSummaryRows(source, 'rows.jsonl')).toEqual(ROWS);
  });

  it('rejects a row of the wrong shape, naming the file and line', () => {
    const source = `${JSON.stringify(ROWS[0])}\n{"id": "x", "text": "No reference here."}\n`;
    try {
      parseSummaryRows(source, 'bad.jsonl');
      expect.unreachable();
    } catch (error) {
      expect(isGazetteError(error)).toBe(true);
      if (!isGazetteError(error)) return;
      expect(error.code).toBe('EVAL_INPUT');
      expect(error.message).toMatch(/^bad\.jsonl:2: /);
    }
  });

  it('rejects an empty reference and a non-string title', () => {
    const empty = JSON.stringify({ id: 'x', source: 's', text: 't', reference: [] });
    const title = JSON.stringify({ id: 'x', source: 's', title: 3, text: 't', reference: ['r'] });
    expect(() => parseSummaryRows(empty, 'f.jsonl')).toThrow(/f\.jsonl:1/);
    expect(() => parseSummaryRows(title, 'f.jsonl')).toThrow(/f\.jsonl:1/);
  });
});

describe('lead', () => {
  it('takes the first sentences of the story, past any byline', () => {
    expect(lead(ROWS[1]?.text ?? '', 2)).toEqual([
      'A new library opened in the village on Saturday morning.',
      'Hundreds of readers queued at the door.',
    ]);
  });
});

describe('evaluateSummaries', () => {
  const report = evaluateSummaries(ROWS, { sentences: 2 });

  it('scores gazette and Lead-N on every article', () => {
    expect(report.articles).toBe(2);
    expect(report.sentences).toBe(2);
    expect(report.perArticle.map((a) => a.id)).toEqual(['a1', 'a2']);
    for (const system of [report.gazette, report.lead]) {
      for (const value of [system.rouge1, system.rouge2, system.rougeLsum]) {
        expect(value).toBeGreaterThan(0);
        expect(value).toBeLessThanOrEqual(100);
      }
    }
  });

  it('reports means over the articles', () => {
    const [a, b] = report.perArticle;
    expect(report.lead.rouge1).toBeCloseTo(((a?.lead.rouge1 ?? 0) + (b?.lead.rouge1 ?? 0)) / 2, 10);
    expect(report.gazette.words).toBeCloseTo(((a?.gazette.words ?? 0) + (b?.gazette.words ?? 0)) / 2, 10);
  });

  it('gives Lead-2 of the first article its exact ROUGE-1', () => {
    // Lead-2 is 15 tokens, the reference 14, all 14 of them in common.
    const first = report.perArticle[0];
    const p = 14 / 15;
    const r = 14 / 14;
    expect(first?.lead.rouge1).toBeCloseTo((100 * 2 * p * r) / (p + r), 6);
  });

  it('handles no rows', () => {
    const empty = evaluateSummaries([], { sentences: 3 });
    expect(empty.articles).toBe(0);
    expect(empty.gazette.rouge1).toBe(0);
  });
});

describe('formatSummaryReport', () => {
  it('prints an aligned table of gazette, the baseline and their difference', () => {
    const text = formatSummaryReport(
      {
        articles: 2,
        sentences: 3,
        gazette: { rouge1: 45.5, rouge2: 20.25, rougeLsum: 40, words: 61.5 },
        lead: { rouge1: 41, rouge2: 21, rougeLsum: 38.5, words: 70 },
        perArticle: [],
      },
      'dev',
    );
    expect(text).toBe(
      [
        'dev: 2 articles, 3 sentences, ROUGE F1 x 100, mean words per summary',
        '               R1     R2  RLsum  words',
        'gazette     45.50  20.25  40.00   61.5',
        'lead-3      41.00  21.00  38.50   70.0',
        'difference  +4.50  -0.75  +1.50   -8.5',
      ].join('\n'),
    );
  });
});
