import Database from 'better-sqlite3';
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Ledger } from '../../src/send/ledger.js';
import { unsubscribeToken } from '../../src/send/unsubscribe.js';
import { csvOf, htmlOf, ledgerRows, people, scratchDir, SECRET, textOf } from '../helpers/send.js';
import { childEnv, runGazette } from '../helpers/send-cli.js';
import { makeSeriesProject, PUBLIC_URL, writeArticle } from '../helpers/series.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';

/**
 * `gazette send --new-only` as cron runs it, against a real SMTP server on
 * 127.0.0.1: one project folder and ledger per test.
 */

const LIST_ID = 'the-test-tide.tide.example.org';
const FIXTURE_SLUGS = ['harbour-board-mooring-rules', 'north-pier-lights', 'qa-small-boats-big-tides', 'sao-brandao-regatta'];

let scratch: Awaited<ReturnType<typeof scratchDir>>;
let server: TestSmtp;
let project: string;
let state: string;
let csv: string;
let n = 0;
const list = people(4, 'series');

beforeEach(async () => {
  scratch = await scratchDir('gazette-new-only-');
  project = path.join(scratch.dir, `p${++n}`);
  await mkdir(project);
  await makeSeriesProject(project);
  state = path.join(project, 'state.db');
  csv = await scratch.file('list.csv', csvOf(list));
  server = await startSmtp();
});
afterEach(async () => {
  await server.close();
  await scratch.remove();
});

const env = (): NodeJS.ProcessEnv => childEnv({ GAZETTE_SMTP_URL: server.url, GAZETTE_UNSUBSCRIBE_SECRET: SECRET, GAZETTE_RETRY_BASE_MS: '10' });

function sendNew(date: string, ...more: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runGazette(project, ['send', '--new-only', '--to', csv, '--state', state, '--date', date, '--yes', ...more], env());
}

function articlesOf(issueKey: string): string[] {
  const ledger = Ledger.open(state);
  try {
    return ledger.issueArticles(issueKey).map((a) => a.slug);
  } finally {
    ledger.close();
  }
}

const keyOf = (date: string): string => `${LIST_ID}/${date}`;

describe('gazette send --new-only', { timeout: 60_000 }, () => {
  it('sends every article the first time, and nothing the second, saying so and exiting 0', async () => {
    const first = await sendNew('2026-11-30');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Issue 1 (2026-11-30): 4 articles');
    expect(server.accepted).toHaveLength(4);
    expect(articlesOf(keyOf('2026-11-30')).sort()).toEqual(FIXTURE_SLUGS);

    const second = await sendNew('2026-12-07');
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout.trim()).toBe('Nothing new since issue 1 (2026-11-30): no email sent.');
    expect(server.accepted).toHaveLength(4);
    // No issue was made for the day: the next one with news is issue 2.
    expect(new Database(state, { readonly: true }).prepare('SELECT COUNT(*) AS n FROM issues').get()).toEqual({ n: 1 });
  });

  it('makes issue 2 of only the new article, numbered in its links', async () => {
    expect((await sendNew('2026-11-30')).code).toBe(0);
    await writeArticle(project, 'dredging-starts');
    const second = await sendNew('2026-12-07');
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('Issue 2 (2026-12-07): 1 article, dredging-starts, new since issue 1 (2026-11-30).');
    expect(articlesOf(keyOf('2026-12-07'))).toEqual(['dredging-starts']);
    const issue2 = server.accepted.slice(4);
    expect(issue2).toHaveLength(4);
    const mail = await server.parse(issue2[0]!);
    expect(mail.subject).toBe('The Test Tide: The dredging starts story');
    expect(textOf(mail)).toContain('The dredging starts story');
    expect(textOf(mail)).not.toContain('North Pier');
    expect(textOf(mail)).toContain(`View in your browser: ${PUBLIC_URL}archive/2/`);
    expect(htmlOf(mail)).toContain(`href="${PUBLIC_URL}archive/2/"`);
  });

  it('does not send an edited article again, unless --include-updated', async () => {
    expect((await sendNew('2026-11-30')).code).toBe(0);
    const file = path.join(project, 'articles', 'north-pier-lights.md');
    const { readFile, writeFile } = await import('node:fs/promises');
    await writeFile(file, (await readFile(file, 'utf8')).replace('1,200 new energy-saving bulbs', '1,250 new energy-saving bulbs'));

    const without = await sendNew('2026-12-07');
    expect(without.code, without.stderr).toBe(0);
    expect(without.stdout).toContain('Nothing new since issue 1 (2026-11-30): no email sent.');
    expect(without.stdout).toContain('note: 1 article edited since an earlier issue had it (north-pier-lights): not sent again without --include-updated');
    expect(server.accepted).toHaveLength(4);

    const withUpdated = await sendNew('2026-12-07', '--include-updated');
    expect(withUpdated.code, withUpdated.stderr).toBe(0);
    expect(withUpdated.stdout).toContain('Issue 2 (2026-12-07): 1 article, north-pier-lights: 0 new and 1 edited since issue 1 (2026-11-30).');
    expect(articlesOf(keyOf('2026-12-07'))).toEqual(['north-pier-lights']);
    expect(server.accepted).toHaveLength(8);
    expect(textOf(await server.parse(server.accepted[4]!))).toContain('1,250 new energy-saving bulbs');
  });

  it('an article saved again with other line endings is not an edit', async () => {
    expect((await sendNew('2026-11-30')).code).toBe(0);
    const file = path.join(project, 'articles', 'sao-brandao-regatta.md');
    const { readFile, writeFile } = await import('node:fs/promises');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/\n/g, '\r\n'));
    const again = await sendNew('2026-12-07', '--include-updated');
    expect(again.stdout.trim()).toBe('Nothing new since issue 1 (2026-11-30): no email sent.');
  });

  it('a rerun on the same day continues that issue with its own articles, leaving newer ones for the next', async () => {
    const first = await sendNew('2026-11-30');
    expect(first.code, first.stderr).toBe(0);
    // Same day: a new article appeared, and a subscriber joined.
    await writeArticle(project, 'late-news');
    const more = [...list, ...people(2, 'joined')];
    await (await import('node:fs/promises')).writeFile(csv, csvOf(more));
    const rerun = await sendNew('2026-11-30');
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain("Issue 1 (2026-11-30): 4 articles");
    expect(rerun.stdout).toContain("the day's issue again, with the articles it was made with.");
    expect(rerun.stdout).toContain('note: 1 article written since (late-news) will go in the next issue, not this one.');
    expect(articlesOf(keyOf('2026-11-30')).sort()).toEqual(FIXTURE_SLUGS);
    // Only the two who joined get it; nobody gets it twice.
    expect(server.accepted).toHaveLength(6);
    for (const p of more) expect(server.countsByRecipient().get(p.email), p.email).toBe(1);
    const joined = await server.parse(server.accepted[5]!);
    expect(textOf(joined)).not.toContain('late news');

    const next = await sendNew('2026-12-07');
    expect(next.stdout).toContain('Issue 2 (2026-12-07): 1 article, late-news');
  });

  it('lists the series with gazette issues', async () => {
    expect((await sendNew('2026-11-30')).code).toBe(0);
    await writeArticle(project, 'dredging-starts');
    await writeArticle(project, 'ferry-timetable');
    expect((await sendNew('2026-12-07')).code).toBe(0);
    const table = await runGazette(project, ['issues', '--state', state], childEnv());
    expect(table.code, table.stderr).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^#\s+date\s+status\s+articles\s+sent\s+failed\s+queued\s+subject$/);
    expect(lines[1]).toMatch(/^1\s+2026-11-30\s+sent\s+4\s+4\s+0\s+0\s+The Test Tide: /);
    expect(lines[2]).toMatch(/^2\s+2026-12-07\s+sent\s+2\s+4\s+0\s+0\s+The Test Tide: /);
    const json = await runGazette(project, ['issues', '--state', state, '--json'], childEnv());
    const entries = json.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries.map((e) => [e.number, e.date, e.status, e.articles, e.sent, e.failed, e.queued])).toEqual([
      [1, '2026-11-30', 'sent', 4, 4, 0, 0],
      [2, '2026-12-07', 'sent', 2, 4, 0, 0],
    ]);
  });

  it('keeps an archive copy of each issue with no subscriber in it, and the ledger serves it newest first', async () => {
    const named = [{ email: 'ana.lopes@example.org', name: 'Ana Lopes', city: 'Port Ellis' }, ...list];
    await (await import('node:fs/promises')).writeFile(csv, csvOf(named));
    expect((await sendNew('2026-11-30')).code).toBe(0);
    await writeArticle(project, 'dredging-starts');
    expect((await sendNew('2026-12-07')).code).toBe(0);
    const ledger = Ledger.open(state);
    try {
      const archived = ledger.archivedIssues(LIST_ID);
      expect(archived.map((a) => [a.number, a.date])).toEqual([
        [2, '2026-12-07'],
        [1, '2026-11-30'],
      ]);
      const [second, first] = archived;
      expect(second?.articles).toEqual([{ slug: 'dredging-starts', title: 'The dredging starts story', url: 'https://news.example.org/2026/12/dredging-starts' }]);
      expect(first?.articles.map((a) => a.slug).sort()).toEqual(FIXTURE_SLUGS);
      expect(second?.sentAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(second?.preheader.length).toBeGreaterThan(0);
      expect(ledger.archivedIssue(LIST_ID, 1)?.subject).toBe(first?.subject);
      expect(ledger.archivedIssue(LIST_ID, 3)).toBeUndefined();
      for (const issue of archived) {
        for (const part of [issue.html, issue.text]) {
          for (const p of named) {
            expect(part).not.toContain(p.email);
            expect(part).not.toContain(encodeURIComponent(p.email));
            if (p.name) expect(part).not.toContain(p.name);
            expect(part).not.toContain(unsubscribeToken(SECRET, LIST_ID, p.email));
            expect(part).not.toContain(unsubscribeToken(SECRET, LIST_ID, p.email).split('.')[1]);
          }
          expect(part).not.toContain('Hi Ana');
          expect(part).not.toContain('?t=');
          expect(part).toContain(`${PUBLIC_URL}unsubscribe`);
          expect(part).toContain(`${PUBLIC_URL}archive/${issue.number}/`);
        }
        expect(issue.text).toContain('Hello,');
      }
      // What was mailed did carry the personal parts.
      const mailed = await server.parse(server.accepted.find((m) => m.to === 'ana.lopes@example.org')!);
      expect(textOf(mailed)).toContain('Hi Ana,');
      expect(textOf(mailed)).toContain(`${PUBLIC_URL}unsubscribe?t=`);
    } finally {
      ledger.close();
    }
  });

  it('leaves out of the archive an issue that went to nobody, and puts its articles in the next', async () => {
    // The relay is down on the first day: the issue is made, nobody is sent it.
    const down = await runGazette(project, ['send', '--new-only', '--to', csv, '--state', state, '--date', '2026-11-23', '--yes'], {
      ...env(),
      GAZETTE_SMTP_URL: 'smtp://127.0.0.1:1',
    });
    expect(down.code).toBe(3);
    const next = await sendNew('2026-11-30');
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toContain('Issue 2 (2026-11-30): 4 articles');
    expect(next.stdout).not.toContain('note: the issue of 2026-11-23');
    const ledger = Ledger.open(state);
    try {
      expect(ledger.archivedIssues(LIST_ID).map((a) => a.number)).toEqual([2]);
      expect(ledger.series(LIST_ID).map((e) => [e.number, e.status])).toEqual([
        [1, 'built'],
        [2, 'sent'],
      ]);
    } finally {
      ledger.close();
    }
  });

  it('plain send records its articles too, so that --new-only afterwards knows them', async () => {
    const plain = await runGazette(project, ['send', '--to', csv, '--state', state, '--date', '2026-11-30', '--yes'], env());
    expect(plain.code, plain.stderr).toBe(0);
    expect(articlesOf(keyOf('2026-11-30')).sort()).toEqual(FIXTURE_SLUGS);
    const after = await sendNew('2026-12-07');
    expect(after.stdout.trim()).toBe('Nothing new since issue 1 (2026-11-30): no email sent.');
    expect(ledgerRows(state)).toHaveLength(4);
  });
});
