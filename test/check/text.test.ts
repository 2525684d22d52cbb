import { describe, expect, it } from 'vitest';
import { textPart } from '../../src/check/text-part.js';
import { textWidth } from '../../src/check/text-width.js';
import type { Digest } from '../../src/types.js';
import { testConfig } from '../helpers/config.js';
import { email, page } from './page.js';

const config = testConfig();
const html = page({ body: '<a href="https://tide.example.org/unsubscribe">Unsubscribe</a>' });
const digest: Digest = {
  title: 'The Test Tide',
  date: '2026-11-30',
  subject: 'The Test Tide: Harbour lights',
  preheader: 'Also inside: the regatta, the ferry and the mooring rules',
  articles: [
    { slug: 'lights', title: 'Harbour lights', url: 'https://news.example.org/lights', date: '2026-11-30', author: null, source: null, summary: ['Lit.'], pullQuote: null, photo: null },
    { slug: 'regatta', title: 'Regatta', url: 'https://news.example.org/regatta?id=1&x=2', date: '2026-11-29', author: null, source: null, summary: ['Sailed.'], pullQuote: null, photo: null },
  ],
};
const goodText = [
  'Harbour lights',
  'Read the full story:',
  'https://news.example.org/lights',
  'Regatta (https://news.example.org/regatta?id=1&x=2).',
  'Unsubscribe:',
  'https://tide.example.org/unsubscribe',
  'The Test Tide, 1 Harbour Row,',
  'Port Ellis TW1 1AA',
].join('\n');

describe('text-part', () => {
  it('accepts a text part with every article link, the unsubscribe link and the address (wrapped)', () => {
    expect(textPart(email(html, { text: goodText, digest, config }))).toEqual([]);
  });

  it('is an error when there is no text part, or an empty one', () => {
    expect(textPart(email(html))).toMatchObject([{ level: 'error', rule: 'text-part', message: expect.stringMatching(/no text part/) }]);
    expect(textPart(email(html, { text: ' \n' }))).toMatchObject([{ level: 'error', message: 'the text part is empty' }]);
  });

  it('names the articles whose links are missing', () => {
    const findings = textPart(email(html, { text: goodText.replace('https://news.example.org/lights', ''), digest, config }));
    expect(findings).toMatchObject([{ level: 'error', where: 'lights', message: expect.stringContaining('https://news.example.org/lights') }]);
  });

  it("is an error without the HTML footer's unsubscribe link", () => {
    const personal = page({ body: '<a href="https://tide.example.org/u/abc123">Unsubscribe</a>' });
    const findings = textPart(email(personal, { text: goodText, digest }));
    expect(findings).toMatchObject([{ level: 'error', message: expect.stringContaining('https://tide.example.org/u/abc123') }]);
  });

  it('is an error without the postal address', () => {
    const findings = textPart(email(html, { text: goodText.replace('Port Ellis TW1 1AA', ''), digest, config }));
    expect(findings).toMatchObject([{ level: 'error', message: expect.stringMatching(/postal address/) }]);
  });
});

describe('text-width', () => {
  it('warns about lines over 78 columns, naming them', () => {
    const text = ['short', 'x'.repeat(79), 'é'.repeat(78), `${'word '.repeat(17)}`].join('\n');
    expect(textWidth(email(html, { text }))).toMatchObject([{ level: 'warning', rule: 'text-width', where: 'index.txt lines 2, 4' }]);
  });

  it('lets a URL make a line long', () => {
    const text = `Read the full story: https://news.example.org/${'long-slug-'.repeat(10)}`;
    expect(textWidth(email(html, { text }))).toEqual([]);
  });
});
