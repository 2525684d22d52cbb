import path from 'node:path';
import * as cheerio from 'cheerio';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveFiles } from '../../src/archive/site.js';
import { startServe } from '../../src/serve/index.js';
import { openPublicState } from '../../src/serve/state.js';
import { sendIssue, type IssueContent } from '../../src/send/index.js';
import { listIdOf } from '../../src/send/message.js';
import { smtpSettings } from '../../src/send/transport.js';
import { unsubscribeToken } from '../../src/send/unsubscribe.js';
import { testConfig } from '../helpers/config.js';
import { headerValues, people, renderFixture, rowsOf, scratchDir, SECRET, type Person } from '../helpers/send.js';
import { startSmtp } from '../helpers/smtp.js';

/*
 * serve over a real state database that `sendIssue` wrote: the archive shows
 * what was sent without anyone's data, the unsubscribe link in a received
 * email works against serve, and the next send leaves that address out.
 */

const config = testConfig({
  publicUrl: 'https://tide.example.org/newsletter/',
  lang: 'en-GB',
  send: { rate: 10_000, concurrency: 3, confirmAbove: 10, failureWindow: 100, pauseAtFailureShare: 0.2 },
});
const list: Person[] = people(4, 'subscriber');
let issue: IssueContent;
let scratch: Awaited<ReturnType<typeof scratchDir>>;

beforeAll(async () => {
  issue = await renderFixture(config);
  scratch = await scratchDir('gazette-serve-send-');
});
afterAll(async () => scratch.remove());

async function send(statePath: string, date: string, smtpUrl: string): ReturnType<typeof sendIssue> {
  return sendIssue({
    config,
    issue,
    date,
    statePath,
    subscribers: rowsOf(list),
    smtp: smtpSettings(config, { GAZETTE_SMTP_URL: smtpUrl }),
    secret: SECRET,
    rate: 10_000,
    concurrency: 3,
    retryBaseMs: 10,
    articles: issue.digest.articles.map((a) => ({ slug: a.slug, contentHash: `hash-${a.slug}`, url: a.url, title: a.title })),
  });
}

/** Every piece of subscriber data that must never reach a public page. */
function privateStrings(): string[] {
  const listId = listIdOf(config);
  return list.flatMap((p) => {
    const token = unsubscribeToken(SECRET, listId, p.email);
    return [p.email, p.email.split('@')[0] ?? '', token, token.split('.')[1] ?? '', ...(p.name ? [p.name, `Hi ${p.name.split(' ')[0]}`] : [])];
  });
}

describe('serve over the ledger a send wrote', { timeout: 60_000 }, () => {
  it('archives the issue without subscriber data, honours the emailed unsubscribe link, and the next send skips that address', async () => {
    const statePath = path.join(scratch.dir, 'state.db');
    const smtp = await startSmtp();
    try {
      const first = await send(statePath, '2026-11-30', smtp.url);
      expect(first).toMatchObject({ outcome: 'completed', sent: 4 });

      const state = openPublicState(statePath, listIdOf(config));
      const serving = await startServe({ config, secret: SECRET, ...state, port: 0 });
      try {
        const origin = new URL(serving.url).origin;

        // The archive, through the adapter over the real database.
        const issues = state.archive.issues();
        expect(issues.map((i) => ({ number: i.number, date: i.date, subject: i.subject }))).toEqual([
          { number: 1, date: '2026-11-30', subject: issue.digest.subject },
        ]);
        expect(state.archive.issue(1)?.articles.map((a) => a.slug)).toEqual(issue.digest.articles.map((a) => a.slug));
        expect(state.archive.issue(2)).toBeUndefined();

        const pages = new Map<string, string>();
        for (const p of ['archive/', 'archive/1/', 'feed.xml']) {
          const res = await fetch(`${serving.url}${p}`);
          expect(res.status, p).toBe(200);
          pages.set(p, await res.text());
        }
        const $ = cheerio.load(pages.get('archive/') ?? '');
        expect(
          $('a.subject')
            .map((_, a) => $(a).text())
            .get(),
        ).toEqual([issue.digest.subject]);
        const issuePage = cheerio.load(pages.get('archive/1/') ?? '');
        for (const article of issue.digest.articles) expect(issuePage(`a[href="${article.url}"]`).length, article.url).toBeGreaterThan(0);
        expect(issuePage.text()).toContain('Hello,');
        const feed = pages.get('feed.xml') ?? '';
        expect(XMLValidator.validate(feed)).toBe(true);
        const rss = new XMLParser().parse(feed) as { rss: { channel: { item: { title: string; link: string } } } };
        expect(rss.rss.channel.item).toMatchObject({ title: issue.digest.subject, link: 'https://tide.example.org/newsletter/archive/1/' });
        for (const [p, body] of pages) {
          const lower = body.toLowerCase();
          for (const secret of privateStrings()) expect(lower, `${p} holds ${secret}`).not.toContain(secret.toLowerCase());
        }
        // The static archive is the same bytes.
        for (const file of archiveFiles(config, state.archive)) {
          const route = file.path.replace(/index\.html$/, '');
          expect(pages.get(route), file.path).toBe(file.body);
        }

        // The one-click link exactly as the second subscriber received it, pointed at this server.
        const victim = list[1]!;
        const received = smtp.accepted.find((m) => m.to === victim.email);
        const [header] = headerValues(received?.raw ?? Buffer.alloc(0), 'List-Unsubscribe');
        const link = new URL(/^<([^>]+)>/.exec(header ?? '')?.[1] ?? '');
        expect(link.origin + link.pathname).toBe('https://tide.example.org/newsletter/unsubscribe');
        expect(headerValues(received?.raw ?? Buffer.alloc(0), 'List-Unsubscribe-Post')).toEqual(['List-Unsubscribe=One-Click']);
        const confirm = await fetch(`${origin}${link.pathname}${link.search}`);
        expect(confirm.status).toBe(200);
        expect(state.suppressions.isSuppressed(victim.email)).toBe(false);
        const res = await fetch(`${origin}${link.pathname}${link.search}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        });
        expect(res.status).toBe(200);
        expect(state.suppressions.isSuppressed(victim.email)).toBe(true);
      } finally {
        await serving.close();
        state.close();
      }

      // The next issue: everyone but the one who unsubscribed.
      const before = smtp.accepted.length;
      const second = await send(statePath, '2026-12-07', smtp.url);
      expect(second).toMatchObject({ outcome: 'completed', sent: 3 });
      expect(second.skipped.suppressed.count).toBe(1);
      const recipients = smtp.accepted.slice(before).map((m) => m.to);
      expect(recipients.sort()).toEqual([list[0]!.email, list[2]!.email, list[3]!.email].sort());
    } finally {
      await smtp.close();
    }
  });

  it('will not start on a state database that does not exist', () => {
    expect(() => openPublicState(path.join(scratch.dir, 'typo.db'), listIdOf(config))).toThrow(/there is no send ledger at .*typo\.db: pass --state/);
  });
});
