import { hostname } from 'node:os';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GazetteError } from '../../src/errors.js';
import { issueKeyOf, sendIssue, type IssueContent, type SendIssueOptions, type SendReport } from '../../src/send/index.js';
import { Ledger } from '../../src/send/ledger.js';
import { MIGRATIONS } from '../../src/send/schema.js';
import { lockIssue } from '../../src/send/lock.js';
import { listIdOf, messageIdFor } from '../../src/send/message.js';
import { readSubscribers } from '../../src/send/subscribers.js';
import { emptySkipped, sendable } from '../../src/send/tally.js';
import { smtpSettings } from '../../src/send/transport.js';
import { verifyUnsubscribeToken } from '../../src/send/unsubscribe.js';
import { testConfig } from '../helpers/config.js';
import {
  DATE,
  headerLines,
  headerValues,
  htmlOf,
  ledgerRows,
  people,
  renderFixture,
  rowsOf,
  scratchDir,
  SECRET,
  textOf,
  type Person,
} from '../helpers/send.js';
import { startSmtp, type TestSmtp, type TestSmtpOptions } from '../helpers/smtp.js';

const config = testConfig({ send: { rate: 10_000, concurrency: 3, confirmAbove: 10, failureWindow: 100, pauseAtFailureShare: 0.2 } });
const issueKey = issueKeyOf(config, DATE);
let issue: IssueContent;
let scratch: Awaited<ReturnType<typeof scratchDir>>;
let servers: TestSmtp[] = [];
let stateCount = 0;

beforeAll(async () => {
  issue = await renderFixture(config);
  scratch = await scratchDir();
});
afterAll(async () => scratch.remove());
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function smtp(options: TestSmtpOptions = {}): Promise<TestSmtp> {
  const server = await startSmtp(options);
  servers.push(server);
  return server;
}

function statePath(): string {
  return `${scratch.dir}/state-${++stateCount}.db`;
}

type Overrides = Partial<Omit<SendIssueOptions, 'subscribers'>> & { list?: readonly Person[]; subscribers?: SendIssueOptions['subscribers'] };

function send(server: TestSmtp, state: string, overrides: Overrides = {}): Promise<SendReport> {
  const { list, ...rest } = overrides;
  return sendIssue({
    config,
    issue,
    date: DATE,
    statePath: state,
    subscribers: list ? rowsOf(list) : undefined,
    smtp: smtpSettings(config, { GAZETTE_SMTP_URL: server.url }),
    secret: SECRET,
    rate: 10_000,
    concurrency: 3,
    retryBaseMs: 10,
    ...rest,
  });
}

function expectEachOnce(server: TestSmtp, list: readonly Person[]): void {
  const counts = server.countsByRecipient();
  for (const p of list) expect(counts.get(p.email.toLowerCase()), p.email).toBe(1);
  expect(server.accepted).toHaveLength(list.length);
}

describe('sendIssue', { timeout: 30_000 }, () => {
  it('sends every subscriber exactly one message with every header and part', async () => {
    const server = await smtp();
    const list = people(25);
    const state = statePath();
    const report = await send(server, state, { list });
    expect(report).toMatchObject({ outcome: 'completed', sent: 25, failed: 0, stop: null, totals: { sent: 25, queued: 0, sending: 0, failed: 0 } });
    expectEachOnce(server, list);
    const listId = listIdOf(config);
    for (const person of list) {
      const received = server.accepted.find((m) => m.to === person.email);
      if (!received) throw new Error(`nothing for ${person.email}`);
      const mail = await server.parse(received);
      expect(received.from).toBe(config.from.address);
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : undefined).toBe(person.email);
      expect(mail.subject).toBe(issue.digest.subject);
      expect(mail.messageId).toBe(messageIdFor(issueKey, person.email, config.from.address));
      expect(headerValues(received.raw, 'List-Unsubscribe-Post')).toEqual(['List-Unsubscribe=One-Click']);
      expect(headerValues(received.raw, 'List-Id')).toEqual([`"${config.name}" <${listId}>`]);
      const [unsubscribe] = headerValues(received.raw, 'List-Unsubscribe');
      const url = /^<(https:\/\/tide\.example\.org\/unsubscribe\?t=[^>]+)>$/.exec(unsubscribe ?? '')?.[1] ?? '';
      expect(verifyUnsubscribeToken(SECRET, listId, new URL(url).searchParams.get('t') ?? '')).toBe(person.email);
      const greeting = person.name ? `Hi ${person.name.split(' ')[0]},` : 'Hello,';
      expect(textOf(mail)).toContain(greeting);
      expect(textOf(mail)).toContain(url);
      expect(htmlOf(mail)).toContain(greeting);
      expect(htmlOf(mail)).toContain(url.replace(/&/g, '&amp;'));
      const raw = received.raw.toString('utf8');
      expect(raw.indexOf('Content-Type: text/plain')).toBeGreaterThan(0);
      expect(raw.indexOf('Content-Type: text/plain')).toBeLessThan(raw.indexOf('Content-Type: text/html'));
    }
    const rows = ledgerRows(state, issueKey);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    expect(rows.map((r) => r.message_id)).toEqual(list.map((p) => messageIdFor(issueKey, p.email, config.from.address)));
  });

  it('resends byte-identical messages: the Date is fixed when the issue is created', async () => {
    const server = await smtp({ data: (to, attempt) => (to === 'reader002@example.org' && attempt === 1 ? 'drop' : undefined) });
    await send(server, statePath(), { list: people(3) });
    const [first] = server.dropped;
    const second = server.accepted.find((m) => m.to === 'reader002@example.org');
    expect(first && second && Buffer.compare(first.raw, second.raw)).toBe(0);
  });

  it('delivers on retry to recipients a relay answered 452 the first time', async () => {
    const deferred = new Set(['reader002@example.org', 'reader005@example.org', 'reader009@example.org']);
    const server = await smtp({
      rcpt: (to, attempt) => (deferred.has(to) && attempt === 1 ? { code: 452, message: '4.2.2 Mailbox full, try later' } : undefined),
    });
    const list = people(12);
    const state = statePath();
    const report = await send(server, state, { list });
    expect(report).toMatchObject({ outcome: 'completed', sent: 12, failed: 0 });
    expectEachOnce(server, list);
    expect(server.refused).toEqual(expect.arrayContaining([...deferred].map((to) => ({ to, code: 452 }))));
    const rows = ledgerRows(state, issueKey);
    for (const row of rows) expect(row.attempts, row.email).toBe(deferred.has(row.email) ? 2 : 1);
  });

  it('marks 550 recipients failed and suppressed, reports them, and never sends to them again', async () => {
    const bounced = new Set(['reader003@example.org', 'reader004@example.org', 'reader010@example.org']);
    const server = await smtp({ rcpt: (to) => (bounced.has(to) ? { code: 550, message: `5.1.1 <${to}>: no such user` } : undefined) });
    const list = people(12);
    const state = statePath();
    const report = await send(server, state, { list });
    expect(report).toMatchObject({ outcome: 'completed', sent: 9, failed: 3, newlySuppressed: 3 });
    expect(report.failures).toEqual([
      { reason: expect.stringMatching(/^550 5\.1\.1 <…>: no such user/), count: 3, examples: expect.arrayContaining([...bounced]) },
    ]);
    expect(
      ledgerRows(state, issueKey)
        .filter((r) => r.status === 'failed')
        .map((r) => r.email),
    ).toEqual([...bounced]);
    expect(server.refused.filter((r) => r.code === 550)).toHaveLength(3);

    // The same issue again: nothing to send. The next issue: the bounced addresses are skipped.
    const again = await send(server, state, { list });
    expect(again).toMatchObject({ outcome: 'completed', sent: 0, failed: 0 });
    const next = await send(server, state, { list, date: '2026-12-07' });
    expect(next).toMatchObject({ outcome: 'completed', sent: 9, skipped: { suppressed: { count: 3 } }, unfinished: [] });
    expect(server.refused.filter((r) => r.code === 550)).toHaveLength(3);
    for (const to of bounced) expect(server.countsByRecipient().get(to)).toBeUndefined();
  });

  it('loses and duplicates nobody through a 421 and a connection dropped after DATA', async () => {
    const server = await smtp({
      rcpt: (to, attempt) => (to === 'reader004@example.org' && attempt === 1 ? { code: 421, message: '4.3.2 Shutting down' } : undefined),
      data: (to, attempt) => (['reader007@example.org', 'reader011@example.org'].includes(to) && attempt === 1 ? 'drop' : undefined),
    });
    const list = people(15);
    const state = statePath();
    const report = await send(server, state, { list });
    expect(report).toMatchObject({ outcome: 'completed', sent: 15, failed: 0 });
    expectEachOnce(server, list);
    expect(server.dropped.map((m) => m.to).sort()).toEqual(['reader007@example.org', 'reader011@example.org']);
    // With maxRequeues: 0 nodemailer never resends by itself: each dropped message was sent again once, by the ledger.
    const rows = ledgerRows(state, issueKey);
    for (const to of ['reader004@example.org', 'reader007@example.org', 'reader011@example.org']) {
      expect(rows.find((r) => r.email === to)?.attempts, to).toBe(2);
    }
  });

  it('sends nothing on a second full run', async () => {
    const server = await smtp();
    const list = people(8);
    const state = statePath();
    await send(server, state, { list });
    const again = await send(server, state, { list });
    expect(again).toMatchObject({ outcome: 'completed', sent: 0, loaded: { added: 0, known: 8, duplicates: 0 } });
    expectEachOnce(server, list);
  });

  it('adds the new subscribers of a rerun, and leaves out unsent ones who left the list', async () => {
    const server = await smtp();
    const state = statePath();
    const [a, b, c, d] = people(4);
    if (!a || !b || !c || !d) throw new Error('four people');
    await send(server, state, { list: [a, b] });
    // c was loaded by a run that stopped before sending to it, then left the list.
    const ledger = Ledger.open(state);
    await ledger.load(issueKey, sendable(rowsOf([c]), emptySkipped()));
    ledger.close();
    const report = await send(server, state, { list: [a, b, d] });
    expect(report).toMatchObject({ sent: 1, skipped: { unlisted: 1 }, loaded: { added: 1, known: 2 } });
    expect([...server.countsByRecipient().keys()].sort()).toEqual([a.email, b.email, d.email]);
  });

  it('lets no CR/LF from a name or a subject reach a header', async () => {
    const server = await smtp();
    const evil: Person[] = [{ email: 'eve@example.org', name: 'Eve\r\nBcc: victim@evil.example', city: 'X\r\nCc: other@evil.example' }];
    const evilIssue = { ...issue, digest: { ...issue.digest, subject: 'Tide news\r\nBcc: subject@evil.example' } };
    await send(server, statePath(), { list: evil, issue: evilIssue });
    expect(server.accepted).toHaveLength(1);
    const [message] = server.accepted;
    if (!message) throw new Error('no message');
    const lines = headerLines(message.raw);
    expect(lines.filter((l) => /^(bcc|cc):/i.test(l))).toEqual([]);
    expect(lines.filter((l) => /^subject:/i.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /^to:/i.test(l))).toHaveLength(1);
    expect(message.to).toBe('eve@example.org');
    const mail = await server.parse(message);
    expect(mail.bcc).toBeUndefined();
    expect(mail.cc).toBeUndefined();
  });

  it('signs unsubscribe links that a tampered token cannot pass', async () => {
    const server = await smtp();
    await send(server, statePath(), { list: people(2) });
    const [message] = server.accepted;
    if (!message) throw new Error('no message');
    const url = /<([^>]+)>/.exec(headerValues(message.raw, 'List-Unsubscribe')[0] ?? '')?.[1] ?? '';
    const token = new URL(url).searchParams.get('t') ?? '';
    const listId = listIdOf(config);
    expect(verifyUnsubscribeToken(SECRET, listId, token)).toBe(message.to);
    const [address = '', mac = ''] = token.split('.');
    const flipped = `${mac.slice(0, 5)}${mac[5] === 'A' ? 'B' : 'A'}${mac.slice(6)}`;
    expect(verifyUnsubscribeToken(SECRET, listId, `${address}.${flipped}`)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, listId, `${Buffer.from('someone@example.org').toString('base64url')}.${mac}`)).toBeNull();
    expect(verifyUnsubscribeToken('another-secret', listId, token)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, 'other.list.example', token)).toBeNull();
  });

  it('reports and skips duplicates and invalid rows of a CSV, sending each address once', async () => {
    const server = await smtp();
    const csv = [
      'email,name,city',
      'ana.lopes@example.org,Ana Lopes,Port Ellis', // line 2
      'not-an-address,Bad Row,Nowhere', // 3
      'ANA.LOPES@example.org,Ana Again,Port Ellis', // 4: duplicate of 2
      ',No Address,Nowhere', // 5
      'ben@example.org,Ben,Kestrel Head', // 6
      'Ben@Example.org,Ben Again,Kestrel Head', // 7: duplicate of 6
      'cleo@example.org,,', // 8
    ].join('\n');
    const file = await scratch.file('dupes.csv', `${csv}\n`);
    const report = await send(server, statePath(), { subscribers: readSubscribers(file) });
    expect(report).toMatchObject({ outcome: 'completed', sent: 3, loaded: { added: 3, duplicates: 2 } });
    expect(report.skipped.invalid).toMatchObject({ count: 2, examples: [{ line: 3 }, { line: 5 }] });
    expect(report.skipped.invalid.examples[0]?.reason).toMatch(/not an email address/);
    expect(report.skipped.duplicates).toEqual({
      count: 2,
      examples: [
        { line: 4, email: 'ANA.LOPES@example.org', firstLine: 2 },
        { line: 7, email: 'Ben@example.org', firstLine: 6 },
      ],
    });
    expect([...server.countsByRecipient().entries()].sort()).toEqual([
      ['ana.lopes@example.org', 1],
      ['ben@example.org', 1],
      ['cleo@example.org', 1],
    ]);
  });

  it('pauses when too many recent attempts fail, and resumes after', async () => {
    let refusing = true;
    const server = await smtp({
      rcpt: (to) => (refusing && Number(/\d+/.exec(to)?.[0]) % 2 === 0 ? { code: 550, message: '5.7.1 relay blocked' } : undefined),
    });
    const paused = testConfig({ send: { rate: 10_000, concurrency: 2, failureWindow: 10, pauseAtFailureShare: 0.2, confirmAbove: 10 } });
    const list = people(40);
    const state = statePath();
    const report = await send(server, state, { config: paused, list, concurrency: 2 });
    expect(report.outcome).toBe('stopped');
    expect(report.stop).toMatchObject({ kind: 'error-rate', message: expect.stringMatching(/^\d+ of the last 10 attempts failed \(more than 20%\)/) });
    const rows = ledgerRows(state, issueKey);
    expect(rows.filter((r) => r.status === 'sending')).toEqual([]);
    const attempted = rows.filter((r) => r.status !== 'queued').length;
    expect(attempted).toBeGreaterThanOrEqual(10);
    expect(attempted).toBeLessThanOrEqual(12); // the window, and what was in flight
    refusing = false;
    const resumed = await send(server, state, { config: paused, resume: true });
    expect(resumed).toMatchObject({ outcome: 'completed', resumed: true, sent: 40 - attempted });
    expect(server.accepted).toHaveLength(rows.filter((r) => r.status === 'sent').length + 40 - attempted);
  });

  it('stops on an abort after what is in flight, and --resume finishes with no duplicates', async () => {
    const controller = new AbortController();
    const server = await smtp({
      delayMs: 5,
      onAccept: () => {
        if (server.accepted.length === 10) controller.abort('SIGINT');
      },
    });
    const list = people(40);
    const state = statePath();
    const report = await send(server, state, { list, signal: controller.signal });
    expect(report.outcome).toBe('stopped');
    expect(report.stop).toMatchObject({ kind: 'signal', message: 'stopped by SIGINT' });
    expect(report.sent).toBe(server.accepted.length);
    expect(report.sent).toBeLessThanOrEqual(10 + 3);
    expect(ledgerRows(state, issueKey).filter((r) => r.status === 'sending')).toEqual([]);
    const other = await send(server, state, { list: people(1, 'other'), date: '2026-12-07' });
    expect(other.unfinished).toEqual([{ key: issueKey, date: DATE, left: 40 - report.sent }]);
    const resumed = await send(server, state, { resume: true });
    expect(resumed).toMatchObject({ outcome: 'completed', sent: 40 - report.sent, resentAfterCrash: 0 });
    for (const p of list) expect(server.countsByRecipient().get(p.email), p.email).toBe(1);
    expect(server.accepted).toHaveLength(list.length + 1);
  });

  it('resends rows a dead run left `sending`, and says how many', async () => {
    const server = await smtp();
    const list = people(6);
    const state = statePath();
    // Load the list without sending, then play the crash: two rows were being sent when the process died.
    await send(server, state, { list, signal: AbortSignal.abort('setup') });
    const db = new Database(state);
    db.prepare("UPDATE deliveries SET status = 'sending', attempts = 1 WHERE email IN ('reader002@example.org', 'reader003@example.org')").run();
    db.close();
    const report = await send(server, state, { list });
    expect(report).toMatchObject({ outcome: 'completed', sent: 6, resentAfterCrash: 2 });
  });

  it("refuses a second run of an issue that is being sent, and takes over a dead run's lock", async () => {
    const server = await smtp();
    const state = statePath();
    const ledger = Ledger.open(state);
    const held = lockIssue(ledger, issueKey);
    const error = await send(server, state, { list: people(2) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GazetteError);
    expect((error as GazetteError).code).toBe('SEND_LOCKED');
    expect((error as GazetteError).exitCode).toBe(3);
    expect((error as GazetteError).message).toContain(`is being sent by process ${process.pid}`);
    held.release();
    // A lock left by a process that no longer exists on this host.
    ledger.db
      .prepare('INSERT INTO locks (issue_key, token, pid, host, started_at) VALUES (?, ?, ?, ?, ?)')
      .run(issueKey, 'x', 2 ** 22 + 12345, hostname(), '2026-11-30T08:00:00.000Z');
    ledger.close();
    const report = await send(server, state, { list: people(2) });
    expect(report).toMatchObject({ outcome: 'completed', sent: 2, tookOverFrom: { pid: 2 ** 22 + 12345 } });
  });

  it('stops before sending when the login fails, without the password in any message', async () => {
    const server = await smtp({ auth: { user: 'gazette', pass: 'right-password' } });
    const state = statePath();
    const smtpWrong = smtpSettings(config, { GAZETTE_SMTP_URL: `smtp://gazette:wr0ng-p%40ssword@127.0.0.1:${server.port}` });
    const error = await send(server, state, { list: people(3), smtp: smtpWrong }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GazetteError);
    expect((error as GazetteError).code).toBe('SMTP_AUTH');
    expect((error as GazetteError).exitCode).toBe(3);
    expect((error as GazetteError).message).toContain(`smtp://gazette@127.0.0.1:${server.port} refused the login`);
    expect((error as GazetteError).message).not.toMatch(/wr0ng|p%40ssword|p@ssword/);
    expect(server.accepted).toHaveLength(0);
    expect(ledgerRows(state, issueKey).every((r) => r.status === 'queued')).toBe(true);
    const right = smtpSettings(config, { GAZETTE_SMTP_URL: `smtp://gazette:right-password@127.0.0.1:${server.port}` });
    expect(await send(server, state, { smtp: right, resume: true })).toMatchObject({ outcome: 'completed', sent: 3 });
  });

  it('requires TLS to a relay that is not this machine', async () => {
    const server = await smtp();
    const remote = smtpSettings(config, { GAZETTE_SMTP_URL: 'smtp://mail.example.org:2525' });
    expect(remote).toMatchObject({ requireTLS: true, secure: false, ignoreTLS: false });
    // The same settings, pointed at the test server, which offers no STARTTLS.
    const state = statePath();
    const error = await send(server, state, { list: people(2), smtp: { ...remote, host: '127.0.0.1', port: server.port } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GazetteError);
    expect((error as GazetteError).code).toBe('SMTP_TLS');
    expect(server.accepted).toHaveLength(0);
    expect(ledgerRows(state, issueKey).every((r) => r.status === 'queued')).toBe(true);
  });

  it('refuses to finish an issue with content that changed after it went out', async () => {
    const server = await smtp();
    const state = statePath();
    await send(server, state, { list: people(2) });
    const changed = { ...issue, digest: { ...issue.digest, subject: 'Another subject' } };
    const error = await send(server, state, { list: people(3), issue: changed }).catch((e: unknown) => e);
    expect((error as GazetteError).code).toBe('SEND_CONTENT_CHANGED');
    expect((error as GazetteError).exitCode).toBe(1);
  });

  it('asks before sending to more than confirmAbove, and sends nothing on no', async () => {
    const server = await smtp();
    const state = statePath();
    const asked: number[] = [];
    const report = await send(server, state, { list: people(11), confirm: ({ count }) => (asked.push(count), false) });
    expect(asked).toEqual([11]);
    expect(report.outcome).toBe('declined');
    expect(server.accepted).toHaveLength(0);
    const small = await send(server, statePath(), { list: people(10), confirm: () => Promise.reject(new Error('not asked for 10')) });
    expect(small.sent).toBe(10);
  });

  it('keeps to --rate', async () => {
    const server = await smtp();
    const started = performance.now();
    await send(server, statePath(), { list: people(11), rate: 20 });
    // 20 a second with a burst of one: the 11th message goes no sooner than half a second in.
    expect(performance.now() - started).toBeGreaterThanOrEqual(480);
  });
});

describe('the ledger on disk', () => {
  it('uses WAL and records the schema version', async () => {
    const state = statePath();
    Ledger.open(state).close();
    const db = new Database(state, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual(MIGRATIONS.map((_, i) => ({ version: i + 1 })));
    db.close();
  });
});
