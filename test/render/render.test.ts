import path from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDigest, GazetteError, loadArticles, renderDigest, type Digest, type RenderedDigest } from '../../src/index.js';
import type { TemplateSet } from '../../src/render/templates.js';
import { defaultTemplates } from '../../src/render/templates.js';
import { columns } from '../../src/render/wrap.js';
import { testConfig } from '../helpers/config.js';

const fixtures = path.join(import.meta.dirname, '../fixtures/digest/articles');
const sample = path.join(import.meta.dirname, '../../articles');
const config = testConfig();

async function render(dir: string): Promise<{ digest: Digest; rendered: RenderedDigest }> {
  const { articles } = await loadArticles(dir);
  const digest = buildDigest(articles, config, { date: '2026-11-30' });
  return { digest, rendered: await renderDigest(digest, config) };
}

describe('renderDigest on the fixture articles', () => {
  let digest: Digest;
  let rendered: RenderedDigest;
  let $: cheerio.CheerioAPI;
  beforeAll(async () => {
    ({ digest, rendered } = await render(fixtures));
    $ = cheerio.load(rendered.html);
  });

  it('shows one card per article, each headline linked to its story', () => {
    const headlines = $('h2 a');
    expect(headlines).toHaveLength(digest.articles.length);
    headlines.each((i, a) => {
      expect($(a).text()).toBe(digest.articles[i]?.title);
      expect($(a).attr('href')).toBe(digest.articles[i]?.url);
    });
  });

  it('gives every image alt text, and each photo its caption and credit', () => {
    expect($('img:not([alt])')).toHaveLength(0);
    for (const article of digest.articles) {
      if (!article.photo) continue;
      const img = $(`img[src="${article.photo.src}"]`);
      expect(img.attr('alt')).toBe(article.photo.alt);
      if (article.photo.caption) expect($.text()).toContain(article.photo.caption);
      if (article.photo.credit) expect($.text()).toContain(article.photo.credit);
    }
  });

  it('shows each summary and pull quote', () => {
    for (const article of digest.articles) {
      for (const sentence of article.summary) expect($.text()).toContain(sentence);
      if (article.pullQuote) expect($('blockquote').text()).toContain(article.pullQuote.text);
    }
  });

  it('sets lang, the 600px width and keeps the Outlook conditionals', () => {
    expect($('html').attr('lang')).toBe('en');
    expect(rendered.html).toContain('max-width:600px');
    expect(rendered.html).toContain('<!--[if mso');
  });

  it('starts the body with the hidden preheader', () => {
    const first = $('body').children().first();
    expect(first.text().trim()).toBe(digest.preheader);
    expect(first.attr('style')).toContain('display:none');
  });

  it('leaves no template tags and links only to http(s) and mailto', () => {
    expect(rendered.html).not.toContain('{{');
    expect(rendered.html).not.toMatch(/javascript:/i);
    $('[href]').each((_, el) => {
      expect($(el).attr('href')).toMatch(/^(https?:|mailto:)/);
    });
    $('img').each((_, el) => {
      expect($(el).attr('src')).toMatch(/^https?:\/\//);
    });
  });

  it('escapes article text and drops raw HTML from the markdown', () => {
    expect(rendered.html).not.toMatch(/<script/i);
    expect(rendered.html).not.toContain('alert(');
    const escaped = digest.articles.find((a) => /[&<"]/.test(a.title));
    expect(escaped).toBeDefined();
    expect($.text()).toContain(escaped?.title);
    expect(rendered.html).not.toContain(escaped?.title);
  });

  it('shows the postal address and an unsubscribe link in both parts', () => {
    expect($.text()).toContain(config.postalAddress);
    expect($('a[href="https://tide.example.org/unsubscribe"]').text()).toBe('Unsubscribe');
    expect(rendered.text).toContain(config.postalAddress);
    expect(rendered.text).toContain('https://tide.example.org/unsubscribe');
  });

  it('lays the text part out from the digest, within 78 columns', () => {
    for (const line of rendered.text.split('\n')) {
      if (!/^https?:\/\//.test(line)) expect(columns(line), line).toBeLessThanOrEqual(78);
    }
    for (const article of digest.articles) {
      expect(rendered.text).toContain(article.url);
      expect(rendered.text.replace(/\s+/g, ' ')).toContain(article.title);
      if (article.pullQuote?.speaker) expect(rendered.text).toContain(`— ${article.pullQuote.speaker}`);
      if (article.photo?.credit) expect(rendered.text.replace(/\s+/g, ' ')).toContain(article.photo.credit);
    }
    expect(rendered.text).not.toMatch(/<\/?(?:p|div|a|br|span|table|td|img|h2|blockquote)\b/i);
  });

  it('renders readable HTML with pretty', async () => {
    const pretty = await renderDigest(digest, config, { pretty: true });
    expect(pretty.html.split('\n').length).toBeGreaterThan(rendered.html.split('\n').length * 10);
  });
});

describe('renderDigest on the sample articles', () => {
  it('keeps an eight-article digest within 40 KB', async () => {
    const { digest, rendered } = await render(sample);
    expect(digest.articles).toHaveLength(8);
    expect(Buffer.byteLength(rendered.html)).toBeLessThanOrEqual(40 * 1024);
  });
});

describe('renderDigest with a broken template', () => {
  const digest: Digest = { title: 'T', date: '2026-11-30', subject: 'S', preheader: 'P', articles: [] };
  const withMain = (source: string): TemplateSet => ({ main: { file: 'mine/digest.mjml.hbs', source }, partials: defaultTemplates().partials });

  it('reports invalid MJML under strict validation, at the template line', async () => {
    const templates = withMain('<mjml>\n<mj-body>\n<mj-section>\n<mj-column>\n<mj-texte>x</mj-texte>\n</mj-column></mj-section></mj-body></mjml>');
    await expect(renderDigest(digest, config, { templates })).rejects.toMatchObject({ code: 'MJML_INVALID', file: 'mine/digest.mjml.hbs', line: 5 });
  });

  it('points an attribute error at the partial that wrote it', async () => {
    const partials = { ...defaultTemplates().partials, footer: { file: 'mine/partials/footer.mjml.hbs', source: '<mj-section>\n  <mj-column>\n    <mj-text colour="red">{{postalAddress}}</mj-text>\n  </mj-column>\n</mj-section>' } };
    const error = await renderDigest(digest, config, { templates: { main: defaultTemplates().main, partials } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MJML_INVALID', file: 'mine/partials/footer.mjml.hbs', line: 3 });
  });

  it('reports a misspelt field with the template file', async () => {
    const templates = withMain('<mjml><mj-body>{{subjcet}}</mj-body></mjml>');
    const error = await renderDigest(digest, config, { templates }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GazetteError);
    expect(error).toMatchObject({ code: 'TEMPLATE_ERROR', file: 'mine/digest.mjml.hbs', line: 1 });
    expect((error as GazetteError).message).toContain('{{subjcet}}');
  });

  it('reports a Handlebars syntax error with its line', async () => {
    const templates = withMain('<mjml>\n<mj-body>\n{{#if x}}\n</mj-body></mjml>');
    await expect(renderDigest(digest, config, { templates })).rejects.toMatchObject({ code: 'TEMPLATE_ERROR', file: 'mine/digest.mjml.hbs' });
  });
});
