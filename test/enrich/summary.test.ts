import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/enrich/summary.js';

const words = (sentences: readonly string[]): number =>
  sentences.reduce((n, s) => n + s.split(/\s+/).filter(Boolean).length, 0);

const ARTICLE = [
  'The city council approved a new cycle lane network on Tuesday after a two-year campaign by local residents.',
  'The network will add forty kilometres of protected cycle lanes across the city centre and the northern suburbs.',
  'Council leader Amira Stone said the cycle lanes would make the city centre safer for children travelling to school.',
  'Shop owners on the high street had opposed the plan, saying the loss of parking would hurt trade.',
  'Construction of the first protected cycle lanes will begin in the spring and finish within three years.',
  'The weather on Tuesday was mild and dry.',
  'The council will publish a map of the cycle lane network next month.',
].join(' ');

describe('summarize', () => {
  it('returns at most three sentences by default, verbatim and in article order', () => {
    const summary = summarize(ARTICLE, { words: Infinity });
    expect(summary.length).toBe(3);
    let last = -1;
    for (const sentence of summary) {
      const at = ARTICLE.indexOf(sentence);
      expect(at).toBeGreaterThan(last);
      last = at;
    }
  });

  it('starts from the lede and leaves out the off-topic aside', () => {
    const summary = summarize(ARTICLE, { words: Infinity });
    expect(summary[0]).toMatch(/^The city council approved/);
    expect(summary).not.toContain('The weather on Tuesday was mild and dry.');
  });

  it('honours the sentence count', () => {
    expect(summarize(ARTICLE, { sentences: 1, words: Infinity })).toHaveLength(1);
    expect(summarize(ARTICLE, { sentences: 2, words: Infinity })).toHaveLength(2);
  });

  it('stays within the word budget', () => {
    for (const budget of [25, 40, 60]) {
      const summary = summarize(ARTICLE, { words: budget });
      expect(summary.length).toBeGreaterThan(0);
      expect(words(summary)).toBeLessThanOrEqual(budget);
    }
  });

  it('returns the best sentence alone when even that is over the budget', () => {
    const summary = summarize(ARTICLE, { words: 5 });
    expect(summary).toHaveLength(1);
    expect(ARTICLE).toContain(summary[0]);
  });

  it('returns nothing for an empty article', () => {
    expect(summarize('')).toEqual([]);
    expect(summarize('  \n\n ')).toEqual([]);
  });

  it('falls back to a short sentence when there is nothing else', () => {
    expect(summarize('Rain stopped play.')).toEqual(['Rain stopped play.']);
  });

  it('trims a dateline and keeps the rest verbatim', () => {
    const text = '(CNN)The river burst its banks overnight, flooding hundreds of homes in the valley. Rescue teams worked until dawn.';
    const [first] = summarize(text, { sentences: 1 });
    expect(first).toBe('The river burst its banks overnight, flooding hundreds of homes in the valley.');
    expect(text).toContain(first);

    const wire = 'LONDON (Reuters) - The central bank held interest rates steady for a third month on Thursday.';
    expect(summarize(wire)).toEqual(['The central bank held interest rates steady for a third month on Thursday.']);
  });

  it('trims a Daily Mail byline block', () => {
    const text =
      'By . Staff Reporter . PUBLISHED: . 09:15 EST, 3 March 2014 . | . UPDATED: . 10:40 EST, 3 March 2014 . A lorry carrying fresh fish overturned on the coastal bypass early on Monday morning . The driver escaped without serious injury .';
    const summary = summarize(text, { words: Infinity });
    expect(summary[0]).toBe('A lorry carrying fresh fish overturned on the coastal bypass early on Monday morning .');
    expect(summary.join(' ')).not.toMatch(/PUBLISHED|Staff Reporter/);
  });

  it('never returns bylines, credits, links, captions, questions or fragments when better sentences exist', () => {
    const text = [
      'By Jane Example',
      'Photo: Example Agency',
      'The national museum will reopen its restored east wing to visitors next week after a decade of repairs.',
      'Why does it matter?',
      'Not yet.',
      'Restorers repaired the roof, the mosaic floors and the painted ceilings of the east wing of the museum.',
      'Read more: our guide to the museum',
      'Click here to book tickets for the museum',
      'Reopened: Visitors queue outside the east wing of the museum (pictured)',
      'The museum expects a million visitors to the restored east wing in its first year.',
    ].join('\n');
    const summary = summarize(text, { words: Infinity });
    expect(summary).toEqual([
      'The national museum will reopen its restored east wing to visitors next week after a decade of repairs.',
      'Restorers repaired the roof, the mosaic floors and the painted ceilings of the east wing of the museum.',
      'The museum expects a million visitors to the restored east wing in its first year.',
    ]);
  });

  it('skips a sentence that only repeats the title', () => {
    const text = 'Museum reopens east wing\n\nThe national museum will reopen its restored east wing next week after a decade of repairs.';
    expect(summarize(text, { title: 'Museum reopens east wing' })).toEqual([
      'The national museum will reopen its restored east wing next week after a decade of repairs.',
    ]);
  });

  it('does not pick two sentences that say the same thing', () => {
    const text = [
      'The bridge over the river Wend will close for repairs from Monday for six weeks.',
      'The bridge over the river Wend will close for repairs for six weeks from Monday, the council said.',
      'Drivers will be diverted through the town centre while engineers replace the deck.',
      'Buses will run a shuttle service for pedestrians during the closure.',
    ].join(' ');
    const summary = summarize(text, { sentences: 2, words: Infinity });
    expect(summary).toHaveLength(2);
    expect(summary.filter((s) => s.startsWith('The bridge over the river Wend'))).toHaveLength(1);
  });

  it('is deterministic', () => {
    expect(summarize(ARTICLE)).toEqual(summarize(ARTICLE));
  });

  it('summarises a 2,000-word article in a few milliseconds', () => {
    const topics = ['harbour', 'ferry', 'council', 'budget', 'fishermen', 'tourism', 'storm', 'repairs'];
    const sentences = Array.from({ length: 130 }, (_, i) => {
      const a = topics[i % topics.length] as string;
      const b = topics[(i * 3 + 1) % topics.length] as string;
      return `Report ${i} says the ${a} plan depends on the ${b} review and on funding agreed this spring.`;
    });
    const text = sentences.join(' ');
    expect(text.split(/\s+/).length).toBeGreaterThan(2000);
    summarize(text);
    const start = performance.now();
    summarize(text);
    expect(performance.now() - start).toBeLessThan(50);
  });
});
