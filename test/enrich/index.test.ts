import { describe, expect, it } from 'vitest';
import { enrichArticle } from '../../src/enrich/index.js';
import { parseArticle, type Article, type Block } from '../../src/index.js';
import { testConfig } from '../helpers/config.js';

const config = testConfig();

const OPENING = `Dredging of the main shipping channel into Harbour City will begin on Dec. 1 and run until the end of March, the Harbour City Port Authority said on Monday.

Port Director Helena Vos said: "Ships are already leaving cargo behind to clear the bar at low tide, and every one of those loads costs this port money."`;

/** A paragraph of news prose with its own person, quoted: distinct names and quotations are what the analysis grows with. */
function paragraph(i: number): string {
  const surname = `Marlow${i.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)] ?? 'q')}`;
  return `Harbour pilot Jonas ${surname} has guided ships into the channel for years. "The bar moves every winter, and we plan every arrival around it," ${surname} said on Tuesday, adding that the tide tables were printed weekly. He said the crews knew the risks.`;
}

/** The opening as an article, then quoted paragraphs until its text is `chars` long: as loaded, without parsing 2 MB of markdown. */
function longArticle(chars: number): Article {
  const opening = parseArticle(`---\ntitle: A very long story\nurl: https://news.example.org/long\ndate: 2026-11-30\n---\n\n${OPENING}\n`, 'long.md').article;
  const blocks: Block[] = [...opening.blocks];
  let size = OPENING.length;
  for (let i = 0; size + paragraph(i).length + 2 <= chars; i++) {
    blocks.push({ kind: 'paragraph', text: paragraph(i), line: blocks.length * 2 + 7 });
    size += paragraph(i).length + 2;
  }
  return { ...opening, blocks };
}

describe('enrichArticle on a very long story', () => {
  it('chooses the summary and the pull quote from the opening 100,000 characters, in seconds for an article at the 2 MB limit', () => {
    const started = performance.now();
    const digest = enrichArticle(longArticle(2 * 1024 * 1024), config);
    const ms = performance.now() - started;
    const opening = enrichArticle(longArticle(90_000), config);
    expect(digest.summary).toEqual(opening.summary);
    expect(digest.pullQuote).toEqual(opening.pullQuote);
    // Before the window, this took minutes: the bound is loose enough for a slow machine and tight enough to catch that.
    expect(ms).toBeLessThan(15_000);
  }, 60_000);

  it('reads a story of one endless word from its opening too, never from nothing', () => {
    const base = parseArticle(`---\ntitle: Runaway text\nurl: https://news.example.org/runaway\ndate: 2026-11-30\n---\n\nx\n`, 'runaway.md').article;
    const one = (text: string): Article => ({ ...base, blocks: [{ kind: 'paragraph', text, line: 7 }] });
    const word = enrichArticle(one('a'.repeat(150_000)), config);
    expect(word.summary).toEqual([`${'a'.repeat(720)}…`]);
  });
});
