import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/index.js';
import { enrichArticle, storyText } from '../../src/enrich/index.js';
import { extractPhoto } from '../../src/enrich/photo.js';
import { testConfig } from '../helpers/config.js';

/**
 * Articles in other people's house styles (CRLF, BOM, datelines, Daily Mail
 * furniture, scare quotes, long quotes, credits of every shape), with what a
 * correct digest must show for each, written down in expected.json.
 */
interface Expected {
  caption: string | null;
  credit: string | null;
  quoteSpeaker: string | null;
  quoteCandidates: string[];
  noSplitInside: string[];
}

const dir = path.join(import.meta.dirname, '../fixtures/wild');
const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<string, Expected>;
const config = testConfig();
const { articles } = await loadArticles(dir);
const trimEnd = (s: string): string => s.replace(/[\s,;:.]+$/u, '');

describe.each(articles.map((a) => [path.basename(a.file), a] as const))('%s', (name, article) => {
  const want = expected[name];
  if (!want) throw new Error(`no expectations for ${name}`);
  const digest = enrichArticle(article, config);
  const text = storyText(extractPhoto(article, config.siteUrl).blocks);

  it('has the right caption and credit', () => {
    expect(digest.photo?.caption ?? null).toBe(want.caption);
    expect(digest.photo?.credit ?? null).toBe(want.credit);
  });

  it('summarises in 1 to 3 verbatim sentences within the word budget', () => {
    expect(digest.summary.length).toBeGreaterThanOrEqual(1);
    expect(digest.summary.length).toBeLessThanOrEqual(3);
    for (const sentence of digest.summary) expect(text).toContain(sentence);
    if (digest.summary.length > 1) expect(digest.summary.join(' ').split(/\s+/).length).toBeLessThanOrEqual(60);
    // No summary sentence may start or end inside a phrase such as "Dr. Amara Singh".
    for (const sentence of digest.summary) {
      const start = text.indexOf(sentence);
      const end = start + sentence.length;
      for (const phrase of want.noSplitInside) {
        for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
          const inside = (i: number): boolean => i > at && i < at + phrase.length;
          expect(inside(start) || inside(end), `"${sentence}" cuts "${phrase}"`).toBe(false);
        }
      }
    }
  });

  it('picks a verbatim pull quote attributed to the right speaker, or none', () => {
    const quote = digest.pullQuote;
    if (want.quoteSpeaker === null) {
      expect(quote === null || quote.excerpt === true).toBe(true);
      return;
    }
    expect(quote).not.toBeNull();
    expect(quote?.excerpt).toBeUndefined();
    expect(text).toContain(quote?.text);
    expect(want.quoteCandidates.map(trimEnd)).toContain(trimEnd(quote?.text ?? ''));
    expect(quote?.speaker ?? '').toContain(want.quoteSpeaker);
  });
});
