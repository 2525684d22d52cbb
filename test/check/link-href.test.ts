import { describe, expect, it } from 'vitest';
import { hrefProblem, linkHref } from '../../src/check/link-href.js';
import { email, page } from './page.js';

const link = (href: string): string => page({ body: `<a href="${href}">the story</a>` });

describe('link-href', () => {
  it('accepts https and mailto links, and named anchors', () => {
    expect(linkHref(email(page({ body: '<a href="https://news.example.org/a">a</a> <a href="mailto:tide@example.org">b</a> <a name="top">c</a>' })))).toEqual([]);
  });

  it.each([
    ['javascript:void(0)', /javascript: link/],
    ['JavaScript:alert(1)', /javascript: link/],
    ['java&#9;script:alert(1)', /javascript: link/],
    ['  javascript:alert(1)', /javascript: link/],
    ['data:text/html,hi', /data: link/],
    ['vbscript:msgbox', /vbscript: link/],
    ['', /empty href/],
    ['#', /goes nowhere/],
    ['#section-2', /goes nowhere/],
    ['/2026/11/ferry', /relative link/],
    ['ferry.html', /relative link/],
    ['//news.example.org/ferry', /relative link/],
    ['ftp://files.example.org/a', /only https:, http: and mailto:/],
  ])('is an error for href="%s"', (href, message) => {
    const findings = linkHref(email(link(href)));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ level: 'error', rule: 'link-href' });
    expect(findings[0]?.message).toMatch(message);
  });

  it('warns about plain http', () => {
    expect(linkHref(email(link('http://news.example.org/a')))).toMatchObject([{ level: 'warning', rule: 'link-href' }]);
  });

  it('reports one bad address once, counting the other links to it', () => {
    const findings = linkHref(email(page({ body: '<a href="#">a</a><a href="#">b</a><a href="#">c</a>' })));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.where).toMatch(/and 2 more$/);
  });

  it('reads an href as a browser does', () => {
    expect(hrefProblem('java\nscript:alert(1)')?.message).toMatch(/javascript:/);
    expect(hrefProblem('https://news.example.org/a ')).toBeUndefined();
  });
});
