import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/load/article.js';
import { articleHash } from '../../src/series/article-hash.js';
import { selectArticles } from '../../src/series/select.js';
import type { Inclusion } from '../../src/send/ledger.js';
import type { Article } from '../../src/types.js';

function article(slug: string, body = 'The ferry left on time. "It was a calm crossing," said the captain.', extra = ''): Article {
  const source = `---\ntitle: ${slug} news\nurl: https://news.example.org/${slug}\ndate: 2026-11-30\nslug: ${slug}\n${extra}---\n\n${body}\n`;
  return parseArticle(source, `articles/${slug}.md`).article;
}

const sent = (a: Article, number = 1): Inclusion => ({ contentHash: articleHash(a), number, date: '2026-11-23' });

describe('articleHash', () => {
  it('changes with the words, not with where the file is or how it is laid out', () => {
    const a = article('ferry');
    expect(articleHash(parseArticle(`---\ntitle: ferry news\nurl: https://news.example.org/ferry\ndate: 2026-11-30\nslug: ferry\n---\n\n\n\nThe ferry left on time. "It was a calm crossing," said the captain.\n`, 'elsewhere/renamed.md').article)).toBe(articleHash(a));
    expect(articleHash(parseArticle(`---\r\nslug: ferry\r\n# moved\r\ntitle: ferry news\r\nurl: https://news.example.org/ferry\r\ndate: 2026-11-30\r\n---\r\n\r\nThe ferry left on time. "It was a calm crossing," said the captain.\r\n`, 'x.md').article)).toBe(articleHash(a));
    expect(articleHash(article('ferry', 'The ferry left late. "It was a calm crossing," said the captain.'))).not.toBe(articleHash(a));
    expect(articleHash(article('ferry', undefined, 'caption: A new caption\n'))).not.toBe(articleHash(a));
  });
});

describe('selectArticles', () => {
  const [ferry, pier, regatta] = [article('ferry'), article('pier'), article('regatta')];
  const editedPier = article('pier', 'The pier reopened. "We are delighted," said the mayor.');

  it('takes what no earlier issue had', () => {
    const selection = selectArticles({ articles: [ferry, pier, regatta], existing: undefined, inclusions: new Map([['ferry', sent(ferry)]]), includeUpdated: false });
    expect(selection.kind).toBe('new');
    expect(selection.kind === 'new' && selection.articles.map((a) => a.slug)).toEqual(['pier', 'regatta']);
  });

  it('leaves an edited article out unless includeUpdated, and says there is nothing when that is all', () => {
    const inclusions = new Map([
      ['ferry', sent(ferry)],
      ['pier', sent(pier)],
    ]);
    const without = selectArticles({ articles: [ferry, editedPier], existing: undefined, inclusions, includeUpdated: false });
    expect(without).toEqual({ kind: 'nothing', edited: [editedPier] });
    const withUpdated = selectArticles({ articles: [ferry, editedPier], existing: undefined, inclusions, includeUpdated: true });
    expect(withUpdated.kind === 'new' && withUpdated.articles).toEqual([editedPier]);
  });

  it('continues the day\'s issue with its own articles, in its order, and names the ones that must wait', () => {
    const existing = {
      number: 4,
      date: '2026-11-30',
      articles: [pier, ferry].map((a) => ({ slug: a.slug, contentHash: articleHash(a), url: a.url, title: a.title })),
    };
    const selection = selectArticles({ articles: [ferry, pier, regatta], existing, inclusions: new Map(), includeUpdated: false });
    expect(selection).toEqual({ kind: 'continue', articles: [pier, ferry], waiting: [regatta] });
  });

  it('refuses to continue an issue whose article is gone', () => {
    const existing = { number: 4, date: '2026-11-30', articles: [{ slug: 'gone', contentHash: 'x', url: 'https://x.org', title: 'Gone' }] };
    expect(() => selectArticles({ articles: [ferry], existing, inclusions: new Map(), includeUpdated: false })).toThrow(
      'issue 4 (2026-11-30) was made with "gone", no longer among the articles',
    );
  });
});
