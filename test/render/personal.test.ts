import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDigest, genericValues, greetingFor, loadArticles, personalise, renderDigest, renderDigestTemplate, type Digest, type PersonalTemplate } from '../../src/index.js';
import { defaultTemplates } from '../../src/render/templates.js';
import { testConfig } from '../helpers/config.js';

const config = testConfig();
let digest: Digest;
let template: PersonalTemplate;

beforeAll(async () => {
  const { articles } = await loadArticles(path.join(import.meta.dirname, '../fixtures/digest/articles'));
  digest = buildDigest(articles, config, { date: '2026-11-30' });
  template = await renderDigestTemplate(digest, config);
});

const ana = { email: 'ana@example.org', name: 'Ana Lopes', fields: { city: 'Port Ellis' } };

describe('personalise', () => {
  it('fills the greeting and the unsubscribe link in both parts', () => {
    const out = personalise(template, { greeting: greetingFor(config, ana), unsubscribeUrl: 'https://tide.example.org/unsubscribe?t=abc', fields: ana.fields });
    for (const part of [out.html, out.text]) {
      expect(part).toContain('Hi Ana,');
      expect(part).toContain('https://tide.example.org/unsubscribe?t=abc');
      expect(part).not.toContain('\u2063');
    }
  });

  it('gives the same bytes as renderDigest for a reader who is nobody in particular', async () => {
    const generic = personalise(template, genericValues(config, 'https://tide.example.org/unsubscribe'));
    expect(generic).toEqual(await renderDigest(digest, config));
  });

  it('escapes values in the HTML and keeps line breaks out of both parts', () => {
    const out = personalise(template, { greeting: 'Hi <b>"Ana"</b> & co,\r\nBcc: x@evil.example', unsubscribeUrl: 'https://x.example.org/u?a=1&t=2', fields: {} });
    expect(out.html).toContain('Hi &#60;b&#62;&#34;Ana&#34;&#60;/b&#62; &#38; co, Bcc: x@evil.example');
    expect(out.html).toContain('href="https://x.example.org/u?a=1&#38;t=2"');
    expect(out.text).toContain('Hi <b>"Ana"</b> & co, Bcc: x@evil.example');
  });

  it('lets a template use any subscriber column', async () => {
    const header = { file: 'mine/header.mjml.hbs', source: '<mj-section><mj-column><mj-text>News for {{subscriber.city}}</mj-text></mj-column></mj-section>' };
    const mine = await renderDigestTemplate(digest, config, { templates: { main: defaultTemplates().main, partials: { ...defaultTemplates().partials, header } } });
    expect(personalise(mine, { greeting: '', unsubscribeUrl: 'https://x.example.org/u', fields: ana.fields }).html).toContain('News for Port Ellis');
    expect(personalise(mine, { greeting: '', unsubscribeUrl: 'https://x.example.org/u', fields: {} }).html).toContain('News for </div>');
  });
});

describe('greetingFor', () => {
  it('greets by first name, and falls back without one', () => {
    expect(greetingFor(config, ana)).toBe('Hi Ana,');
    expect(greetingFor(config, { ...ana, name: null })).toBe('Hello,');
    expect(greetingFor(config, { ...ana, name: '  ' })).toBe('Hello,');
    expect(greetingFor(config, null)).toBe('Hello,');
  });

  it('follows the config pattern, with any column', () => {
    const custom = testConfig({ greeting: { named: 'Dear {{name}} of {{city}},', fallback: 'Dear reader,' } });
    expect(greetingFor(custom, ana)).toBe('Dear Ana Lopes of Port Ellis,');
    expect(greetingFor(custom, { ...ana, fields: {} })).toBe('Dear reader,');
  });
});
