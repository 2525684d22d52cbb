import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ArchivedIssue } from '../archive/types.js';
import { GazetteError } from '../errors.js';
import type { Recipient } from '../render/personal.js';
import { seriesStatus, type SeriesStatus } from '../series/status.js';
import type { Digest } from '../types.js';
import { addressKey } from './address.js';
import { isLockLive } from './lock.js';
import { migrate } from './schema.js';

/**
 * The send ledger: which subscriber has been sent which issue, in SQLite.
 *
 * The one rule everything else rests on: a delivery is marked `sending`, and
 * that is committed, before its SMTP transaction starts; it is marked `sent`
 * only after the server's 250. So a crash can leave a row `sending` (the
 * message may or may not have arrived) but never skips anyone, and a row is
 * never `sent` unless the server took the message.
 *
 * WAL with `synchronous = NORMAL`: every commit survives the process being
 * killed (the WAL is in the OS's cache); only a power cut or kernel crash can
 * lose the last few, which at worst sends those messages again.
 */

export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed';
export type IssueStatus = 'created' | 'sending' | 'stopped' | 'finished';

export interface IssueRecord {
  key: string;
  listId: string;
  /** 1, 2, 3… per list, in the order the issues were created. */
  number: number;
  date: string;
  subject: string;
  contentHash: string;
  /** The Date header of every message of the issue, fixed when it was created so that a resend is the same bytes. */
  dateHeader: Date;
  status: IssueStatus;
  /** When a run last read the whole subscriber list into the ledger; null if none has. */
  loadedAt: string | null;
}

/** A delivery as the sender needs it. */
export interface Delivery {
  id: number;
  addressKey: string;
  recipient: Recipient;
  line: number | null;
  attempts: number;
}

export interface NewIssue {
  key: string;
  listId: string;
  date: string;
  subject: string;
  contentHash: string;
  dateHeader: Date;
  /** Its number in the series; the list's next one when not given. */
  number?: number;
  /** The articles it is made of, in order. */
  articles?: readonly IssueArticle[];
  /** What the public archive shows of it. */
  copy?: IssueCopy;
}

/** One article of an issue, as the series remembers it. */
export interface IssueArticle {
  slug: string;
  /** See articleHash(): what tells an edited article from the one that was sent. */
  contentHash: string;
  url: string;
  title: string;
}

/** An issue as a reader who is nobody in particular sees it: what `build` writes, and what the archive shows. */
export interface IssueCopy {
  preheader: string;
  html: string;
  text: string;
  digest: Digest;
}

/** One issue of the series, for `gazette issues`. */
export interface SeriesEntry {
  key: string;
  number: number;
  date: string;
  subject: string;
  status: SeriesStatus;
  /** Articles recorded for it (0 for an issue sent before gazette recorded them). */
  articles: number;
  sent: number;
  failed: number;
  /** Not yet sent: queued, or in flight when a run died. */
  queued: number;
  /** Queued rows whose address is suppressed: they will not be sent. */
  suppressed: number;
  createdAt: string;
  finishedAt: string | null;
}

/** Where an article last went out: the newest issue of the list that included it. */
export interface Inclusion {
  contentHash: string;
  number: number;
  date: string;
}

export interface Suppression {
  /** The address as the ledger keys it (see addressKey). */
  address: string;
  reason: string;
  source: string;
  createdAt: string;
}

export interface LoadCounts {
  /** Rows added to the issue by this load. */
  added: number;
  /** Rows the issue already had from an earlier run. */
  known: number;
  /** Rows whose address came earlier in the same list. */
  duplicates: number;
}

/** Rows per write transaction while loading a list: large enough to be fast, small enough to keep memory flat. */
const LOAD_BATCH = 1000;

interface IssueRow {
  key: string;
  list_id: string;
  number: number;
  date: string;
  subject: string;
  content_hash: string;
  date_header: string;
  status: IssueStatus;
  loaded_at: string | null;
}

interface DeliveryRow {
  id: number;
  address_key: string;
  email: string;
  name: string | null;
  fields: string;
  line: number | null;
  attempts: number;
}

export class Ledger {
  readonly db: Database.Database;
  readonly file: string;
  private readonly statements: ReturnType<typeof prepare>;

  private constructor(db: Database.Database, file: string) {
    this.db = db;
    this.file = file;
    this.statements = prepare(db);
  }

  /**
   * Open (creating it and its folder if need be) the ledger at `file`.
   * `scratch` is for a throwaway ledger (the dry run's): no journal to
   * speak of, no syncing.
   */
  static open(file: string, options: { scratch?: boolean } = {}): Ledger {
    let db: Database.Database | undefined;
    try {
      mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      db = new Database(file);
      if (options.scratch) {
        db.pragma('journal_mode = MEMORY');
        db.pragma('synchronous = OFF');
      } else {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
      }
      db.pragma('busy_timeout = 10000');
      db.pragma('foreign_keys = ON');
      migrate(db);
      db.exec('CREATE TEMP TABLE IF NOT EXISTS seen (address_key TEXT PRIMARY KEY, line INTEGER)');
      return new Ledger(db, file);
    } catch (cause) {
      db?.close();
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new GazetteError('STATE_FAILED', `cannot open the send ledger (${reason})`, {
        file,
        fix: 'pass --state with a writable path for the SQLite file (default .gazette/state.db)',
        cause,
      });
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // ------------------------------------------------------------ issues

  issue(key: string): IssueRecord | undefined {
    const row = this.statements.issue.get(key) as IssueRow | undefined;
    return row && issueOf(row);
  }

  /**
   * The issue, created with these values if it is new: with its number (the
   * list's next unless given), its articles and its archive copy, all in one
   * transaction.
   */
  openIssue(issue: NewIssue): { issue: IssueRecord; created: boolean } {
    const create = this.db.transaction((): boolean => {
      const now = new Date().toISOString();
      const number = issue.number ?? this.nextNumber(issue.listId);
      const created =
        this.statements.createIssue.run(issue.key, issue.listId, number, issue.date, issue.subject, issue.contentHash, issue.dateHeader.toISOString(), now)
          .changes === 1;
      if (created) this.writeSeriesData(issue.key, issue.articles, issue.copy);
      return created;
    });
    let created: boolean;
    try {
      created = create.immediate();
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
      throw new GazetteError('SEND_LOCKED', `another run created issue ${String(issue.number)} of ${issue.listId} at the same time as ${issue.key}`, {
        fix: 'run again: it will take the next number',
      });
    }
    const record = this.issue(issue.key);
    if (!record) throw new Error(`issue ${issue.key} vanished from the ledger`);
    return { issue: record, created };
  }

  /** The number the list's next issue gets. */
  nextNumber(listId: string): number {
    return (this.statements.nextNumber.get(listId) as { n: number }).n;
  }

  /**
   * Take new content for an issue nobody has been sent yet (an article fixed
   * after a failed start), with its articles and archive copy when given.
   */
  replaceContent(key: string, subject: string, contentHash: string, series: { articles?: readonly IssueArticle[]; copy?: IssueCopy } = {}): void {
    this.db.transaction(() => {
      this.statements.replaceContent.run(subject, contentHash, key);
      this.writeSeriesData(key, series.articles, series.copy);
    })();
  }

  /** Articles and an archive copy for an issue that has none (one created before the ledger kept them). */
  completeSeriesData(key: string, articles: readonly IssueArticle[] | undefined, copy: IssueCopy | undefined): void {
    this.db.transaction(() => {
      const hasArticles = this.statements.issueArticles.get(key) !== undefined;
      const hasCopy = this.statements.hasCopy.get(key) !== undefined;
      this.writeSeriesData(key, hasArticles ? undefined : articles, hasCopy ? undefined : copy);
    })();
  }

  private writeSeriesData(key: string, articles: readonly IssueArticle[] | undefined, copy: IssueCopy | undefined): void {
    if (articles) {
      this.statements.deleteArticles.run(key);
      articles.forEach((a, i) => this.statements.insertArticle.run(key, i + 1, a.slug, a.contentHash, a.url, a.title));
    }
    if (copy) this.statements.saveCopy.run(key, copy.preheader, copy.html, copy.text, JSON.stringify(copy.digest));
  }

  // ------------------------------------------------------------ the series

  /** The articles of an issue, in order; empty for an issue made before gazette recorded them. */
  issueArticles(key: string): IssueArticle[] {
    return (this.statements.issueArticles.all(key) as ArticleRow[]).map(articleOf);
  }

  /**
   * For every article slug that an issue of the list (other than `exceptKey`)
   * sent: the newest such issue, and the article's hash then. An issue that
   * never went to anyone (the relay was down, the confirmation declined)
   * does not count, so its articles go in the next one.
   */
  inclusions(listId: string, exceptKey: string): Map<string, Inclusion> {
    const included = new Map<string, Inclusion>();
    for (const row of this.statements.inclusions.all(listId, exceptKey) as { slug: string; content_hash: string; number: number; date: string }[]) {
      if (!included.has(row.slug)) included.set(row.slug, { contentHash: row.content_hash, number: row.number, date: row.date });
    }
    return included;
  }

  /** The newest issue of the list by number, other than `exceptKey`, that went to anyone. */
  latestIssue(listId: string, exceptKey = ''): { key: string; number: number; date: string } | undefined {
    return this.statements.latestIssue.get(listId, exceptKey) as { key: string; number: number; date: string } | undefined;
  }

  /** The issues of a list, oldest first, with their status and counts. */
  series(listId: string): SeriesEntry[] {
    const rows = this.statements.series.all(listId) as SeriesRow[];
    return rows.map((row) => {
      const lock = this.statements.lockOf.get(row.key) as { pid: number; host: string } | undefined;
      const queued = row.queued - row.suppressed;
      return {
        key: row.key,
        number: row.number,
        date: row.date,
        subject: row.subject,
        status: seriesStatus({ stored: row.status, locked: lock !== undefined && isLockLive(lock), sent: row.sent, failed: row.failed, left: queued }),
        articles: row.articles,
        sent: row.sent,
        failed: row.failed,
        queued,
        suppressed: row.suppressed,
        createdAt: row.created_at,
        finishedAt: row.finished_at,
      };
    });
  }

  /** The list names the ledger has issues for, for a ledger shared by several lists. */
  listIds(): string[] {
    return (this.statements.listIds.all() as { list_id: string }[]).map((r) => r.list_id);
  }

  /**
   * The public archive: issues of the list that went to at least one
   * subscriber, newest first, as nobody in particular sees them. Issues sent
   * before gazette kept archive copies are left out.
   */
  archivedIssues(listId: string): ArchivedIssue[] {
    return (this.statements.archived.all(listId) as ArchivedRow[]).map((row) => this.archivedOf(row));
  }

  archivedIssue(listId: string, number: number): ArchivedIssue | undefined {
    const row = this.statements.archivedOne.get(listId, number) as ArchivedRow | undefined;
    return row && this.archivedOf(row);
  }

  private archivedOf(row: ArchivedRow): ArchivedIssue {
    return {
      number: row.number,
      date: row.date,
      subject: row.subject,
      preheader: row.preheader,
      html: row.html,
      text: row.text,
      sentAt: row.status === 'finished' ? row.finished_at : null,
      articles: this.issueArticles(row.key).map(({ slug, title, url }) => ({ slug, title, url })),
    };
  }

  setIssueStatus(key: string, status: IssueStatus): void {
    const now = new Date().toISOString();
    if (status === 'sending') this.statements.issueStarted.run(now, key);
    else if (status === 'finished') this.statements.issueFinished.run(now, key);
    else this.statements.issueStatus.run(status, key);
  }

  /**
   * Other issues of the list that went to some subscribers and still have
   * others to send to, newest first. One that never went to anyone is not
   * unfinished but abandoned: `send --new-only` puts its articles in the next.
   */
  unfinishedIssues(listId: string, exceptKey: string): { key: string; date: string; left: number }[] {
    return this.statements.unfinished.all(listId, exceptKey) as { key: string; date: string; left: number }[];
  }

  // ------------------------------------------------------------ loading

  /**
   * Read a list into the issue's deliveries as `queued`, in batched
   * transactions. A duplicate (same address key as an earlier row of the
   * list) and a subscriber the issue already has are no-ops. `onRow` sees
   * each row's fate, for the report.
   */
  async load(
    issueKey: string,
    subscribers: AsyncIterable<{ line: number; subscriber: Recipient }>,
    onDuplicate: (line: number, email: string, firstLine: number) => void = () => undefined,
  ): Promise<LoadCounts> {
    const counts: LoadCounts = { added: 0, known: 0, duplicates: 0 };
    const { insertSeen, seenLine, insertDelivery } = this.statements;
    this.db.exec('DELETE FROM temp.seen');
    const write = this.db.transaction((batch: readonly { line: number; subscriber: Recipient }[]) => {
      const now = new Date().toISOString();
      for (const { line, subscriber } of batch) {
        const key = addressKey(subscriber.email);
        if (insertSeen.run(key, line).changes === 0) {
          counts.duplicates++;
          onDuplicate(line, subscriber.email, (seenLine.get(key) as { line: number } | undefined)?.line ?? 0);
          continue;
        }
        const added = insertDelivery.run(issueKey, key, subscriber.email, subscriber.name, JSON.stringify(subscriber.fields), line, now, now).changes === 1;
        if (added) counts.added++;
        else counts.known++;
      }
    });
    let batch: { line: number; subscriber: Recipient }[] = [];
    for await (const row of subscribers) {
      batch.push(row);
      if (batch.length >= LOAD_BATCH) {
        write(batch);
        batch = [];
      }
    }
    write(batch);
    return counts;
  }

  /**
   * After a whole list was read: drop the issue's unsent rows whose address
   * is no longer in it (they left the list since the last run), and note
   * that the list is loaded. Returns how many were dropped.
   */
  finishLoad(issueKey: string): number {
    return this.db
      .transaction(() => {
        const dropped = this.statements.dropUnlisted.run(issueKey).changes;
        this.statements.issueLoaded.run(new Date().toISOString(), issueKey);
        return dropped;
      })
      .immediate();
  }

  // ------------------------------------------------------------ state

  counts(issueKey: string): Record<DeliveryStatus, number> {
    const counts: Record<DeliveryStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
    for (const row of this.statements.counts.all(issueKey) as { status: DeliveryStatus; n: number }[]) counts[row.status] = row.n;
    return counts;
  }

  /** Queued rows that a suppression keeps from being sent, with a few of their addresses. */
  suppressedQueued(issueKey: string, examples = 3): { count: number; examples: string[] } {
    const count = (this.statements.suppressedCount.get(issueKey) as { n: number }).n;
    const rows = count === 0 ? [] : (this.statements.suppressedExamples.all(issueKey, examples) as { email: string }[]);
    return { count, examples: rows.map((r) => r.email) };
  }

  /** Rows to send: queued, due, not suppressed, in list order after `afterId`. */
  claimable(issueKey: string, now: number, afterId: number, limit: number): Delivery[] {
    return (this.statements.claimable.all(issueKey, now, afterId, limit) as DeliveryRow[]).map(deliveryOf);
  }

  /** When the next queued row waiting for a retry is due (ms since the epoch), or null when none waits. */
  nextRetryAt(issueKey: string): number | null {
    return (this.statements.nextRetry.get(issueKey) as { at: number | null }).at;
  }

  /** Rows left `sending` by a run that died: back to `queued`, to be sent again. Returns how many. */
  requeueInterrupted(issueKey: string): number {
    return this.statements.requeueInterrupted.run(new Date().toISOString(), issueKey).changes;
  }

  // ------------------------------------------------------------ one delivery

  /** Committed before the SMTP transaction starts. */
  markSending(id: number, messageId: string): void {
    const changed = this.statements.markSending.run(messageId, new Date().toISOString(), id).changes;
    if (changed !== 1) throw new Error(`delivery ${id} was not queued when it was about to be sent`);
  }

  /** After the server's 250. */
  markSent(id: number, response: string): void {
    const now = new Date().toISOString();
    this.statements.markSent.run(response, now, now, id);
  }

  /** A transient failure: queued again, due at `nextAttemptAt`. */
  markRetry(id: number, error: string, nextAttemptAt: number): void {
    this.statements.markRetry.run(nextAttemptAt, error, new Date().toISOString(), id);
  }

  /** A permanent failure, or the last attempt of transient ones. */
  markFailed(id: number, error: string): void {
    this.statements.markFailed.run(error, new Date().toISOString(), id);
  }

  /** Nothing reached the server (the run stopped on an auth or TLS error): queued again, the attempt not counted. */
  markUnsent(id: number, error: string): void {
    this.statements.markUnsent.run(error, new Date().toISOString(), id);
  }

  // ------------------------------------------------------------ suppressions

  /** Never send to this address again; false when it already was suppressed (the first reason stays). */
  suppress(email: string, reason: string, source: string): boolean {
    return this.statements.suppress.run(addressKey(email), reason, new Date().toISOString(), source).changes === 1;
  }

  /** Lift a suppression; false when the address was not suppressed. */
  unsuppress(email: string): boolean {
    return this.statements.unsuppress.run(addressKey(email)).changes === 1;
  }

  isSuppressed(email: string): boolean {
    return this.statements.isSuppressed.get(addressKey(email)) !== undefined;
  }

  suppression(email: string): Suppression | undefined {
    const row = this.statements.suppression.get(addressKey(email)) as SuppressionRow | undefined;
    return row && suppressionOf(row);
  }

  /** Every suppressed address, oldest first. */
  suppressions(): Suppression[] {
    return (this.statements.suppressions.all() as SuppressionRow[]).map(suppressionOf);
  }

  // ------------------------------------------------------------ runs

  startRun(issueKey: string, pid: number, host: string, resumed: boolean): number {
    return Number(this.statements.startRun.run(issueKey, pid, host, resumed ? 1 : 0, new Date().toISOString()).lastInsertRowid);
  }

  finishRun(id: number, outcome: string, sent: number, failed: number): void {
    this.statements.finishRun.run(new Date().toISOString(), outcome, sent, failed, id);
  }
}

/** An issue that anyone has been sent, or that a send was attempted for: what "went out" means to the series. */
const STARTED = "EXISTS (SELECT 1 FROM deliveries d WHERE d.issue_key = i.key AND d.status IN ('sent', 'failed', 'sending'))";

function prepare(db: Database.Database) {
  return {
    issue: db.prepare('SELECT key, list_id, number, date, subject, content_hash, date_header, status, loaded_at FROM issues WHERE key = ?'),
    createIssue: db.prepare(
      'INSERT OR IGNORE INTO issues (key, list_id, number, date, subject, content_hash, date_header, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    nextNumber: db.prepare('SELECT COALESCE(MAX(number), 0) + 1 AS n FROM issues WHERE list_id = ?'),
    deleteArticles: db.prepare('DELETE FROM issue_articles WHERE issue_key = ?'),
    insertArticle: db.prepare('INSERT INTO issue_articles (issue_key, position, slug, content_hash, url, title) VALUES (?, ?, ?, ?, ?, ?)'),
    saveCopy: db.prepare('INSERT OR REPLACE INTO issue_copies (issue_key, preheader, html, text, digest) VALUES (?, ?, ?, ?, ?)'),
    hasCopy: db.prepare('SELECT 1 FROM issue_copies WHERE issue_key = ?'),
    issueArticles: db.prepare('SELECT slug, content_hash, url, title FROM issue_articles WHERE issue_key = ? ORDER BY position'),
    inclusions: db.prepare(
      `SELECT a.slug, a.content_hash, i.number, i.date FROM issue_articles a JOIN issues i ON i.key = a.issue_key
       WHERE i.list_id = ? AND i.key <> ? AND ${STARTED} ORDER BY i.number DESC, a.position`,
    ),
    latestIssue: db.prepare(`SELECT key, number, date FROM issues i WHERE list_id = ? AND key <> ? AND ${STARTED} ORDER BY number DESC LIMIT 1`),
    series: db.prepare(
      `SELECT i.key, i.number, i.date, i.subject, i.status, i.created_at, i.finished_at,
         (SELECT COUNT(*) FROM issue_articles a WHERE a.issue_key = i.key) AS articles,
         (SELECT COUNT(*) FROM deliveries d WHERE d.issue_key = i.key AND d.status = 'sent') AS sent,
         (SELECT COUNT(*) FROM deliveries d WHERE d.issue_key = i.key AND d.status = 'failed') AS failed,
         (SELECT COUNT(*) FROM deliveries d WHERE d.issue_key = i.key AND d.status IN ('queued', 'sending')) AS queued,
         (SELECT COUNT(*) FROM deliveries d JOIN suppressions s ON s.address_key = d.address_key
           WHERE d.issue_key = i.key AND d.status IN ('queued', 'sending')) AS suppressed
       FROM issues i WHERE i.list_id = ? ORDER BY i.number`,
    ),
    lockOf: db.prepare('SELECT pid, host FROM locks WHERE issue_key = ?'),
    listIds: db.prepare('SELECT DISTINCT list_id FROM issues ORDER BY list_id'),
    archived: db.prepare(
      `SELECT i.key, i.number, i.date, i.subject, i.status, i.finished_at, c.preheader, c.html, c.text FROM issues i JOIN issue_copies c ON c.issue_key = i.key
       WHERE i.list_id = ? AND EXISTS (SELECT 1 FROM deliveries d WHERE d.issue_key = i.key AND d.status = 'sent') ORDER BY i.number DESC`,
    ),
    archivedOne: db.prepare(
      `SELECT i.key, i.number, i.date, i.subject, i.status, i.finished_at, c.preheader, c.html, c.text FROM issues i JOIN issue_copies c ON c.issue_key = i.key
       WHERE i.list_id = ? AND i.number = ? AND EXISTS (SELECT 1 FROM deliveries d WHERE d.issue_key = i.key AND d.status = 'sent')`,
    ),
    replaceContent: db.prepare('UPDATE issues SET subject = ?, content_hash = ? WHERE key = ?'),
    issueStarted: db.prepare("UPDATE issues SET status = 'sending', started_at = COALESCE(started_at, ?) WHERE key = ?"),
    issueFinished: db.prepare("UPDATE issues SET status = 'finished', finished_at = ? WHERE key = ?"),
    issueStatus: db.prepare('UPDATE issues SET status = ? WHERE key = ?'),
    issueLoaded: db.prepare('UPDATE issues SET loaded_at = ? WHERE key = ?'),
    unfinished: db.prepare(
      `SELECT i.key, i.date, COUNT(*) AS "left" FROM issues i JOIN deliveries d ON d.issue_key = i.key AND d.status IN ('queued', 'sending')
       WHERE i.list_id = ? AND i.key <> ? AND ${STARTED} GROUP BY i.key ORDER BY i.date DESC LIMIT 5`,
    ),
    insertSeen: db.prepare('INSERT OR IGNORE INTO temp.seen (address_key, line) VALUES (?, ?)'),
    seenLine: db.prepare('SELECT line FROM temp.seen WHERE address_key = ?'),
    insertDelivery: db.prepare(
      'INSERT OR IGNORE INTO deliveries (issue_key, address_key, email, name, fields, line, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    dropUnlisted: db.prepare(
      "DELETE FROM deliveries WHERE issue_key = ? AND status IN ('queued', 'sending') AND address_key NOT IN (SELECT address_key FROM temp.seen)",
    ),
    counts: db.prepare('SELECT status, COUNT(*) AS n FROM deliveries WHERE issue_key = ? GROUP BY status'),
    suppressedCount: db.prepare(
      "SELECT COUNT(*) AS n FROM deliveries d JOIN suppressions s ON s.address_key = d.address_key WHERE d.issue_key = ? AND d.status = 'queued'",
    ),
    suppressedExamples: db.prepare(
      "SELECT d.email FROM deliveries d JOIN suppressions s ON s.address_key = d.address_key WHERE d.issue_key = ? AND d.status = 'queued' ORDER BY d.id LIMIT ?",
    ),
    claimable: db.prepare(
      `SELECT id, address_key, email, name, fields, line, attempts FROM deliveries
       WHERE issue_key = ? AND status = 'queued' AND next_attempt_at <= ? AND id > ?
         AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.address_key = deliveries.address_key)
       ORDER BY id LIMIT ?`,
    ),
    nextRetry: db.prepare(
      `SELECT MIN(next_attempt_at) AS at FROM deliveries
       WHERE issue_key = ? AND status = 'queued'
         AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.address_key = deliveries.address_key)`,
    ),
    requeueInterrupted: db.prepare("UPDATE deliveries SET status = 'queued', next_attempt_at = 0, updated_at = ? WHERE issue_key = ? AND status = 'sending'"),
    markSending: db.prepare(
      "UPDATE deliveries SET status = 'sending', attempts = attempts + 1, message_id = ?, updated_at = ? WHERE id = ? AND status = 'queued'",
    ),
    markSent: db.prepare("UPDATE deliveries SET status = 'sent', response = ?, last_error = NULL, sent_at = ?, updated_at = ? WHERE id = ?"),
    markRetry: db.prepare("UPDATE deliveries SET status = 'queued', next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?"),
    markFailed: db.prepare("UPDATE deliveries SET status = 'failed', last_error = ?, updated_at = ? WHERE id = ?"),
    markUnsent: db.prepare("UPDATE deliveries SET status = 'queued', attempts = MAX(attempts - 1, 0), last_error = ?, updated_at = ? WHERE id = ?"),
    suppress: db.prepare('INSERT OR IGNORE INTO suppressions (address_key, reason, created_at, source) VALUES (?, ?, ?, ?)'),
    unsuppress: db.prepare('DELETE FROM suppressions WHERE address_key = ?'),
    isSuppressed: db.prepare('SELECT 1 FROM suppressions WHERE address_key = ?'),
    suppression: db.prepare('SELECT address_key, reason, source, created_at FROM suppressions WHERE address_key = ?'),
    suppressions: db.prepare('SELECT address_key, reason, source, created_at FROM suppressions ORDER BY created_at, address_key'),
    startRun: db.prepare('INSERT INTO runs (issue_key, pid, host, resumed, started_at) VALUES (?, ?, ?, ?, ?)'),
    finishRun: db.prepare('UPDATE runs SET finished_at = ?, outcome = ?, sent = ?, failed = ? WHERE id = ?'),
  };
}

interface ArticleRow {
  slug: string;
  content_hash: string;
  url: string;
  title: string;
}

interface SeriesRow {
  key: string;
  number: number;
  date: string;
  subject: string;
  status: IssueStatus;
  created_at: string;
  finished_at: string | null;
  articles: number;
  sent: number;
  failed: number;
  queued: number;
  suppressed: number;
}

interface ArchivedRow {
  key: string;
  number: number;
  date: string;
  subject: string;
  status: IssueStatus;
  finished_at: string | null;
  preheader: string;
  html: string;
  text: string;
}

interface SuppressionRow {
  address_key: string;
  reason: string;
  source: string;
  created_at: string;
}

function articleOf(row: ArticleRow): IssueArticle {
  return { slug: row.slug, contentHash: row.content_hash, url: row.url, title: row.title };
}

function suppressionOf(row: SuppressionRow): Suppression {
  return { address: row.address_key, reason: row.reason, source: row.source, createdAt: row.created_at };
}

function issueOf(row: IssueRow): IssueRecord {
  return {
    key: row.key,
    listId: row.list_id,
    number: row.number,
    date: row.date,
    subject: row.subject,
    contentHash: row.content_hash,
    dateHeader: new Date(row.date_header),
    status: row.status,
    loadedAt: row.loaded_at,
  };
}

function deliveryOf(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    addressKey: row.address_key,
    recipient: { email: row.email, name: row.name, fields: JSON.parse(row.fields) as Record<string, string> },
    line: row.line,
    attempts: row.attempts,
  };
}
