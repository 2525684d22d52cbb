import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GazetteError } from '../../src/errors.js';
import { emulateDarkMode } from '../../src/preview/dark.js';
import { errorPage } from '../../src/preview/error-page.js';
import { describeError, displayPath, formatProblem } from '../../src/preview/problems.js';

const cwd = path.resolve('/projects/tide');

describe('describeError', () => {
  it('lists every error a GazetteError gathers, with paths relative to the project', () => {
    const error = new GazetteError('ARTICLES_INVALID', '2 articles in articles need fixing:', {
      errors: [
        new GazetteError('ARTICLE_BAD_DATE', 'field "date" is "soon"', { file: path.join(cwd, 'articles/a.md'), line: 4, fix: 'use YYYY-MM-DD' }),
        new GazetteError('ARTICLE_MISSING_FIELD', 'front matter has no "title"', { file: path.join(cwd, 'articles/b.md') }),
      ],
    });
    const described = describeError(error, cwd);
    expect(described.code).toBe('ARTICLES_INVALID');
    expect(described.problems).toEqual([
      { file: 'articles/a.md', line: 4, problem: 'field "date" is "soon"', fix: 'use YYYY-MM-DD' },
      { file: 'articles/b.md', problem: 'front matter has no "title"' },
    ]);
    expect(described.problems.map(formatProblem)).toEqual(['articles/a.md:4: field "date" is "soon": use YYYY-MM-DD', 'articles/b.md: front matter has no "title"']);
  });

  it('shows anything else as an internal error to report', () => {
    const described = describeError(new TypeError('x is undefined'), cwd);
    expect(described.code).toBe('INTERNAL');
    expect(described.problems[0]?.problem).toContain('x is undefined');
  });

  it('keeps paths outside the project absolute', () => {
    expect(displayPath('/elsewhere/t.mjml.hbs', cwd)).toBe('/elsewhere/t.mjml.hbs');
    expect(displayPath('articles/a.md', cwd)).toBe('articles/a.md');
  });
});

describe('errorPage', () => {
  it('escapes what it shows', () => {
    const html = errorPage({ code: 'ARTICLE_YAML', message: '', problems: [{ file: 'articles/<x>.md', line: 2, problem: 'bad "<script>"', fix: 'fix & save' }] });
    expect(html).toContain('articles/&lt;x&gt;.md:2');
    expect(html).toContain('bad &quot;&lt;script&gt;&quot;');
    expect(html).toContain('Fix: fix &amp; save');
    expect(html).toContain('1 problem to fix');
    expect(html).not.toContain('<script>');
  });
});

describe('emulateDarkMode', () => {
  it('adds its style just before </head>, or at the start without a head', () => {
    const html = emulateDarkMode('<html><head><title>x</title></HEAD><body>y</body></html>');
    expect(html).toMatch(/<title>x<\/title><style data-gazette-preview="dark">[^]*<\/style><\/HEAD><body>y/);
    expect(emulateDarkMode('<p>y</p>')).toMatch(/^<style data-gazette-preview="dark">[^]*<\/style><p>y<\/p>$/);
  });
});
