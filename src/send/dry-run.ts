import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Config } from '../config/schema.js';
import { GazetteError } from '../errors.js';
import type { IssueContent, DkimKey } from './index.js';
import { Ledger } from './ledger.js';
import { composeMessage, listIdOf, type IssueMessages } from './message.js';
import { duplicateCounter, emptySkipped, sendable, type Skipped } from './tally.js';
import type { SubscriberRow } from './types.js';

/**
 * `--dry-run DIR`: every message the send would make, as `.eml` files in
 * list order (`0001-ana_lopes_at_example.org.eml`), and nothing sent. The
 * same inputs give the same bytes: the Date header is the issue date at
 * 00:00 UTC. Duplicates are dropped as the send drops them, through a
 * scratch SQLite file in the temp folder (deleted after), so that 100,000
 * subscribers take no more memory than 1,000; the real ledger is not
 * touched, so suppressions are not applied.
 */

export interface DryRunOptions {
  config: Config;
  issue: IssueContent;
  date: string;
  subscribers: AsyncIterable<SubscriberRow>;
  /** Where the .eml files go (created; earlier dry-run files in it are replaced). */
  dir?: string;
  /** Instead of `dir`: where each message goes (the benchmark's discard sink). */
  sink?: (name: string, raw: Buffer) => void | Promise<void>;
  secret: string;
  dkim?: DkimKey;
}

export interface DryRunReport {
  dir: string | null;
  written: number;
  skipped: Skipped;
}

const PAGE = 500;
/** Files an earlier dry run wrote, replaced by this one. */
const DRY_RUN_FILE = /^\d{4,}-[a-z0-9._-]*\.eml$/;

export async function dryRun(options: DryRunOptions): Promise<DryRunReport> {
  const { config, dir, sink } = options;
  if (!dir && !sink) throw new GazetteError('USAGE', 'a dry run needs a folder to write to', { fix: 'pass --dry-run DIR' });
  const scratch = path.join(tmpdir(), `gazette-dry-run-${process.pid}-${randomBytes(6).toString('hex')}.db`);
  const ledger = Ledger.open(scratch, { scratch: true });
  try {
    const issueKey = `${listIdOf(config)}/${options.date}`;
    ledger.openIssue({
      key: issueKey,
      listId: listIdOf(config),
      date: options.date,
      subject: options.issue.digest.subject,
      contentHash: '',
      dateHeader: new Date(0),
    });
    const skipped = emptySkipped();
    const loaded = await ledger.load(issueKey, sendable(options.subscribers, skipped), duplicateCounter(skipped));
    const width = Math.max(4, String(loaded.added).length);
    const write = sink ?? (await folderSink(dir ?? '.'));
    const messages: IssueMessages = {
      config,
      digest: options.issue.digest,
      template: options.issue.template,
      issueKey,
      listId: listIdOf(config),
      date: new Date(`${options.date}T00:00:00Z`),
      secret: options.secret,
      dkim: options.dkim,
    };
    let written = 0;
    for (let cursor = 0, page = ledger.claimable(issueKey, 0, 0, PAGE); page.length > 0; page = ledger.claimable(issueKey, 0, cursor, PAGE)) {
      for (const row of page) {
        const { raw } = await composeMessage(messages, row.recipient);
        written++;
        await write(`${String(written).padStart(width, '0')}-${fileNameOf(row.recipient.email)}.eml`, raw);
        cursor = row.id;
      }
    }
    return { dir: sink ? null : path.resolve(dir ?? '.'), written, skipped };
  } finally {
    ledger.close();
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${scratch}${suffix}`, { force: true });
  }
}

/** A folder emptied of an earlier dry run's files, and a writer into it. */
async function folderSink(dir: string): Promise<(name: string, raw: Buffer) => Promise<void>> {
  try {
    await mkdir(dir, { recursive: true });
    for (const name of await readdir(dir)) if (DRY_RUN_FILE.test(name)) await rm(path.join(dir, name), { force: true });
  } catch (cause) {
    throw new GazetteError('WRITE_FAILED', `cannot write the dry run to ${dir} (${cause instanceof Error ? cause.message : String(cause)})`, {
      fix: 'pass --dry-run a folder you can write to',
      cause,
    });
  }
  return async (name, raw) => {
    try {
      await writeFile(path.join(dir, name), raw);
    } catch (cause) {
      throw new GazetteError('WRITE_FAILED', `cannot write ${path.join(dir, name)} (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
    }
  };
}

/** `Ana.Lopes@Example.org` → `ana_lopes_at_example.org`: readable, and safe on every file system. */
export function fileNameOf(email: string): string {
  const lower = email.toLowerCase();
  const at = lower.lastIndexOf('@');
  const local = lower.slice(0, at).replace(/[^a-z0-9]+/g, '_');
  const domain = lower.slice(at + 1).replace(/[^a-z0-9.-]+/g, '_');
  return `${local}_at_${domain}`.slice(0, 120);
}
