import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Config } from '../config/schema.js';
import { GazetteError } from '../errors.js';
import { replaceFolder } from '../files/replace-folder.js';
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
  /** Where the .eml files go: the folder is replaced whole, and refused if it holds anything but an earlier dry run's files. */
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
  const { dir, sink } = options;
  if (sink) return { dir: null, ...(await writeMessages(options, sink)) };
  if (!dir) throw new GazetteError('USAGE', 'a dry run needs a folder to write to', { fix: 'pass --dry-run DIR' });
  // Written as a new folder and swapped in whole: a run that fails halfway leaves the earlier dry run as it was.
  const counts = await replaceFolder(dir, (staging) => writeMessages(options, (name, raw) => staging.write(name, raw)), {
    what: 'the dry run',
    elsewhere: 'pass --dry-run another folder',
    owns: (name, isFolder) => !isFolder && DRY_RUN_FILE.test(name),
  });
  return { dir: path.resolve(dir), ...counts };
}

/** Compose every message of the issue in list order and hand each to `write`. */
async function writeMessages(options: DryRunOptions, write: (name: string, raw: Buffer) => unknown): Promise<Omit<DryRunReport, 'dir'>> {
  const { config } = options;
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
    return { written, skipped };
  } finally {
    ledger.close();
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${scratch}${suffix}`, { force: true });
  }
}

/** `Ana.Lopes@Example.org` → `ana_lopes_at_example.org`: readable, and safe on every file system. */
export function fileNameOf(email: string): string {
  const lower = email.toLowerCase();
  const at = lower.lastIndexOf('@');
  const local = lower.slice(0, at).replace(/[^a-z0-9]+/g, '_');
  const domain = lower.slice(at + 1).replace(/[^a-z0-9.-]+/g, '_');
  return `${local}_at_${domain}`.slice(0, 120);
}
