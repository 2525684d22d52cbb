import { describe, expect, it } from 'vitest';
import { enrichArticle } from '../../src/enrich/index.js';
import { parseArticle } from '../../src/index.js';
import { testConfig } from '../helpers/config.js';

const config = testConfig();

const OPENING = `Dredging of the main shipping channel into Harbour City will begin on Dec. 1 and run until the end of March, the Harbour City Port Authority said on Monday.

Port Director Helena Vos said: "Ships are already leaving cargo behind to clear the bar at low tide, and every one of those loads costs this port money."`;

/** A paragraph of news prose with its own person, quoted: distinct names and quotations are what the analysis grows with. */
function paragraph(i: number): string {
  const surname = `Marlow${i.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)] ?? 'q')}`;
  return `Harbour pilot Jonas ${surname} has guided ships into the channel for years. "The bar moves every winter, and we plan every arrival around it," ${surname} said on Tuesday, adding that the tide tables were printed weekly. He said the crews knew the risks.`;
}

/** An article of `bytes` bytes or just under: the opening, then as many quoted paragraphs as fit. */
function longArticle(bytes: number): string {
  const head = `---\ntitle: A very long story\nurl: https://news.example.org/long\ndate: 2026-11-30\n---\n\n${OPENING}\n\n`;
  const parts = [head];
  let size = Buffer.byteLength(head);
  for (let i = 0; ; i++) {
    const next = `${paragraph(i)}\n\n`;
    if (size + next.length > bytes) break;
    parts.push(next);
    size += next.length;
  }
  return parts.join('');
}

describe('enrichArticle on a very long story', () => {
  it('chooses the summary and the pull quote from the opening 100,000 characters, in seconds for an article at the 2 MB limit', () => {
    const full = parseArticle(longArticle(2 * 1024 * 1024 - 1024), 'long.md').article;
    const opening = parseArticle(longArticle(100_000), 'opening.md').article;
    const started = performance.now();
    const digest = enrichArticle(full, config);
    const ms = performance.now() - started;
    expect(digest.summary).toEqual(enrichArticle(opening, config).summary);
    expect(digest.pullQuote).toEqual(enrichArticle(opening, config).pullQuote);
    // Before the window, this took minutes: the bound is loose enough for a slow machine and tight enough to catch that.
    expect(ms).toBeLessThan(15_000);
  }, 60_000);
});
