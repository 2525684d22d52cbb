import { describe, expect, it } from 'vitest';
import { GazetteError, parseArticle } from '../../src/index.js';

const good = `---
title: Ferry fares frozen for the winter
url: https://news.example.org/ferry-fares
date: 2026-11-30
author: Ana Lopes
---

The harbour board voted on Tuesday to freeze fares.

## What changes

- Monthly passes stay at $96.
- Single fares stay at $5.25.

> A quoted paragraph.
`;

function errorOf(source: string | Uint8Array, file = 'articles/ferry.md'): GazetteError {
  try {
    parseArticle(source, file);
  } catch (error) {
    if (error instanceof GazetteError) return error;
    throw error;
  }
  throw new Error('expected a GazetteError');
}

describe('parseArticle', () => {
  it('reads front matter and turns the body into plain-text blocks', () => {
    const { article, draft, warnings } = parseArticle(good, 'articles/2026-11-30-ferry-fares.md');
    expect(article).toMatchObject({
      slug: 'ferry-fares',
      title: 'Ferry fares frozen for the winter',
      url: 'https://news.example.org/ferry-fares',
      date: '2026-11-30',
      author: 'Ana Lopes',
      source: null,
    });
    expect(draft).toBe(false);
    expect(warnings).toEqual([]);
    expect(article.blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'item', 'item', 'quote']);
    expect(article.blocks[0]).toMatchObject({ text: 'The harbour board voted on Tuesday to freeze fares.', line: 8 });
  });

  it('accepts CRLF line endings and a byte order mark', () => {
    const bytes = new TextEncoder().encode(`\ufeff${good.replace(/\n/g, '\r\n')}`);
    expect(parseArticle(bytes, 'a.md').article.title).toBe('Ferry fares frozen for the winter');
  });

  it('keeps the visible text of raw HTML and drops the tags', () => {
    const { article } = parseArticle(`${good}\nA <b>bold</b> claim.<script>alert(1)</script>\n\n<div><p>Inside a div.</p><script>alert(2)</script></div>\n`, 'a.md');
    const text = article.blocks.map((b) => ('text' in b ? b.text : '')).join(' ');
    expect(text).toContain('A bold claim.');
    expect(text).toContain('Inside a div.');
    expect(text).not.toMatch(/<|alert/);
  });

  it('turns an HTML figure into an image and its caption paragraph', () => {
    const html = '<figure><img src="https://media.example.org/q.jpg" alt="The quay"><figcaption>The quay at dawn. <em>Photo: Sam Ito</em></figcaption></figure>\n\n<div><p>One.</p><p>Two.</p></div>\n';
    const { article } = parseArticle(`${good}\n${html}`, 'a.md');
    expect(article.blocks.slice(-4)).toEqual([
      { kind: 'image', src: 'https://media.example.org/q.jpg', alt: 'The quay', title: null, line: 17 },
      { kind: 'paragraph', text: 'The quay at dawn. Photo: Sam Ito', line: 17, emphasis: true },
      { kind: 'paragraph', text: 'One.', line: 19 },
      { kind: 'paragraph', text: 'Two.', line: 19 },
    ]);
  });

  it('keeps link text but not link targets', () => {
    const { article } = parseArticle(`${good}\nSee [the plan](javascript:alert(1)) for details.\n`, 'a.md');
    expect(article.blocks.at(-1)).toMatchObject({ kind: 'paragraph', text: 'See the plan for details.' });
  });

  it('makes images their own blocks and marks an italic paragraph', () => {
    const { article } = parseArticle(`${good}\n![A ferry](https://media.example.org/f.jpg "The ferry at dawn")\n*The ferry at dawn. Photo: Sam Ito*\n`, 'a.md');
    expect(article.blocks.slice(-2)).toEqual([
      { kind: 'image', src: 'https://media.example.org/f.jpg', alt: 'A ferry', title: 'The ferry at dawn', line: 17 },
      { kind: 'paragraph', text: 'The ferry at dawn. Photo: Sam Ito', line: 18, emphasis: true },
    ]);
  });

  it('takes an ISO 8601 date-time and keeps the calendar date as written', () => {
    const { article } = parseArticle(good.replace('date: 2026-11-30', 'date: 2026-11-30T23:30:00-05:00'), 'a.md');
    expect(article.date).toBe('2026-11-30');
    expect(article.timestamp).toBe(Date.UTC(2026, 11, 1, 4, 30));
  });

  it('joins several authors', () => {
    expect(parseArticle(good.replace('author: Ana Lopes', 'author: [Ana Lopes, Sam Ito]'), 'a.md').article.author).toBe('Ana Lopes, Sam Ito');
  });

  it('uses a front matter slug over the file name', () => {
    expect(parseArticle(good.replace('author:', 'slug: Fares Frozen!\nauthor:'), 'x.md').article.slug).toBe('fares-frozen');
  });

  it('warns about a misspelt field instead of silently dropping it', () => {
    const { warnings } = parseArticle(good.replace('author:', 'captoin: The quay\nauthor:'), 'a.md');
    expect(warnings).toEqual([expect.objectContaining({ code: 'ARTICLE_UNKNOWN_FIELD', line: 5, message: expect.stringContaining('did you mean "caption"') })]);
  });

  it('ignores unknown fields that are not typos (tags, layout)', () => {
    expect(parseArticle(good.replace('author:', 'tags: [harbour]\nlayout: post\nauthor:'), 'a.md').warnings).toEqual([]);
  });

  describe('bad input: code, file, line and fix', () => {
    const cases: [string, string, string, number, RegExp][] = [
      ['missing title', good.replace(/^title:.*\n/m, ''), 'ARTICLE_MISSING_FIELD', 2, /no "title".*add a line such as "title:/],
      ['missing url', good.replace(/^url:.*\n/m, ''), 'ARTICLE_MISSING_FIELD', 2, /no "url"/],
      ['missing date', good.replace(/^date:.*\n/m, ''), 'ARTICLE_MISSING_FIELD', 2, /no "date"/],
      ['unparseable date', good.replace('2026-11-30', 'next week'), 'ARTICLE_BAD_DATE', 4, /"date" is "next week": use a real date as YYYY-MM-DD/],
      ['impossible date', good.replace('2026-11-30', '2026-02-30'), 'ARTICLE_BAD_DATE', 4, /"2026-02-30"/],
      ['ftp url', good.replace('https://news', 'ftp://news'), 'ARTICLE_BAD_URL', 3, /"url" is "ftp:.*http:\/\/ or https:\/\//],
      ['javascript url', good.replace('https://news.example.org/ferry-fares', 'javascript:alert(1)'), 'ARTICLE_BAD_URL', 3, /javascript/],
      ['invalid YAML', good.replace('author: Ana Lopes', 'author: "Ana Lopes'), 'ARTICLE_YAML', 5, /not valid YAML/],
      ['duplicate key', good.replace('author: Ana Lopes', 'title: Again'), 'ARTICLE_YAML', 5, /not valid YAML/],
      ['front matter that is a list', '---\n- a\n- b\n---\n\nText.\n', 'ARTICLE_YAML', 2, /key: value/],
      ['no front matter', 'Just text.\n', 'ARTICLE_NO_FRONT_MATTER', 1, /no front matter.*start the file with a "---"/],
      ['empty body', good.slice(0, good.indexOf('---\n', 4) + 4), 'ARTICLE_EMPTY_BODY', 7, /no text after its front matter/],
      ['title that is a list', good.replace('title: Ferry fares frozen for the winter', 'title: [a, b]'), 'ARTICLE_BAD_FIELD', 2, /"title" must be text/],
    ];
    for (const [name, source, code, line, message] of cases) {
      it(name, () => {
        const error = errorOf(source);
        expect(error.code).toBe(code);
        expect(error.kind).toBe('content');
        expect(error.exitCode).toBe(2);
        expect(error.file).toBe('articles/ferry.md');
        expect(error.line).toBe(line);
        expect(error.message).toMatch(new RegExp(`^articles/ferry\\.md:${line}: `));
        expect(error.message).toMatch(message);
      });
    }

    it('a file that is not UTF-8, with the line of the bad byte', () => {
      const bytes = Uint8Array.from([...new TextEncoder().encode(good), ...new TextEncoder().encode('Caf'), 0xe9, 0x0a]);
      const error = errorOf(bytes);
      expect(error.code).toBe('ARTICLE_ENCODING');
      expect(error.line).toBe(16);
      expect(error.message).toContain('re-save it as UTF-8');
    });
  });
});
