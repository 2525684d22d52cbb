import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { archiveFeed } from '../../src/archive/feed.js';
import { sampleIssues } from '../helpers/archive.js';
import { testConfig } from '../helpers/config.js';

interface RssItem {
  title: string;
  link: string;
  guid: { '#text': string; '@_isPermaLink': string };
  pubDate: string;
  description: string;
  'content:encoded': string;
}

function parse(xml: string): { channel: Record<string, unknown>; items: RssItem[]; version: string } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, htmlEntities: true, isArray: (name) => name === 'item' }).parse(xml) as {
    rss: { '@_version': string; channel: Record<string, unknown> & { item?: RssItem[] } };
  };
  return { channel: doc.rss.channel, items: doc.rss.channel.item ?? [], version: doc.rss['@_version'] };
}

const config = testConfig({ publicUrl: 'https://tide.example.org/newsletter/', lang: 'en-GB' });

describe('archiveFeed', () => {
  it('is RSS 2.0 with an item per issue, newest first, linking to the archive pages', () => {
    const { channel, items, version } = parse(archiveFeed(config, sampleIssues()));
    expect(version).toBe('2.0');
    expect(channel.title).toBe('The Test Tide');
    expect(channel.link).toBe('https://tide.example.org/newsletter/archive/');
    expect(channel.language).toBe('en-GB');
    expect(channel['atom:link']).toMatchObject({ '@_href': 'https://tide.example.org/newsletter/feed.xml', '@_rel': 'self' });
    // The build date is the newest issue's, so the same archive always gives the same feed.
    expect(channel.lastBuildDate).toBe('Mon, 14 Dec 2026 08:05:00 GMT');
    expect(items.map((i) => i.title)).toEqual([
      'The Test Tide: Harbour dredging starts & ends "soon"',
      'The Test Tide: Lifeboat crew rescues two',
      'The Test Tide: North Pier lights switched on',
    ]);
    const [first, second] = items;
    expect(first?.link).toBe('https://tide.example.org/newsletter/archive/3/');
    expect(first?.guid).toEqual({ '#text': 'urn:gazette:the-test-tide.tide.example.org:issue:3', '@_isPermaLink': 'false' });
    expect(first?.pubDate).toBe('Mon, 14 Dec 2026 08:05:00 GMT');
    // Readers take the description as HTML, so the preheader's text is escaped.
    expect(first?.description).toBe('Dredging &#60;starts&#62; Monday; also: the ferry timetable');
    expect(first?.['content:encoded']).toBe(
      '<ul><li><a href="https://news.example.org/dredging?a=1&#38;b=2">Harbour dredging starts &#38; ends</a></li>' +
        '<li><a href="https://news.example.org/timetable">Winter timetable</a></li></ul>',
    );
    // An issue whose send has not finished is dated by its issue date.
    expect(second?.pubDate).toBe('Mon, 07 Dec 2026 00:00:00 GMT');
  });

  it('keeps its guids when the public address moves', () => {
    const moved = parse(archiveFeed(testConfig({ publicUrl: 'https://elsewhere.example.net/' }), sampleIssues()));
    const here = parse(archiveFeed(config, sampleIssues()));
    expect(moved.items.map((i) => i.guid)).toEqual(here.items.map((i) => i.guid));
    expect(moved.items[0]?.link).toBe('https://elsewhere.example.net/archive/3/');
  });

  it('links under the site address without a publicUrl', () => {
    const { channel, items } = parse(archiveFeed(testConfig(), sampleIssues()));
    expect(channel.link).toBe('https://tide.example.org/archive/');
    expect(items[2]?.link).toBe('https://tide.example.org/archive/1/');
  });

  it('stays well-formed XML whatever the subject holds, and keeps every character it may', () => {
    const [issue] = sampleIssues();
    const nasty = { ...issue!, subject: 'Ends ]]> here \u0001 \ud800& <b>bold</b>', preheader: ']]>' };
    const { items } = parse(archiveFeed(config, [nasty]));
    expect(items[0]?.title).toBe('Ends ]]> here  & <b>bold</b>');
    expect(items[0]?.description).toBe(']]&#62;');
  });

  it('writes titles as plain text, escaped, never as CDATA or markup', () => {
    const [issue] = sampleIssues();
    const subjects = ['<script>alert(1)</script>', 'AT&T & the &amp; entity', 'I <3 N.Y.', '<img src=x onerror=alert(1)>', 'A "quoted" </title> end'];
    const named = testConfig({ name: 'Tide <b>&</b> Co', publicUrl: 'https://tide.example.org/newsletter/', logoUrl: 'https://tide.example.org/logo.png' });
    const xml = archiveFeed(named, subjects.map((subject, i) => ({ ...issue!, number: i + 1, subject })));
    const titles = [...xml.matchAll(/<title>(.*?)<\/title>/g)].map((m) => m[1] ?? '');
    expect(titles).toHaveLength(subjects.length + 2);
    for (const raw of titles) {
      expect(raw).not.toContain('CDATA');
      expect(raw).not.toMatch(/[<>]/);
    }
    const { channel, items } = parse(xml);
    expect(channel.title).toBe('Tide <b>&</b> Co');
    expect(items.map((i) => i.title)).toEqual(subjects);
  });

  it('is an empty, valid channel with no issues', () => {
    const { channel, items } = parse(archiveFeed(config, []));
    expect(items).toEqual([]);
    expect(channel.title).toBe('The Test Tide');
  });
});
