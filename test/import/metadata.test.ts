import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanByline } from '../../src/import/byline.js';
import { normaliseDate } from '../../src/import/date.js';
import { parseDocument } from '../../src/import/dom.js';
import { readMetadata, type PageMetadata } from '../../src/import/metadata.js';
import { cleanTitle } from '../../src/import/title.js';
import { parseDate } from '../../src/load/date.js';

function meta(head: string, body = '<article><p>Story.</p></article>', options: { url?: string } = {}): PageMetadata {
  return readMetadata(parseDocument(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`), options);
}

const ld = (value: unknown): string => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('readMetadata: the outlet is not the author', () => {
  const article = (author: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Library opens on Sundays', author, ...extra });

  it('never takes an organisation credited as author for the byline, whatever its kind or form, and falls back to the printed byline', () => {
    const byline = '<article><p class="byline">By Tamsin Achterberg</p><p>Story.</p></article>';
    const organisations: unknown[] = [
      { '@type': 'Organization', name: 'Millbrook Evening Star' },
      { '@type': 'NewsMediaOrganization', name: 'Millbrook Evening Star' },
      { '@type': 'Corporation', name: 'Millbrook Media Ltd' },
      { '@type': 'schema:NGO', name: 'Valley Savers Association' },
      { '@type': ['Organization', 'NewsMediaOrganization'], name: 'Millbrook Evening Star' },
      [{ '@type': 'https://schema.org/Organization', name: 'Millbrook Evening Star' }],
    ];
    for (const author of organisations) expect(meta(ld(article(author)), byline).author, JSON.stringify(author)).toBe('Tamsin Achterberg');
  });

  it('keeps the people among the authors and leaves out the organisation beside them', () => {
    const authors = [{ '@type': 'Organization', name: 'Millbrook Evening Star' }, { '@type': 'Person', name: 'Tamsin Achterberg' }];
    expect(meta(ld(article(authors))).author).toBe('Tamsin Achterberg');
  });

  it('follows an @id in an @graph to an organisation, and gives the outlet as source when nothing else names it', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Article', headline: 'Pilot boat named', author: { '@id': 'https://kbc.example.org/#organization' } },
        { '@type': ['Organization', 'NewsMediaOrganization'], '@id': 'https://kbc.example.org/#organization', name: 'Kestrel Bay Courier' },
      ],
    };
    expect(meta(ld(graph))).toMatchObject({ author: null, source: 'Kestrel Bay Courier' });
  });

  it('finds a person credited elsewhere in the JSON-LD (the article\'s creator, another article or page node), but not an image\'s author', () => {
    const org = { '@type': 'Organization', name: 'Millbrook Evening Star' };
    expect(meta(ld(article(org, { creator: { '@type': 'Person', name: 'Ida Brennan' } }))).author).toBe('Ida Brennan');
    expect(meta(ld(article(org)) + ld({ '@type': 'WebPage', author: { '@type': 'Person', name: 'Ida Brennan' } })).author).toBe('Ida Brennan');
    expect(meta(ld(article(org, { image: { '@type': 'ImageObject', url: 'https://img.example.org/a.jpg', author: 'Petra Lindqvist' } }))).author).toBeNull();
  });

  it('does not take the site\'s own name for the author, from any source, whatever its case and punctuation', () => {
    const site = '<meta property="og:site_name" content="The Millbrook Evening-Star">';
    expect(meta(site + ld(article('MILLBROOK EVENING STAR.')), '<article><p>By Tamsin Achterberg</p></article>').author).toBe('Tamsin Achterberg');
    expect(meta(`${site}<meta name="author" content="millbrook evening star">`).author).toBeNull();
    expect(meta(site, '<article><p class="byline">By The Millbrook Evening Star</p><p>Story.</p></article>').author).toBeNull();
    expect(meta(ld(article('Kestrel Bay Courier', { publisher: { '@type': 'Organization', name: 'Kestrel Bay Courier' } }))).author).toBeNull();
    expect(meta(`${site}<meta name="author" content="Tamsin Achterberg">`).author).toBe('Tamsin Achterberg');
  });
});

describe('readMetadata: JSON-LD first', () => {
  it('reads a NewsArticle: headline, date, authors joined, publisher, image and page address', () => {
    const m = meta(
      ld({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: 'Tide mill to turn again',
        datePublished: '2026-03-14T09:30:00+00:00',
        author: [{ '@type': 'Person', name: 'Marta Quist' }, { '@type': 'Person', name: 'Jon Ede' }],
        publisher: { '@type': 'Organization', name: 'The Harbour Herald' },
        image: { '@type': 'ImageObject', url: 'https://img.example.org/mill.jpg', caption: 'The mill race. Photo: Ines Varga/Coastline Press' },
        mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://herald.example.org/mill' },
      }) + '<meta property="og:title" content="Something else entirely"><meta property="og:url" content="https://herald.example.org/other">',
    );
    expect(m).toMatchObject({
      title: 'Tide mill to turn again',
      url: 'https://herald.example.org/mill',
      date: '2026-03-14T09:30:00+00:00',
      author: 'Marta Quist, Jon Ede',
      source: 'The Harbour Herald',
      image: 'https://img.example.org/mill.jpg',
      imageCaption: 'The mill race. Photo: Ines Varga/Coastline Press',
    });
  });

  it('finds the article in an @graph and follows @id references to its author, publisher and image', () => {
    const m = meta(
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebPage', '@id': 'https://blog.example.org/p/#webpage', url: 'https://blog.example.org/p/' },
          { '@type': 'ImageObject', '@id': 'https://blog.example.org/p/#primaryimage', contentUrl: 'https://blog.example.org/img/p.jpg' },
          {
            '@type': ['Article', 'BlogPosting'],
            headline: 'A post',
            datePublished: '2026-01-19',
            author: { '@id': 'https://blog.example.org/#person' },
            publisher: { '@id': 'https://blog.example.org/#org' },
            image: { '@id': 'https://blog.example.org/p/#primaryimage' },
            mainEntityOfPage: { '@id': 'https://blog.example.org/p/#webpage' },
          },
          { '@type': 'Person', '@id': 'https://blog.example.org/#person', name: 'Wren Adebayo' },
          { '@type': 'Organization', '@id': 'https://blog.example.org/#org', name: 'Saltmarsh Notes' },
        ],
      }),
    );
    expect(m).toMatchObject({ title: 'A post', date: '2026-01-19', author: 'Wren Adebayo', source: 'Saltmarsh Notes', image: 'https://blog.example.org/img/p.jpg', url: 'https://blog.example.org/p/' });
  });

  it('reads top-level arrays, prefixed types, string authors and image lists, and skips other nodes', () => {
    const m = meta(
      ld([
        { '@type': 'BreadcrumbList', name: 'Crumbs' },
        { '@type': 'schema:ReportageNewsArticle', name: 'Floods on the Drumlin', dateCreated: '2026-04-02T08:00:00Z', author: 'Ruairi Castellano', image: ['https://img.example.org/a.jpg', 'https://img.example.org/b.jpg'], url: '/news/floods' },
      ]),
      undefined,
      { url: 'https://echo.example.org/index.html' },
    );
    expect(m).toMatchObject({ title: 'Floods on the Drumlin', date: '2026-04-02T08:00:00Z', author: 'Ruairi Castellano', image: 'https://img.example.org/a.jpg', url: 'https://echo.example.org/news/floods' });
  });

  it('decodes entities, forgives trailing commas and raw line breaks, and skips blocks that are not JSON', () => {
    const broken = '<script type="application/ld+json">{ "@type": "NewsArticle", "headline": </script>';
    const sloppy = '<script type="application/ld+json">{ "@type": "NewsArticle", "headline": "Rowing club&#8217;s new\nboathouse", "author": {"name": "Hamish Okonkwo-Reid",}, }</script>';
    expect(meta(broken + sloppy)).toMatchObject({ title: 'Rowing club’s new boathouse', author: 'Hamish Okonkwo-Reid' });
  });

  it('falls back to OpenGraph for what JSON-LD leaves out', () => {
    const m = meta(
      ld({ '@type': 'NewsArticle', headline: 'Ferry returns' }) +
        '<meta property="og:url" content="https://kc.example.com/ferry"><meta property="og:image" content="/img/ferry.jpg"><meta property="og:image:alt" content="The ramp"><meta property="og:site_name" content="Kelpie Coast Chronicle"><meta property="article:published_time" content="2026-02-03T18:45:12+0100">',
    );
    expect(m).toMatchObject({ title: 'Ferry returns', url: 'https://kc.example.com/ferry', date: '2026-02-03T18:45:12+01:00', source: 'Kelpie Coast Chronicle', image: 'https://kc.example.com/img/ferry.jpg', imageAlt: 'The ramp' });
  });
});

describe('readMetadata without JSON-LD', () => {
  it('reads OpenGraph and article: meta, strips the site name from og:title, and ignores an article:author that is a profile link', () => {
    const m = meta(
      '<meta property="og:title" content="Night ferry returns – Kelpie Coast Chronicle"><meta property="og:site_name" content="Kelpie Coast Chronicle"><meta property="article:author" content="https://social.example.com/tferreira"><meta name="author" content="Tomasz Ferreira"><meta property="article:published_time" content="2026-02-03">',
    );
    expect(m).toMatchObject({ title: 'Night ferry returns', date: '2026-02-03', author: 'Tomasz Ferreira', source: 'Kelpie Coast Chronicle', url: null, image: null });
  });

  it('takes the url from <link rel=canonical>, resolved against the fetched address, else the fetched address itself', () => {
    expect(meta('<title>A</title><link rel="canonical" href="/news/a">', undefined, { url: 'https://echo.example.org/news/a?utm_source=x' }).url).toBe('https://echo.example.org/news/a');
    expect(meta('<title>A</title>', undefined, { url: 'https://echo.example.org/news/a' }).url).toBe('https://echo.example.org/news/a');
    expect(meta('<title>A</title><link rel="canonical" href="/news/a">').url).toBeNull();
  });

  it('does not take a site logo or default sharing card for the story photo', () => {
    expect(meta('<meta property="og:image" content="https://echo.example.org/img/echo-logo-1200.png">').image).toBeNull();
    expect(meta('<meta property="og:image" content="https://echo.example.org/static/default_share.jpg">').image).toBeNull();
    expect(meta('<meta property="og:image" content="https://echo.example.org/sites/default/files/2026/iconic-bridge.jpg">').image).toBe('https://echo.example.org/sites/default/files/2026/iconic-bridge.jpg');
  });

  it('reads the page <title>, not the title of an icon', () => {
    expect(meta('', '<svg><title>Share on Facebook</title></svg><article><p>Story.</p></article>').title).toBeNull();
    expect(meta('<title>Tide mill to turn again | The Harbour Herald</title>', '<svg><title>Share</title></svg>').title).toBe('Tide mill to turn again');
  });

  it('prefers a story address to a site root that a template put in og:url', () => {
    expect(meta('<meta property="og:url" content="https://echo.example.org/"><link rel="canonical" href="https://echo.example.org/news/a">').url).toBe('https://echo.example.org/news/a');
  });

  it('reads the visible byline: rel=author, itemprop=author, a .byline, a "By" line; never a comment author', () => {
    const comments = '<section id="comments"><div class="comment"><span class="author">Harbourwatcher</span><p>Great news.</p></div></section>';
    expect(meta('', `<article><p>By <a rel="author" href="/a/jd">Jane Doe</a> and <a rel="author" href="/a/si">Sam Ito</a></p></article>${comments}`).author).toBe('Jane Doe, Sam Ito');
    expect(meta('', '<article><span itemprop="author" itemscope><span itemprop="name">Ana Lopes</span></span></article>').author).toBe('Ana Lopes');
    expect(meta('', `${comments}<article><div class="article-byline">By Jane Doe | 14 March 2026</div></article>`).author).toBe('Jane Doe');
    expect(meta('', '<div class="story"><p><b>By Ruairi Castellano</b><br>Thursday 2 April 2026</p><p>Story.</p></div>').author).toBe('Ruairi Castellano');
    expect(meta('', `<article><p>Story.</p></article>${comments}`).author).toBeNull();
  });

  it('reads the date from <time datetime>, not from an update or a comment', () => {
    const body =
      '<article><p class="dates"><span class="updated">Updated <time datetime="2026-03-15T10:00:00Z">15 March</time></span> <time class="published" datetime="2026-03-14T09:30:00Z">14 March</time></p></article><div class="comments"><time datetime="2026-03-16">16 March</time></div>';
    expect(meta('', body).date).toBe('2026-03-14T09:30:00Z');
    expect(meta('', '<div class="comments"><time datetime="2026-03-16">16 March</time></div><article><p>Story.</p></article>').date).toBeNull();
  });

  it('reads a date printed without markup near the story', () => {
    expect(meta('', '<article><p class="post-date">Published March 14, 2026</p><p>Story.</p></article>').date).toBe('2026-03-14');
  });

  it('finds nothing on a page that gives nothing', () => {
    expect(meta('', '<p>Just a paragraph, © 2026 nobody.</p>')).toEqual({
      title: null,
      url: null,
      date: null,
      author: null,
      source: null,
      image: null,
      imageAlt: null,
      imageCaption: null,
      imageCredit: null,
      base: null,
    });
  });
});

describe('the fixtures', () => {
  const read = (name: string, options: { url?: string } = {}): PageMetadata =>
    readMetadata(parseDocument(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8')), options);

  it('reads every field of the full page from JSON-LD', () => {
    expect(read('harbour-herald-full.html')).toMatchObject({
      title: 'Lantern Bay votes to bring the old tide mill back to life',
      url: 'https://www.harbourherald.example.org/news/2026/03/14/lantern-bay-tide-mill-reopens',
      date: '2026-03-14T09:30:00+00:00',
      author: 'Marta Quist',
      source: 'The Harbour Herald',
      image: 'https://media.harbourherald.example.org/2026/03/tide-mill-1600x900.jpg',
    });
  });

  it('finds no date on the page that has none, though it has a copyright year and a weather box', () => {
    expect(read('port-ellis-gazette-no-date.html').date).toBeNull();
  });

  it('reads the table-layout page from its <title>, canonical link, visible byline and <time>', () => {
    expect(read('drumlin-valley-byline-caption.html')).toMatchObject({
      title: 'Footbridge over the Drumlin reopens after flood repairs',
      url: 'https://www.drumlinvalleyecho.example.org/news/2026/footbridge-reopens.html',
      date: '2026-04-02',
      author: 'Ruairi Castellano',
      source: 'Drumlin Valley Echo',
      image: null,
    });
  });
});

describe('normaliseDate', () => {
  it.each([
    ['2026-03-14', '2026-03-14'],
    ['2026-03-14T09:30:00Z', '2026-03-14T09:30:00Z'],
    ['2026-03-14T09:30:00.000Z', '2026-03-14T09:30:00Z'],
    ['2026-03-14T09:30+01:00', '2026-03-14T09:30:00+01:00'],
    ['2026-03-14T09:30:00-0500', '2026-03-14T09:30:00-05:00'],
    ['2026-03-14 09:30:00 +00:00', '2026-03-14T09:30:00+00:00'],
    ['2026-03-14T09:30:00', '2026-03-14'],
    ['Published 2026-03-14T09:30:00Z by the desk', '2026-03-14T09:30:00Z'],
    ['14 March 2026', '2026-03-14'],
    ['Saturday 14th March, 2026, 9.30am', '2026-03-14'],
    ['Mar. 14, 2026', '2026-03-14'],
    ['Sat, 14 Mar 2026 09:30:00 GMT', '2026-03-14'],
    ['2026/3/14', '2026-03-14'],
  ])('%s → %s', (input, output) => {
    expect(normaliseDate(input)).toBe(output);
    expect(parseDate(output)).not.toBeNull();
  });

  it.each(['', 'next week', '2026-02-30', '31 February 2026', '© 2026', '14/03/2026'])('%j is no date', (input) => {
    expect(normaliseDate(input)).toBeNull();
  });
});

describe('cleanTitle', () => {
  const clean = (raw: string, siteName: string | null = null, headings: string[] = [], guess = true): string => cleanTitle(raw, { siteName, headings, guess }).title;

  it('strips the site name the page names, at either end, whatever the separator', () => {
    expect(clean('Tide mill to turn again | The Harbour Herald', 'The Harbour Herald')).toBe('Tide mill to turn again');
    expect(clean('Tide mill to turn again - Harbour Herald', 'The Harbour Herald')).toBe('Tide mill to turn again');
    expect(clean('Tide mill to turn again — harbourherald.com', 'Harbour Herald')).toBe('Tide mill to turn again');
    expect(clean('The Harbour Herald: Tide mill to turn again', 'The Harbour Herald')).toBe('Tide mill to turn again');
    expect(clean('Q&A: the mill explained | The Harbour Herald', 'The Harbour Herald')).toBe('Q&A: the mill explained');
  });

  it('strips a suffix or prefix the <h1> shows is not part of the headline', () => {
    expect(clean('Tide mill to turn again - Lantern Bay - Herald', null, ['Tide mill to turn again'])).toBe('Tide mill to turn again');
    expect(clean('Lantern Bay Herald: Tide mill to turn again', null, ['Tide mill to turn again'])).toBe('Tide mill to turn again');
  });

  it('guesses a short site name after a bar, or after a dash when it reads as a name', () => {
    expect(clean('Tide mill to turn again | Lantern Bay | Herald')).toBe('Tide mill to turn again');
    expect(clean('Tide mill to turn again - The Harbour Herald')).toBe('Tide mill to turn again');
    expect(clean('Ferries cancelled on the north route - again')).toBe('Ferries cancelled on the north route - again');
    expect(clean('Tide mill to turn again | The Harbour Herald', null, [], false)).toBe('Tide mill to turn again | The Harbour Herald');
  });
});

describe('cleanByline', () => {
  it.each([
    ['By Jane Doe', 'Jane Doe'],
    ['by Jane Doe, Coastal Affairs Reporter', 'Jane Doe'],
    ['Written by Jane Doe | 14 March 2026', 'Jane Doe'],
    ['By Jane Doe and Sam Ito', 'Jane Doe and Sam Ito'],
    ['Jane Doe March 14, 2026', 'Jane Doe'],
    ['By Jane Doe Published 9:30am', 'Jane Doe'],
    ['Jane Doe jane@example.org', 'Jane Doe'],
  ])('%s → %s', (input, output) => {
    expect(cleanByline(input)).toBe(output);
  });

  it.each(['https://social.example.com/jane', '14 March 2026', 'share this story with your friends and family today please, everyone', ''])('%j is no name', (input) => {
    expect(cleanByline(input)).toBeNull();
  });
});
