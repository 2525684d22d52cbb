import * as cheerio from 'cheerio';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildDigest, parseArticle, personalise, renderDigest, renderDigestTemplate, type Article, type Config, type PersonalTemplate } from '../../src/index.js';
import { articleMarkdown } from '../../src/import/markdown.js';
import { importHtml } from '../../src/import/html.js';
import { composeMessage, listIdOf } from '../../src/send/message.js';
import { testConfig } from '../helpers/config.js';

/**
 * Article text, imported pages and config strings are other people's words:
 * nothing in them may address a subscriber's hole, whatever it looks like.
 */
const MARK = '\u2063';
const FORGED = [
  `${MARK}gz.field.city${MARK}`,
  `${MARK}gz.unsubscribe${MARK}`,
  `${MARK}gz.greeting${MARK}`,
  `${MARK}gz.field.email${MARK}`,
  // Shaped like today's tokens, with a guessed nonce.
  `${MARK}0000000000000000.0${MARK}`,
  `${MARK}0000000000000000.1${MARK}`,
];
const forged = FORGED.join(' ');
const strip = (text: string): string => text.replaceAll(MARK, '');

const reader = { email: 'ana.lopes@example.org', name: 'Ana Lopes', fields: { city: 'Kestrel Bay', email: 'ana.lopes@example.org' } };
const UNSUBSCRIBE = 'https://tide.example.org/unsubscribe?t=READER-TOKEN';

function hostileMarkdown(mark: (text: string) => string): string {
  return `---
title: "Harbour board ${mark(forged)} votes on fares"
url: "https://news.example.org/fares?next=${mark(FORGED[1] ?? '')}"
date: 2026-11-30
author: "Mira ${mark(FORGED[0] ?? '')} Osei"
source: "The ${mark(forged)} Ledger"
image: "https://media.example.org/pier.jpg?${mark(FORGED[3] ?? '')}"
image_alt: "A pier ${mark(forged)}"
caption: "The pier at dawn ${mark(forged)}."
credit: "Photo: Ola ${mark(forged)} Berg"
---

The harbour board voted on Tuesday to freeze ferry fares for the winter ${mark(forged)}, after a season of complaints from island commuters about the cost of the crossing.

"We heard the islanders, and we will not raise a single fare before spring ${mark(forged)}," said Mira Osei, who chairs the board.

The freeze costs the board about 40,000 pounds, which it will take from its reserve fund ${mark(forged)}.
`;
}

function editorMarkdown(mark: (text: string) => string): string {
  return `---
title: Editor's picks ${mark(forged)}
url: https://news.example.org/picks
date: 2026-11-29
summary: "The editor's own summary ${mark(forged)}."
pull_quote: "A pull quote that the editor chose for this story ${mark(forged)}"
pull_quote_by: "Dana ${mark(forged)} Okafor"
---

A short story about the picks of the week, told in a few plain sentences for the test.
`;
}

function articles(mark: (text: string) => string): Article[] {
  return [parseArticle(hostileMarkdown(mark), 'articles/hostile.md').article, parseArticle(editorMarkdown(mark), 'articles/editor.md').article];
}

function holes(template: PersonalTemplate): Record<'mjml' | 'html' | 'text', string[]> {
  const keys = (pieces: PersonalTemplate['html']): string[] => pieces.flatMap((p) => (typeof p === 'string' ? [] : [p.key]));
  return { mjml: keys(template.mjml), html: keys(template.html), text: keys(template.text) };
}

async function templateOf(list: Article[], config: Config): Promise<PersonalTemplate> {
  return renderDigestTemplate(buildDigest(list, config, { date: '2026-11-30' }), config);
}

function expectNoReaderValues(text: string): void {
  expect(text).not.toContain('Kestrel Bay');
  expect(text).not.toContain('ana.lopes');
}

describe('personalisation holes', () => {
  const config = testConfig();

  it('are not opened by token-shaped text in front matter or body', async () => {
    const hostile = await templateOf(articles((t) => t), config);
    const clean = await templateOf(articles(strip), config);
    expect(holes(hostile)).toEqual(holes(clean));
    const values = { greeting: 'Hi Ana,', unsubscribeUrl: UNSUBSCRIBE, fields: reader.fields };
    const out = personalise(hostile, values);
    const expected = personalise(clean, values);
    for (const part of ['html', 'text', 'mjml'] as const) {
      expectNoReaderValues(out[part]);
      for (const value of ['READER-TOKEN', 'Hi Ana,']) expect(out[part].split(value).length).toBe(expected[part].split(value).length);
      expect(out[part]).toContain(FORGED[0]);
    }
  });

  it('keep the article link as written, so no reader is sent their token elsewhere', async () => {
    const [hostile] = articles((t) => t);
    const config = testConfig();
    const digest = buildDigest(articles((t) => t), config, { date: '2026-11-30' });
    const template = await renderDigestTemplate(digest, config);
    const issue = { config, digest, template, issueKey: 'tide/2026-11-30', listId: listIdOf(config), date: new Date('2026-11-30T08:00:00Z'), secret: 's3cret' };
    const { raw } = await composeMessage(issue, reader);
    const mail = await simpleParser(raw);
    const $ = cheerio.load(mail.html || '');
    const links = $('a[href*="news.example.org/fares"]').map((_, a) => $(a).attr('href')).get();
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toBe(hostile?.url);
    expectNoReaderValues(mail.html || '');
    expectNoReaderValues(mail.text ?? '');
    expect(mail.text).toContain('Hi Ana,');
  });

  it('are not opened by token-shaped config strings', async () => {
    const hostileConfig = testConfig({
      name: `The ${forged} Tide`,
      from: { name: `Tide ${forged}`, address: 'tide@example.org' },
      postalAddress: `1 Harbour Row ${forged}, Port Elm TW1 1AA`,
      subject: `{{name}} ${forged}: {{firstTitle}}`,
      greeting: { named: 'Hi {{firstName}},', fallback: `Hello ${forged},` },
    });
    const cleanConfig = testConfig({
      name: 'The  Tide',
      from: { name: 'Tide ', address: 'tide@example.org' },
      postalAddress: '1 Harbour Row , Port Elm TW1 1AA',
      subject: '{{name}} : {{firstTitle}}',
      greeting: { named: 'Hi {{firstName}},', fallback: 'Hello ,' },
    });
    const list = articles(strip);
    expect(holes(await templateOf(list, hostileConfig))).toEqual(holes(await templateOf(list, cleanConfig)));
    const out = personalise(await templateOf(list, hostileConfig), { greeting: 'Hello,', unsubscribeUrl: UNSUBSCRIBE, fields: reader.fields });
    for (const part of [out.html, out.text]) expectNoReaderValues(part);
  });

  it('are not opened by an imported page', async () => {
    const page = `<!doctype html><html><head>
      <title>Quay repairs ${forged} begin</title>
      <meta property="og:title" content="Quay repairs ${forged} begin">
      <link rel="canonical" href="https://news.example.org/quay?u=${FORGED[1]}">
      <meta property="article:published_time" content="2026-11-28T09:00:00Z">
      </head><body><article><h1>Quay repairs ${forged} begin</h1>
      <p>Work on the north quay began on Monday ${forged}, three months after a storm tore away a section of its timber deck and left two fishing boats without a berth.</p>
      <p>"The quay is the heart of this village ${forged}, and we want it back before the herring season," said Tomas Reyes, the harbour master.</p>
      <p>The council expects the repairs to take ten weeks and to cost about 120,000 pounds, most of it from a coastal resilience grant.</p>
      </article></body></html>`;
    const imported = importHtml(page, { url: 'https://news.example.org/quay' });
    expect(imported.title).toContain(FORGED[0]);
    const markdown = articleMarkdown({ ...imported, url: imported.url ?? 'https://news.example.org/quay', date: imported.date ?? '2026-11-28' });
    const { article } = parseArticle(markdown, 'articles/quay.md');
    const out = await renderDigest(buildDigest([article], config, { date: '2026-11-30' }), config);
    const template = await templateOf([article], config);
    const filled = personalise(template, { greeting: 'Hello,', unsubscribeUrl: UNSUBSCRIBE, fields: reader.fields });
    for (const part of [filled.html, filled.text]) expectNoReaderValues(part);
    expect(out.html).toContain(`Quay repairs ${FORGED[0]}`);
  });
});
