import type { ArchivedIssue, ArchiveSource } from '../../src/archive/types.js';

/** An email as `build` writes it for nobody in particular: the greeting's fallback, the list's own unsubscribe page, no address. */
function genericEmail(subject: string, body: string): string {
  return `<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8"><title>${subject}</title>
<style>body{margin:0}</style></head><body style="word-spacing:normal;background-color:#f4f4f5" data-note="a > b">
<div style="display:none">Hidden preheader</div><p>Hello,</p>${body}
<p><a href="https://tide.example.org/unsubscribe">Unsubscribe</a></p></body></html>`;
}

/** Three issues, newest first, the way the ledger lists them. */
export function sampleIssues(): ArchivedIssue[] {
  return [
    {
      number: 3,
      date: '2026-12-14',
      subject: 'The Test Tide: Harbour dredging starts & ends "soon"',
      preheader: 'Dredging <starts> Monday; also: the ferry timetable',
      html: genericEmail('Dredging', '<h2>Harbour dredging starts</h2>'),
      text: 'Hello,\n\nHarbour dredging starts\n',
      sentAt: '2026-12-14T08:05:00.000Z',
      articles: [
        { slug: 'dredging', title: 'Harbour dredging starts & ends', url: 'https://news.example.org/dredging?a=1&b=2' },
        { slug: 'timetable', title: 'Winter timetable', url: 'https://news.example.org/timetable' },
      ],
    },
    {
      number: 2,
      date: '2026-12-07',
      subject: 'The Test Tide: Lifeboat crew rescues two',
      preheader: 'A night call-out off the point',
      html: genericEmail('Lifeboat', '<h2>Lifeboat crew rescues two</h2>'),
      text: 'Hello,\n\nLifeboat crew rescues two\n',
      sentAt: null,
      articles: [{ slug: 'lifeboat', title: 'Lifeboat crew rescues two', url: 'https://news.example.org/lifeboat' }],
    },
    {
      number: 1,
      date: '2026-11-30',
      subject: 'The Test Tide: North Pier lights switched on',
      preheader: 'And the ferry fares stay where they are',
      html: genericEmail('Lights', '<h2>North Pier lights switched on</h2>'),
      text: 'Hello,\n\nNorth Pier lights switched on\n',
      sentAt: '2026-11-30T09:00:00.000Z',
      articles: [{ slug: 'lights', title: 'North Pier lights switched on', url: 'https://news.example.org/lights' }],
    },
  ];
}

/** An ArchiveSource over issues held in memory. */
export function memoryArchive(issues: readonly ArchivedIssue[] = sampleIssues()): ArchiveSource {
  return {
    issues: () => [...issues],
    issue: (n) => issues.find((i) => i.number === n),
  };
}
