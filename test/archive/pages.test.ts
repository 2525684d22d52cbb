import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { archiveIndexPage, archiveIssuePage } from '../../src/archive/pages.js';
import { memoryArchive, sampleIssues } from '../helpers/archive.js';
import { testConfig } from '../helpers/config.js';

const config = testConfig({ lang: 'en-GB' });

describe('archiveIndexPage', () => {
  it('lists every issue, newest first, with number, date, subject and a relative link', () => {
    const $ = cheerio.load(archiveIndexPage(config, memoryArchive().issues()));
    expect($('html').attr('lang')).toBe('en-GB');
    expect($('title').text()).toBe('The Test Tide: all issues');
    const items = $('ol.issues li')
      .toArray()
      .map((li) => ({
        href: $(li).find('a.subject').attr('href'),
        subject: $(li).find('a.subject').text(),
        meta: $(li).find('.meta').text(),
        datetime: $(li).find('time').attr('datetime'),
      }));
    expect(items).toEqual([
      { href: '3/', subject: 'The Test Tide: Harbour dredging starts & ends "soon"', meta: 'No. 3 · 14 December 2026', datetime: '2026-12-14' },
      { href: '2/', subject: 'The Test Tide: Lifeboat crew rescues two', meta: 'No. 2 · 7 December 2026', datetime: '2026-12-07' },
      { href: '1/', subject: 'The Test Tide: North Pier lights switched on', meta: 'No. 1 · 30 November 2026', datetime: '2026-11-30' },
    ]);
    // The preheader is text, not markup.
    expect($('.preheader').first().text()).toBe('Dredging <starts> Monday; also: the ferry timetable');
    expect($('link[rel=alternate]').attr('href')).toBe('../feed.xml');
    expect($('script')).toHaveLength(0);
  });

  it('says so when there is no issue yet', () => {
    const $ = cheerio.load(archiveIndexPage(config, []));
    expect($('ol')).toHaveLength(0);
    expect($('main').text()).toContain('No issues yet');
  });

  it("dates the issues in the newsletter's language", () => {
    const $ = cheerio.load(archiveIndexPage(testConfig({ lang: 'de' }), sampleIssues()));
    expect($('time').first().text()).toBe('14. Dezember 2026');
    expect($('html').attr('lang')).toBe('de');
  });
});

describe('archiveIssuePage', () => {
  it('is the archived email with a banner as the first thing in its body, and nothing else changed', () => {
    const issue = sampleIssues()[0]!;
    const html = archiveIssuePage(config, issue);
    const $ = cheerio.load(html);
    const banner = $('body').children().first();
    expect(banner.find('a').first().attr('href')).toBe('../');
    expect(banner.text()).toContain('All issues of The Test Tide');
    expect(banner.text()).toContain('No. 3, 14 December 2026');
    expect(banner.find('a').last().attr('href')).toBe('../../feed.xml');
    // The body tag (whose attribute holds a ">") is kept whole, and the email follows the banner byte for byte.
    const bannerHtml = $.html(banner);
    expect(html.replace(bannerHtml, '')).toBe(issue.html);
    expect(html.indexOf(bannerHtml)).toBeGreaterThan(issue.html.indexOf('data-note="a > b">'));
  });

  it('puts the banner first when the HTML has no body tag', () => {
    const issue = { ...sampleIssues()[0]!, html: '<p>Just a fragment</p>' };
    const html = archiveIssuePage(config, issue);
    expect(html.endsWith('\n<p>Just a fragment</p>')).toBe(true);
    expect(html.startsWith('<div')).toBe(true);
  });
});
