import { describe, expect, it } from 'vitest';
import { footer } from '../../src/check/footer.js';
import { lang } from '../../src/check/lang.js';
import { outlook } from '../../src/check/outlook.js';
import { preheader } from '../../src/check/preheader.js';
import { subject } from '../../src/check/subject.js';
import { tableRole } from '../../src/check/table-role.js';
import { title } from '../../src/check/title.js';
import { width } from '../../src/check/width.js';
import { testConfig } from '../helpers/config.js';
import { email, page } from './page.js';

describe('lang', () => {
  it('accepts <html lang>', () => {
    expect(lang(email(page()))).toEqual([]);
  });

  it('is an error when lang is missing or "und"', () => {
    expect(lang(email(page({ lang: '' })))).toMatchObject([{ level: 'error', rule: 'lang', message: expect.stringMatching(/no lang/) }]);
    expect(lang(email(page({ lang: ' lang="und"' })))).toMatchObject([{ level: 'error', message: expect.stringMatching(/undetermined/) }]);
  });

  it('warns when it differs from the config, and wants dir="rtl" for a right-to-left config', () => {
    expect(lang(email(page(), { config: testConfig({ lang: 'pt-BR' }) }))).toMatchObject([{ level: 'warning' }]);
    expect(lang(email(page({ lang: ' lang="ar"' }), { config: testConfig({ lang: 'ar', dir: 'rtl' }) }))).toMatchObject([{ level: 'error', message: expect.stringMatching(/rtl/) }]);
  });
});

describe('title', () => {
  it('warns when <title> is missing or empty', () => {
    expect(title(email(page()))).toEqual([]);
    expect(title(email(page({ head: '' })))).toMatchObject([{ level: 'warning', rule: 'title', message: 'the HTML has no <title>' }]);
    expect(title(email(page({ head: '<title> </title>' })))).toMatchObject([{ level: 'warning', message: 'the <title> is empty' }]);
  });
});

describe('subject', () => {
  it('reads the <title> when no digest is known', () => {
    expect(subject(email(page()))).toEqual([]);
    expect(subject(email(page({ head: '<title></title>' })))).toMatchObject([{ level: 'error', rule: 'subject', message: 'the subject is empty' }]);
  });

  it('warns over 78 characters, counting characters rather than bytes', () => {
    const at78 = `The Test Tide: ${'é'.repeat(63)}`;
    expect(subject(email(page({ head: `<title>${at78}</title>` })))).toEqual([]);
    expect(subject(email(page({ head: `<title>${at78}x</title>` })))).toMatchObject([{ level: 'warning', message: expect.stringMatching(/79 characters/) }]);
  });
});

describe('preheader', () => {
  it('accepts hidden text first in the body, of 40 to 130 characters', () => {
    expect(preheader(email(page()))).toEqual([]);
  });

  it('warns when the body starts with visible text', () => {
    const html = '<html lang="en"><body><p>Hello readers</p></body></html>';
    expect(preheader(email(html))).toMatchObject([{ level: 'warning', rule: 'preheader', message: expect.stringMatching(/"Hello readers"/) }]);
  });

  it("warns when the hidden text is not the digest's preheader, or too short or long", () => {
    const digest = { title: 'T', date: '2026-11-30', subject: 'S', preheader: 'Something else entirely, long enough to pass the length', articles: [] };
    expect(preheader(email(page(), { digest }))).toMatchObject([{ level: 'warning', message: expect.stringMatching(/not the digest's preheader/) }]);
    const short = '<html><body><div style="display:none">Short one</div><p>Hi</p></body></html>';
    expect(preheader(email(short))).toMatchObject([{ level: 'warning', message: expect.stringMatching(/9 characters/) }]);
    const long = `<html><body><span hidden>${'word '.repeat(30)}</span><p>Hi</p></body></html>`;
    expect(preheader(email(long))).toMatchObject([{ level: 'warning', message: expect.stringMatching(/149 characters/) }]);
  });
});

describe('width', () => {
  it('is quiet with a 600px container, info for another width, a warning with none', () => {
    expect(width(email(page()))).toEqual([]);
    expect(width(email('<html><body><div style="max-width: 640px">x</div></body></html>'))).toMatchObject([{ level: 'info', rule: 'width' }]);
    expect(width(email('<html><body><div>x</div></body></html>'))).toMatchObject([{ level: 'warning', rule: 'width' }]);
  });
});

describe('table-role', () => {
  it('warns about layout tables without role="presentation", not about data tables', () => {
    expect(tableRole(email(page({ body: '<table role="presentation"><tr><td>x</td></tr></table>' })))).toEqual([]);
    expect(tableRole(email(page({ body: '<table><tr><th>Tide</th></tr><tr><td>4.2 m</td></tr></table>' })))).toEqual([]);
    expect(tableRole(email(page({ body: '<table><tr><td>x</td></tr></table><table><tr><td>y</td></tr></table>' })))).toMatchObject([
      { level: 'warning', rule: 'table-role', message: expect.stringMatching(/^2 layout tables/) },
    ]);
  });
});

describe('outlook', () => {
  it('warns when the Outlook conditional comments are gone', () => {
    expect(outlook(email(page({ body: '<!--[if mso | IE]><table role="presentation"><tr><td><![endif]-->x' })))).toEqual([]);
    expect(outlook(email(page()))).toMatchObject([{ level: 'warning', rule: 'outlook' }]);
  });
});

describe('footer', () => {
  const config = testConfig();
  const foot = '<a href="https://tide.example.org/unsubscribe">Unsubscribe</a><p>The Test Tide, 1 Harbour Row,\n Port Ellis TW1 1AA</p>';

  it('accepts an unsubscribe link and the postal address', () => {
    expect(footer(email(page({ body: foot }), { config }))).toEqual([]);
  });

  it('is an error without an unsubscribe link', () => {
    expect(footer(email(page()))).toMatchObject([{ level: 'error', rule: 'footer', message: expect.stringMatching(/no unsubscribe link/) }]);
  });

  it('is an error without the postal address, when the config names it', () => {
    const body = '<a href="https://tide.example.org/unsubscribe">Unsubscribe</a>';
    expect(footer(email(page({ body }), { config }))).toMatchObject([{ level: 'error', message: expect.stringMatching(/postal address/) }]);
    expect(footer(email(page({ body })))).toEqual([]);
  });
});
