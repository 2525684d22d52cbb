import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { enrichArticle } from '../../src/enrich/index.js';
import { articleMarkdown } from '../../src/import/markdown.js';
import { importText } from '../../src/import/text.js';
import { parseArticle } from '../../src/load/article.js';

const fixtures = new URL('../fixtures/import/', import.meta.url);

interface Expected {
  covers: string;
  title: string;
  url: string | null;
  date: string | null;
  author: string | null;
  source: string | null;
  caption: string | null;
  credit: string | null;
  paragraphs: string[];
  /** Text of the page around the story that must not reach the body. */
  leftovers: string[];
}

const pastes = JSON.parse(readFileSync(new URL('pastes.json', fixtures), 'utf8')) as Record<string, Expected>;
const config = resolveConfig({ name: 'T', from: { address: 'a@example.org' }, postalAddress: '1 Quay Street, Port Ellis', siteUrl: 'https://x.example.org' });

function paste(file: string): string {
  return readFileSync(new URL(file, fixtures), 'utf8');
}

function paragraphs(text: string): string[] {
  return importText(text).body.split('\n\n');
}

describe('importText on the fixture pastes', () => {
  it('has a fixture for every paste and a paste for every fixture', () => {
    expect(Object.keys(pastes).length).toBeGreaterThanOrEqual(6);
    for (const file of Object.keys(pastes)) expect(paste(file).length).toBeGreaterThan(0);
  });

  describe.each(Object.entries(pastes))('%s', (file, expected) => {
    const imported = importText(paste(file));

    it('finds the headline, byline, date, caption and credit', () => {
      expect({
        title: imported.title,
        url: imported.url,
        date: imported.date,
        author: imported.author,
        source: imported.source,
        caption: imported.caption,
        credit: imported.credit,
      }).toEqual({
        title: expected.title,
        url: expected.url,
        date: expected.date,
        author: expected.author,
        source: expected.source,
        caption: expected.caption,
        credit: expected.credit,
      });
      expect(imported.image).toBeNull();
      expect(imported.imageAlt).toBeNull();
    });

    it('keeps every story paragraph, in order, and nothing else', () => {
      expect(imported.body.split('\n\n')).toEqual(expected.paragraphs);
    });

    it('leaves the site around the story out', () => {
      for (const leftover of expected.leftovers) expect(imported.body).not.toContain(leftover);
      expect(imported.body).not.toMatch(/[\u00A0\u2000-\u200D\u202F\u205F\u3000\uFEFF]/u);
    });

    it('takes the caption out of the body', () => {
      if (expected.caption) expect(imported.body).not.toContain(expected.caption.slice(0, 30));
      if (expected.credit) expect(imported.body).not.toContain(expected.credit);
    });

    it('writes an article that builds, with a summary and a pull quote', () => {
      const markdown = articleMarkdown({ ...imported, url: imported.url ?? 'https://news.example.org/story', date: imported.date ?? '2026-11-03' });
      const { article, warnings } = parseArticle(markdown, `articles/${file.replace(/\.txt$/, '.md')}`);
      expect(warnings).toEqual([]);
      expect(article.title).toBe(expected.title);
      expect(article.caption).toBe(expected.caption);
      expect(article.credit).toBe(expected.credit);
      const digest = enrichArticle(article, config);
      expect(digest.summary.length).toBeGreaterThan(0);
      for (const sentence of digest.summary) expect(imported.body).toContain(sentence);
      expect(digest.pullQuote?.text.length ?? 0).toBeGreaterThanOrEqual(40);
      expect(imported.body).toContain(digest.pullQuote?.text);
    });
  });
});

describe('importText rules', () => {
  const story = (n: number): string =>
    `Story paragraph ${n} tells readers what the harbour board decided on Monday, and it runs long enough to be a paragraph.`;

  it('normalises non-breaking, odd and zero-width spaces', () => {
    const text = `Ferry fares frozen\n\nThe\u00A0board\u2009froze\u202Ffares\u3000on\u205FMonday,\u00A0 officials\u200B said.\u2060`;
    expect(importText(text).body).toBe('The board froze fares on Monday, officials said.');
  });

  it('keeps joiners inside a word', () => {
    expect(importText('Title here\n\nA family 👨\u200D👩\u200D👧 came to the quay.').body).toContain('👨\u200D👩\u200D👧');
  });

  it('treats each line as a paragraph when the paste has no blank lines', () => {
    expect(paragraphs(`Ferry fares frozen\n${story(1)}\n${story(2)}\n${story(3)}`)).toEqual([story(1), story(2), story(3)]);
  });

  it('does not join short paragraphs of a paste with single newlines', () => {
    const lines = ['The board met on Monday.', 'It froze fares for the winter.', 'Crews welcomed the decision.', 'The next meeting is in March.'];
    expect(paragraphs(['Ferry fares frozen', ...lines].join('\n'))).toEqual(lines);
  });

  /** Greedy wrapping at `width` columns, as mail clients and `fmt` do. */
  const wrap = (text: string, width = 72): string[] => {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    return [...lines, line];
  };
  const wrapped = [
    'The harbour board froze ferry fares for the winter on Monday, after a month of talks with island councillors and the crews’ union.',
    'Fares will stay at $5.25.',
    '“Nobody wanted the islands cut off by price,” said board chair Ana Lopes, who proposed the freeze on Monday.',
    'The union said its members would not strike before the new year, whatever the board decides about the night crossing in January.',
  ];

  it('joins the lines of a hard-wrapped paste, even without blank lines between paragraphs', () => {
    expect(wrap(wrapped[0] as string).length).toBeGreaterThan(1);
    expect(paragraphs(['Ferry fares frozen', ...wrapped.flatMap((p) => wrap(p))].join('\n'))).toEqual(wrapped);
  });

  it('joins the lines of a hard-wrapped paste with blank lines between paragraphs, but not its byline and date lines', () => {
    const text = ['Ferry fares frozen for the winter after a month of talks with the union', 'By Ana Lopes', 'November 3, 2026', '', ...wrapped.flatMap((p) => [...wrap(p, 64), ''])].join('\n');
    expect(importText(text)).toMatchObject({ title: 'Ferry fares frozen for the winter after a month of talks with the union', author: 'Ana Lopes', date: '2026-11-03' });
    expect(paragraphs(text)).toEqual(wrapped);
  });

  it('rejoins a word a wrapper broke at its hyphen', () => {
    const text = [
      'Ferry fares frozen',
      '',
      'The harbour board froze ferry fares for the winter, a long-',
      'standing demand of island councillors who said the boat is a lifeline.',
      '',
      ...wrapped.slice(2).flatMap((p) => [...wrap(p), '']),
    ].join('\n');
    expect(paragraphs(text)).toEqual(['The harbour board froze ferry fares for the winter, a long-standing demand of island councillors who said the boat is a lifeline.', ...wrapped.slice(2)]);
  });

  it('strips a site name after the headline only when it clearly is one', () => {
    expect(importText(`Ferry fares frozen for winter | The Harbour Herald\n\n${story(1)}`)).toMatchObject({ title: 'Ferry fares frozen for winter', source: 'The Harbour Herald' });
    expect(importText(`Ferry fares frozen for winter - Harbour News\n\n${story(1)}`)).toMatchObject({ title: 'Ferry fares frozen for winter', source: 'Harbour News' });
    expect(importText(`Ferry fares frozen for winter – BBC\n\n${story(1)}`)).toMatchObject({ title: 'Ferry fares frozen for winter', source: 'BBC' });
    expect(importText(`Ferry fares – what changes in winter\n\n${story(1)}`)).toMatchObject({ title: 'Ferry fares – what changes in winter', source: null });
    expect(importText(`Ferry crews vote - and say no\n\n${story(1)}`).title).toBe('Ferry crews vote - and say no');
  });

  it('takes the headline from below a cookie notice, skip link or breadcrumbs', () => {
    const text = `We use cookies to improve your experience. Accept\nSkip to content\nHome > News > Port Ellis\nFerry fares frozen for winter\n\n${story(1)}`;
    expect(importText(text)).toMatchObject({ title: 'Ferry fares frozen for winter', body: story(1) });
  });

  it.each([
    ['By Jane Doe', { author: 'Jane Doe', source: null, date: null }],
    ['By JANE DOE', { author: 'Jane Doe', source: null, date: null }],
    ['By Jane Doe, Staff Writer', { author: 'Jane Doe', source: null, date: null }],
    ['By Jane Doe and Sam Ito, The Harbour Herald', { author: 'Jane Doe and Sam Ito', source: 'The Harbour Herald', date: null }],
    ['Written by Jane van der Berg for The Harbour Herald', { author: 'Jane van der Berg', source: 'The Harbour Herald', date: null }],
    ['Jane Doe | The Harbour Herald', { author: 'Jane Doe', source: 'The Harbour Herald', date: null }],
    ['By Jane Doe | Nov. 3, 2026 | 4 min read', { author: 'Jane Doe', source: null, date: '2026-11-03' }],
    ['By Jane Doe on November 3, 2026', { author: 'Jane Doe', source: null, date: '2026-11-03' }],
    ['By Jane Doe, CNN Updated 3:15 PM EDT, Mon November 3, 2026', { author: 'Jane Doe', source: 'CNN', date: '2026-11-03' }],
    ['Jane Doe, Harbour Correspondent', { author: 'Jane Doe', source: null, date: null }],
    ['Jane Doe\nStaff Writer', { author: 'Jane Doe', source: null, date: null }],
  ])('reads the byline %j and takes it out of the body', (byline, fields) => {
    const imported = importText(`Ferry fares frozen for winter\n\n${byline}\n\n${story(1)}`);
    expect({ author: imported.author, source: imported.source, date: imported.date }).toEqual(fields);
    expect(imported.body).toBe(story(1));
  });

  it('leaves story sentences that start like a byline alone', () => {
    const text = `Ferry fares frozen\n\n${story(1)}\n\nBy Tuesday, the water had receded and the road was open again, police said.\n\nJane Doe, the harbour master, said the crews did well.`;
    expect(importText(text)).toMatchObject({ author: null });
    expect(paragraphs(text)).toHaveLength(3);
  });

  it.each([
    ['Published 12:30 PM, Nov. 3, 2026', '2026-11-03'],
    ['November 3, 2026', '2026-11-03'],
    ['3 November 2026', '2026-11-03'],
    ['2026-11-03', '2026-11-03'],
    ['Updated 3 November 2026, 14:02 GMT', '2026-11-03'],
    ['Posted on Monday, 3rd November 2026 at 9:15 am', '2026-11-03'],
    ['Published: 2 Nov 2026 | Updated: 3 Nov 2026', '2026-11-02'],
    ['Updated: Nov. 4, 2026 | Published: Nov. 3, 2026', '2026-11-03'],
    ['23/11/2026', '2026-11-23'],
    ['03/11/2026', null],
    ['February 30, 2026', null],
  ])('reads the date line %j and takes it out of the body', (line, date) => {
    const imported = importText(`Ferry fares frozen\n\n${line}\n\n${story(1)}`);
    expect(imported.date).toBe(date);
    expect(imported.body).toBe(story(1));
  });

  it('takes the article’s own address and its photo address from lines of their own', () => {
    const text = `Ferry fares frozen\nhttps://news.example.org/ferry-fares\n\n${story(1)}\n\nhttps://img.example.org/ferry.jpg`;
    expect(importText(text)).toMatchObject({ url: 'https://news.example.org/ferry-fares', image: 'https://img.example.org/ferry.jpg', body: story(1) });
    expect(importText(`Ferry fares frozen\n\n${story(1)}\n\nSource: https://news.example.org/ferry-fares`).url).toBe('https://news.example.org/ferry-fares');
  });

  it('leaves url and date null when the paste has neither', () => {
    expect(importText(`Ferry fares frozen\n\n${story(1)}`)).toMatchObject({ url: null, date: null, author: null, source: null, image: null, caption: null, credit: null });
  });

  it('reads a caption followed by its credit on a line of its own', () => {
    const text = `Ferry fares frozen\n\n${story(1)}\n\nThe Kestrel leaves Port Ellis at dawn\n\nPhoto: Mara Quint/Tidewater Press\n\n${story(2)}`;
    expect(importText(text)).toMatchObject({ caption: 'The Kestrel leaves Port Ellis at dawn', credit: 'Photo: Mara Quint/Tidewater Press' });
    expect(paragraphs(text)).toEqual([story(1), story(2)]);
  });

  it.each([
    'The quay at dawn on Monday. (AP Photo/Lee Marsh)',
    'The quay at dawn on Monday. Lee Marsh/Harbour Wire via Getty Images',
    'The quay at dawn on Monday. Picture: Lee Marsh',
  ])('reads the caption line %j', (line) => {
    const imported = importText(`Ferry fares frozen\n\n${story(1)}\n\n${line}\n\n${story(2)}`);
    expect(imported.caption).toBe('The quay at dawn on Monday.');
    expect(imported.body.split('\n\n')).toEqual([story(1), story(2)]);
  });

  it('keeps a story sentence that only ends like a credit', () => {
    const text = `Ferry fares frozen\n\n${story(1)}\n\nThe figures were first reported by Reuters.\n\nThe fares were set by Harbour Wire/Port Ellis Council.`;
    expect(importText(text)).toMatchObject({ caption: null, credit: null });
    expect(paragraphs(text)).toHaveLength(3);
  });

  it('keeps the first photo’s caption and drops later ones from the body', () => {
    const text = `Ferry fares frozen\n\n${story(1)}\n\nThe Kestrel at dawn. Photo: Mara Quint\n\n${story(2)}\n\nThe Osprey at dusk. Photo: Sam Ito\n\n${story(3)}`;
    expect(importText(text)).toMatchObject({ caption: 'The Kestrel at dawn.', credit: 'Photo: Mara Quint' });
    expect(paragraphs(text)).toEqual([story(1), story(2), story(3)]);
  });

  it('drops a pull-quote box that repeats the story', () => {
    const quote = '“Nobody wanted the islands cut off by price, and nobody will be,” said board chair Ana Lopes.';
    const text = `Ferry fares frozen\n\n${story(1)}\n\n${quote}\n\n${story(2)}\n\n“Nobody wanted the islands cut off by price, and nobody will be”`;
    expect(paragraphs(text)).toEqual([story(1), quote, story(2)]);
  });

  it('turns bullets into list items and a crosshead into a heading', () => {
    const text = `Ferry fares frozen\n\n${story(1)}\n\nThe plan includes:\n\n• Fares frozen until March\n\n• A new night boat\n\n${story(2)}\n\nWhat happens next\n\n${story(3)}`;
    expect(paragraphs(text)).toEqual([story(1), 'The plan includes:', '- Fares frozen until March', '- A new night boat', story(2), '## What happens next', story(3)]);
  });

  it('escapes a paragraph that would read as markdown syntax', () => {
    expect(paragraphs(`Ferry fares frozen\n\n${story(1)}\n\n# of crossings fell by a third.`)[1]).toBe('\\# of crossings fell by a third.');
  });

  it('gives an empty article for an empty paste', () => {
    expect(importText(' \n\u00A0\n')).toMatchObject({ title: '', body: '' });
  });
});
