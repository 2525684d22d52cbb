import type Database from 'better-sqlite3';

/**
 * The ledger's tables, as numbered migrations. A database records the
 * versions it has in `schema_migrations`; opening it applies the ones it
 * lacks, in order, each in its own transaction. To change the schema, append
 * a migration: never edit one that has shipped.
 *
 *   issues        one row per issue ("<list id>/<date>"): what was sent and when
 *   deliveries    one row per (issue, address key), in list order (`id`):
 *                 queued → sending → sent | failed, or back to queued for a retry
 *   suppressions  addresses never to send to (hard bounces; unsubscribes later)
 *   locks         the run that is sending an issue, so that two cannot overlap
 *   runs          one row per run, for the record
 *
 * Migration 2 makes the issues a series:
 *
 *   issues.number   1, 2, 3… per list, in the order the issues were created
 *                   (existing rows numbered by date)
 *   issue_articles  the articles an issue is made of, in order, with a hash
 *                   of each one's content, so that `send --new-only` knows
 *                   what has gone out and what was edited since
 *   issue_copies    the issue as the public archive shows it: the HTML and
 *                   text as `build` writes them (no subscriber's data), the
 *                   preheader and the digest as JSON
 *
 * Times are ISO 8601 text in UTC, except `next_attempt_at` (milliseconds
 * since the epoch, compared on every claim).
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE issues (
    key           TEXT PRIMARY KEY,
    list_id       TEXT NOT NULL,
    date          TEXT NOT NULL,
    subject       TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    date_header   TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'created' CHECK (status IN ('created', 'sending', 'stopped', 'finished')),
    loaded_at     TEXT,
    created_at    TEXT NOT NULL,
    started_at    TEXT,
    finished_at   TEXT
  );

  CREATE TABLE deliveries (
    id               INTEGER PRIMARY KEY,
    issue_key        TEXT NOT NULL REFERENCES issues (key),
    address_key      TEXT NOT NULL,
    email            TEXT NOT NULL,
    name             TEXT,
    fields           TEXT NOT NULL DEFAULT '{}',
    line             INTEGER,
    status           TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT,
    message_id       TEXT,
    response         TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    sent_at          TEXT,
    UNIQUE (issue_key, address_key)
  );
  CREATE INDEX deliveries_by_status ON deliveries (issue_key, status, id);

  CREATE TABLE suppressions (
    address_key  TEXT PRIMARY KEY,
    reason       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    source       TEXT NOT NULL
  );

  CREATE TABLE locks (
    issue_key   TEXT PRIMARY KEY,
    token       TEXT NOT NULL,
    pid         INTEGER NOT NULL,
    host        TEXT NOT NULL,
    started_at  TEXT NOT NULL
  );

  CREATE TABLE runs (
    id           INTEGER PRIMARY KEY,
    issue_key    TEXT NOT NULL REFERENCES issues (key),
    pid          INTEGER NOT NULL,
    host         TEXT NOT NULL,
    resumed      INTEGER NOT NULL,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    outcome      TEXT,
    sent         INTEGER NOT NULL DEFAULT 0,
    failed       INTEGER NOT NULL DEFAULT 0
  );
  `,
  `
  ALTER TABLE issues ADD COLUMN number INTEGER;
  UPDATE issues SET number = (
    SELECT COUNT(*) FROM issues AS earlier
    WHERE earlier.list_id = issues.list_id AND (earlier.date < issues.date OR (earlier.date = issues.date AND earlier.key <= issues.key))
  );
  CREATE UNIQUE INDEX issues_by_number ON issues (list_id, number);

  CREATE TABLE issue_articles (
    issue_key     TEXT NOT NULL REFERENCES issues (key),
    position      INTEGER NOT NULL,
    slug          TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    url           TEXT NOT NULL,
    title         TEXT NOT NULL,
    PRIMARY KEY (issue_key, position),
    UNIQUE (issue_key, slug)
  );
  CREATE INDEX issue_articles_by_slug ON issue_articles (slug);

  CREATE TABLE issue_copies (
    issue_key  TEXT PRIMARY KEY REFERENCES issues (key),
    preheader  TEXT NOT NULL,
    html       TEXT NOT NULL,
    text       TEXT NOT NULL,
    digest     TEXT NOT NULL
  );
  `,
];

/** Bring a database up to the latest schema; returns the version it is at. Safe when two processes open a new database at once. */
export function migrate(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const versionNow = db.prepare('SELECT MAX(version) AS v FROM schema_migrations');
  const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
  // Read and apply in one write transaction, so a second process waits and then finds the work done.
  const step = db.transaction((): boolean => {
    const current = (versionNow.get() as { v: number | null }).v ?? 0;
    if (current > MIGRATIONS.length) {
      throw new Error(`it is at schema version ${current}, newer than this gazette knows (${MIGRATIONS.length}): upgrade gazette`);
    }
    const sql = MIGRATIONS[current];
    if (sql === undefined) return false;
    db.exec(sql);
    record.run(current + 1, new Date().toISOString());
    return true;
  });
  while (step.immediate()) {
    // one migration per transaction
  }
  return MIGRATIONS.length;
}
