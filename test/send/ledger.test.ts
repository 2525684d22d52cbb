import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GazetteError } from '../../src/errors.js';
import { Ledger, type NewIssue } from '../../src/send/ledger.js';
import { lockIssue } from '../../src/send/lock.js';
import { MIGRATIONS } from '../../src/send/schema.js';
import { people, rowsOf, scratchDir } from '../helpers/send.js';

let scratch: Awaited<ReturnType<typeof scratchDir>>;
let n = 0;
beforeAll(async () => {
  scratch = await scratchDir('gazette-ledger-');
});
afterAll(async () => scratch.remove());

const KEY = 'weekly.example.org/2026-11-30';
const issue: NewIssue = {
  key: KEY,
  listId: 'weekly.example.org',
  date: '2026-11-30',
  subject: 'S',
  contentHash: 'h',
  dateHeader: new Date('2026-11-30T08:00:00Z'),
};

function fresh(): { ledger: Ledger; file: string } {
  const file = path.join(scratch.dir, `nested/${++n}/state.db`);
  const ledger = Ledger.open(file);
  ledger.openIssue(issue);
  return { ledger, file };
}

async function* plain(
  list: ReturnType<typeof people>,
): AsyncGenerator<{ line: number; subscriber: { email: string; name: string | null; fields: Record<string, string> } }> {
  for await (const row of rowsOf(list)) if (row.ok) yield { line: row.line, subscriber: row.subscriber };
}

describe('Ledger', () => {
  it('creates its folder and schema, and opening again migrates nothing', () => {
    const { ledger, file } = fresh();
    ledger.close();
    expect(existsSync(file)).toBe(true);
    Ledger.open(file).close();
    const db = new Database(file, { readonly: true });
    expect((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(['deliveries', 'issue_articles', 'issue_copies', 'issues', 'locks', 'runs', 'schema_migrations', 'suppressions']);
    db.close();
  });

  it('refuses a database from a newer gazette', () => {
    const { ledger, file } = fresh();
    ledger.db.prepare('INSERT INTO schema_migrations VALUES (99, ?)').run('2030-01-01');
    ledger.close();
    expect(() => Ledger.open(file)).toThrow(/newer than this gazette knows/);
  });

  it('keeps the Date header an issue was created with', () => {
    const { ledger } = fresh();
    const again = ledger.openIssue({ ...issue, dateHeader: new Date('2027-01-01T00:00:00Z') });
    expect(again).toMatchObject({ created: false, issue: { dateHeader: new Date('2026-11-30T08:00:00Z') } });
    ledger.close();
  });

  it('loads a list once per address, case-insensitively, and a second load adds only the new', async () => {
    const { ledger } = fresh();
    const list = people(5);
    const dupes: number[] = [];
    const first = await ledger.load(KEY, plain([...list, { email: 'READER002@example.org', name: null }]), (line) => dupes.push(line));
    expect(first).toEqual({ added: 5, known: 0, duplicates: 1 });
    expect(dupes).toEqual([7]);
    const second = await ledger.load(KEY, plain([...list, ...people(7).slice(5)]));
    expect(second).toEqual({ added: 2, known: 5, duplicates: 0 });
    expect(ledger.finishLoad(KEY)).toBe(0);
    expect(ledger.counts(KEY)).toEqual({ queued: 7, sending: 0, sent: 0, failed: 0 });
    expect(ledger.claimable(KEY, Date.now(), 0, 100).map((d) => d.recipient.email)).toEqual(people(7).map((p) => p.email));
    ledger.close();
  });

  it('walks a row through sending, retry, sent and failed, and suppresses', async () => {
    const { ledger } = fresh();
    await ledger.load(KEY, plain(people(3)));
    const [a, b, c] = ledger.claimable(KEY, Date.now(), 0, 10);
    if (!a || !b || !c) throw new Error('three rows');
    ledger.markSending(a.id, '<a@x>');
    expect(() => ledger.markSending(a.id, '<a@x>')).toThrow(/was not queued/);
    ledger.markRetry(a.id, '452 later', Date.now() + 60_000);
    expect(ledger.claimable(KEY, Date.now(), 0, 10).map((d) => d.id)).toEqual([b.id, c.id]);
    expect(ledger.nextRetryAt(KEY)).toBe(0);
    ledger.markSending(b.id, '<b@x>');
    ledger.markSent(b.id, '250 ok');
    ledger.markSending(c.id, '<c@x>');
    ledger.markFailed(c.id, '550 no');
    ledger.suppress(c.recipient.email.toUpperCase(), '550 no', 'test');
    expect(ledger.isSuppressed(c.recipient.email)).toBe(true);
    expect(ledger.counts(KEY)).toEqual({ queued: 1, sending: 0, sent: 1, failed: 1 });
    expect(ledger.nextRetryAt(KEY)).toBeGreaterThan(Date.now());
    expect(ledger.claimable(KEY, Date.now() + 61_000, 0, 10).map((d) => [d.id, d.attempts])).toEqual([[a.id, 1]]);
    ledger.close();
  });

  it('requeues rows a dead run left sending, and never claims a suppressed address', async () => {
    const { ledger } = fresh();
    await ledger.load(KEY, plain(people(3)));
    const [a, b] = ledger.claimable(KEY, Date.now(), 0, 10);
    if (!a || !b) throw new Error('rows');
    ledger.markSending(a.id, '<a@x>');
    ledger.suppress(b.recipient.email, 'unsubscribed', 'test');
    expect(ledger.requeueInterrupted(KEY)).toBe(1);
    expect(ledger.claimable(KEY, Date.now(), 0, 10).map((d) => d.id)).not.toContain(b.id);
    expect(ledger.suppressedQueued(KEY)).toEqual({ count: 1, examples: [b.recipient.email] });
    ledger.close();
  });

  it('drops the unsent rows of subscribers who left the list, but keeps the sent', async () => {
    const { ledger } = fresh();
    const list = people(4);
    await ledger.load(KEY, plain(list));
    ledger.finishLoad(KEY);
    const [a] = ledger.claimable(KEY, Date.now(), 0, 10);
    if (!a) throw new Error('rows');
    ledger.markSending(a.id, '<a@x>');
    ledger.markSent(a.id, '250');
    await ledger.load(KEY, plain(list.slice(2)));
    expect(ledger.finishLoad(KEY)).toBe(1); // reader002, unsent; reader001 was sent and stays
    expect(ledger.counts(KEY)).toEqual({ queued: 2, sending: 0, sent: 1, failed: 0 });
    expect(ledger.issue(KEY)?.loadedAt).toBeTruthy();
    ledger.close();
  });
});

describe('lockIssue', () => {
  it('lets one run hold an issue, names it to the next, and frees it on release', () => {
    const { ledger, file } = fresh();
    const held = lockIssue(ledger, KEY);
    const other = Ledger.open(file);
    let error: unknown;
    try {
      lockIssue(other, KEY);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GazetteError);
    expect((error as GazetteError).message).toMatch(new RegExp(`issue ${KEY} is being sent by process ${process.pid}, started \\d{4}-`));
    held.release();
    const next = lockIssue(other, KEY);
    expect(next.tookOverFrom).toBeNull();
    next.release();
    other.close();
    ledger.close();
  });

  it('takes over the lock of a process that is gone, but not one on another host', () => {
    const { ledger } = fresh();
    const insert = ledger.db.prepare('INSERT INTO locks (issue_key, token, pid, host, started_at) VALUES (?, ?, ?, ?, ?)');
    insert.run(KEY, 't', 2 ** 22 + 999, hostname(), '2026-11-30T08:00:00Z');
    const lock = lockIssue(ledger, KEY);
    expect(lock.tookOverFrom).toMatchObject({ pid: 2 ** 22 + 999 });
    lock.release();
    insert.run(KEY, 't', 2 ** 22 + 999, 'elsewhere.example', '2026-11-30T08:00:00Z');
    expect(() => lockIssue(ledger, KEY)).toThrow(/being sent by process \d+ on elsewhere\.example/);
    ledger.close();
  });
});
