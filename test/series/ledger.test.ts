import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ledger, type IssueCopy } from '../../src/send/ledger.js';
import { MIGRATIONS } from '../../src/send/schema.js';
import { scratchDir } from '../helpers/send.js';

let scratch: Awaited<ReturnType<typeof scratchDir>>;
beforeAll(async () => {
  scratch = await scratchDir('gazette-series-ledger-');
});
afterAll(async () => scratch.remove());

const copy = (n: number): IssueCopy => ({
  preheader: `Preheader ${n}`,
  html: `<p>Issue ${n}</p>`,
  text: `Issue ${n}`,
  digest: { title: 'T', date: '2026-11-30', subject: `S${n}`, preheader: `Preheader ${n}`, articles: [] },
});

describe('migration 2', () => {
  it('numbers the issues of a version 1 ledger per list, by date, and leaves their deliveries alone', () => {
    const file = path.join(scratch.dir, 'v1.db');
    const db = new Database(file);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    db.exec(MIGRATIONS[0] ?? '');
    db.prepare('INSERT INTO schema_migrations VALUES (1, ?)').run('2026-11-01T00:00:00Z');
    const insert = db.prepare(
      "INSERT INTO issues (key, list_id, date, subject, content_hash, date_header, status, created_at) VALUES (?, ?, ?, 'S', 'h', '2026-11-01T00:00:00Z', 'finished', ?)",
    );
    // Created out of date order, and two lists in one file.
    insert.run('a.org/2026-11-16', 'a.org', '2026-11-16', '2026-11-16T08:00:00Z');
    insert.run('a.org/2026-11-02', 'a.org', '2026-11-02', '2026-11-20T08:00:00Z');
    insert.run('b.org/2026-11-09', 'b.org', '2026-11-09', '2026-11-09T08:00:00Z');
    insert.run('a.org/2026-11-09', 'a.org', '2026-11-09', '2026-11-09T08:00:00Z');
    db.prepare("INSERT INTO deliveries (issue_key, address_key, email, status, created_at, updated_at) VALUES ('a.org/2026-11-09', 'x@y.org', 'x@y.org', 'sent', 'n', 'n')").run();
    db.close();

    const ledger = Ledger.open(file);
    try {
      expect(ledger.series('a.org').map((e) => [e.number, e.date, e.status, e.articles, e.sent])).toEqual([
        [1, '2026-11-02', 'sent', 0, 0],
        [2, '2026-11-09', 'sent', 0, 1],
        [3, '2026-11-16', 'sent', 0, 0],
      ]);
      expect(ledger.series('b.org').map((e) => e.number)).toEqual([1]);
      // The next issue of a list comes after them, whatever its date.
      expect(ledger.nextNumber('a.org')).toBe(4);
      // Sent before archive copies were kept: not in the archive.
      expect(ledger.archivedIssues('a.org')).toEqual([]);
    } finally {
      ledger.close();
    }
  });
});

describe('the series in the ledger', () => {
  it('numbers issues in creation order, keeps their articles and copy, and archives only those sent to anyone', () => {
    const ledger = Ledger.open(path.join(scratch.dir, 'series.db'));
    try {
      const open = (date: string, n: number, slugs: string[]) =>
        ledger.openIssue({
          key: `l.org/${date}`,
          listId: 'l.org',
          date,
          subject: `S${n}`,
          contentHash: `h${n}`,
          dateHeader: new Date(),
          articles: slugs.map((slug) => ({ slug, contentHash: `${slug}-hash`, url: `https://l.org/${slug}`, title: slug })),
          copy: copy(n),
        });
      expect(open('2026-11-30', 1, ['a', 'b']).issue.number).toBe(1);
      expect(open('2026-11-23', 2, ['c']).issue.number).toBe(2);
      // Opening again changes nothing.
      expect(open('2026-11-30', 1, ['z'])).toMatchObject({ created: false, issue: { number: 1 } });
      expect(ledger.issueArticles('l.org/2026-11-30').map((a) => a.slug)).toEqual(['a', 'b']);

      expect(ledger.archivedIssues('l.org')).toEqual([]);
      const deliver = ledger.db.prepare(
        "INSERT INTO deliveries (issue_key, address_key, email, status, created_at, updated_at) VALUES (?, 'r@x.org', 'r@x.org', ?, 'n', 'n')",
      );
      deliver.run('l.org/2026-11-30', 'sent');
      deliver.run('l.org/2026-11-23', 'failed');
      ledger.setIssueStatus('l.org/2026-11-30', 'finished');
      const archived = ledger.archivedIssues('l.org');
      expect(archived).toHaveLength(1);
      expect(archived[0]).toMatchObject({
        number: 1,
        date: '2026-11-30',
        subject: 'S1',
        preheader: 'Preheader 1',
        html: '<p>Issue 1</p>',
        text: 'Issue 1',
        articles: [
          { slug: 'a', title: 'a', url: 'https://l.org/a' },
          { slug: 'b', title: 'b', url: 'https://l.org/b' },
        ],
      });
      expect(archived[0]?.sentAt).toMatch(/^\d{4}-/);
      expect(ledger.archivedIssue('l.org', 2)).toBeUndefined();
      expect(ledger.archivedIssue('other.org', 1)).toBeUndefined();

      // Where each slug went out: issue 2 was attempted (it failed), so it counts.
      expect([...ledger.inclusions('l.org', 'none')].map(([slug, i]) => [slug, i.number])).toEqual([
        ['c', 2],
        ['a', 1],
        ['b', 1],
      ]);
    } finally {
      ledger.close();
    }
  });
});
