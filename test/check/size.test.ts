import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIssue, measureArticleCosts } from '../../src/check/index.js';
import { size } from '../../src/check/size.js';
import { renderIssue } from '../../src/index.js';
import type { Digest } from '../../src/types.js';
import { testConfig } from '../helpers/config.js';
import { email, page } from './page.js';

const config = testConfig();
const articlesDir = path.join(import.meta.dirname, '../fixtures/digest/articles');
const padded = (kb: number): string => page({ body: `<p>${'x'.repeat(kb * 1024)}</p>` });

describe('size', () => {
  it('is quiet up to 80 KB, a warning above, an error above 100 KB', () => {
    expect(size(email(padded(78)))).toEqual([]);
    expect(size(email(padded(81)))).toMatchObject([{ level: 'warning', rule: 'size', message: expect.stringMatching(/^the HTML is 81\.\d KB/) }]);
    expect(size(email(padded(101)))).toMatchObject([{ level: 'error', rule: 'size', message: expect.stringMatching(/Gmail clips/) }]);
  });

  it('names the three costliest articles when their costs are known', () => {
    const articleCosts = [
      { slug: 'a', title: 'A', bytes: 2048 },
      { slug: 'b', title: 'B', bytes: 30 * 1024 },
      { slug: 'c', title: 'C', bytes: 10 * 1024 },
      { slug: 'd', title: 'D', bytes: 20 * 1024 },
    ];
    expect(size(email(padded(101), { articleCosts }))[0]?.where).toBe('costliest: b 30.0 KB, d 20.0 KB, c 10.0 KB');
  });
});

describe('measureArticleCosts', () => {
  it("measures each article by rendering the digest without it", async () => {
    const { digest, rendered } = await renderIssue(config, { articlesDir, date: '2026-11-30' });
    const costs = await measureArticleCosts(digest, config);
    expect(costs.map((c) => c.slug).sort()).toEqual(digest.articles.map((a) => a.slug).sort());
    for (const cost of costs) expect(cost.bytes).toBeGreaterThan(500);
    expect(costs.reduce((sum, c) => sum + c.bytes, 0)).toBeLessThan(Buffer.byteLength(rendered.html));
    expect(costs.map((c) => c.bytes)).toEqual([...costs.map((c) => c.bytes)].sort((a, b) => b - a));
  });
});

describe('checkIssue', () => {
  it('names the costliest articles of a digest over the limit', async () => {
    const { digest } = await renderIssue(config, { articlesDir, date: '2026-11-30' });
    const long = (n: number): string[] => [`${'The harbour board met again to talk about the moorings. '.repeat(n)}`];
    const big: Digest = {
      ...digest,
      articles: digest.articles.map((a, i) => ({ ...a, summary: long([900, 40, 300, 600][i] ?? 10) })),
    };
    const { renderDigest } = await import('../../src/index.js');
    const { html, text } = await renderDigest(big, config);
    const report = await checkIssue({ html, text, digest: big, config });
    const finding = report.findings.find((f) => f.rule === 'size');
    expect(finding?.level).toBe('error');
    const [first, , third] = big.articles.map((a) => a.slug);
    expect(finding?.where).toMatch(new RegExp(`^costliest: ${first} \\d+\\.\\d KB, ${big.articles[3]?.slug} .*, ${third} `));
  }, 20_000);
});
