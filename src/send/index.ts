import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config/schema.js';
import { GazetteError } from '../errors.js';
import { genericValues, personalise, type PersonalTemplate, type Recipient } from '../render/personal.js';
import { unsubscribeUrlOf } from '../render/view.js';
import type { Digest } from '../types.js';
import { Ledger, type DeliveryStatus, type IssueArticle, type IssueCopy, type IssueRecord, type LoadCounts } from './ledger.js';
import { lockIssue, type LockHolder } from './lock.js';
import { composeMessage, listIdOf, type ComposedMessage, type IssueMessages } from './message.js';
import { Secrets } from './secrets.js';
import { runSender, type Deliver, type FailureGroup, type SenderResult, type StopReason } from './sender.js';
import { duplicateCounter, emptySkipped, sendable, type Skipped } from './tally.js';
import { openRelay, type Relay, type SmtpSettings } from './transport.js';
import type { SubscriberRow } from './types.js';

/**
 * Sending an issue to a subscriber list, through the ledger:
 *
 *   lock      the issue, so that no other run sends it at the same time
 *   load      the list into the ledger as `queued` (not with `resume`)
 *   check     the relay (connect, TLS, login) before anyone is sent anything
 *   confirm   above `confirmAbove` addresses, when a `confirm` is given
 *   send      runSender(), until done or stopped
 *
 * The CLI's `gazette send` is this plus printing; see dry-run.ts for
 * `--dry-run` and sendTestMessage() for `--test`.
 */

/** The rendered issue: what every message shares. */
export interface IssueContent {
  digest: Digest;
  template: PersonalTemplate;
}

export type DkimKey = NonNullable<IssueMessages['dkim']>;

export interface SendIssueOptions {
  config: Config;
  issue: IssueContent;
  /** The issue date, YYYY-MM-DD: with the List-Id, it names the issue in the ledger. */
  date: string;
  /** The SQLite ledger, created with its folder if need be. */
  statePath: string;
  /**
   * The issue's number in the series, as the template was rendered with it
   * (its archive link); a new issue takes the list's next number when not
   * given. See planNewIssue() and planFullIssue().
   */
  number?: number;
  /** The articles the issue is made of, recorded with it so that `send --new-only` knows what has gone out. */
  articles?: readonly IssueArticle[];
  /** The list, streamed; not read with `resume`. */
  subscribers?: AsyncIterable<SubscriberRow>;
  /** Carry on with the subscribers the ledger has, without reading the list again. */
  resume?: boolean;
  smtp: SmtpSettings;
  /** For the unsubscribe tokens (GAZETTE_UNSUBSCRIBE_SECRET). */
  secret: string;
  dkim?: DkimKey;
  /** Defaults: the config's `send`. */
  rate?: number;
  concurrency?: number;
  /** Attempts per subscriber for transient failures (default 5). */
  maxAttempts?: number;
  /** The first retry's delay in ms (default 5,000), doubled for each further one. */
  retryBaseMs?: number;
  /** Aborting stops the run after what is in flight (SIGINT, SIGTERM). */
  signal?: AbortSignal;
  /** Asked before a send to more than `config.send.confirmAbove` addresses; false sends nothing. */
  confirm?: (question: { count: number; subject: string; issueKey: string }) => Promise<boolean> | boolean;
  onProgress?: (progress: SendProgress) => void;
  /** Sends through this instead of an SMTP pool built from `smtp` (for tests and benchmarks). */
  deliver?: Deliver;
  /** Builds each message instead of composeMessage (for a benchmark of the ledger alone, with messages built beforehand). */
  compose?: (recipient: Recipient) => Promise<ComposedMessage>;
}

export interface SendProgress {
  sent: number;
  failed: number;
  deferred: number;
  inFlight: number;
  /** Messages this run set out to send. */
  total: number;
  elapsedMs: number;
}

export type SendOutcome = 'completed' | 'stopped' | 'declined';

export interface SendReport {
  issueKey: string;
  /** The issue's number in the series. */
  number: number;
  subject: string;
  resumed: boolean;
  outcome: SendOutcome;
  stop: StopReason | null;
  /** This run's. */
  sent: number;
  failed: number;
  failures: FailureGroup[];
  /** Addresses this run added to the suppression list (550, 551, 553). */
  newlySuppressed: number;
  /** The list as loaded; null with `resume`. */
  loaded: LoadCounts | null;
  skipped: Skipped & {
    suppressed: { count: number; examples: string[] };
    /** Unsent subscribers of an earlier run who are no longer in the list. */
    unlisted: number;
  };
  /** Rows a dead run left `sending`, sent again: these subscribers may have the issue twice. */
  resentAfterCrash: number;
  /** The issue's deliveries after the run. */
  totals: Record<DeliveryStatus, number>;
  /** A dead run's lock this run took over. */
  tookOverFrom: LockHolder | null;
  /** Other issues of the list left with subscribers not sent to (a send that stopped and was never resumed). */
  unfinished: { key: string; date: string; left: number }[];
  durationMs: number;
  /** Messages sent per second by this run. */
  rate: number;
}

const DEFAULT_ATTEMPTS = 5;
const DEFAULT_RETRY_BASE_MS = 5_000;

/** The issue's name in the ledger: the list and the date. */
export function issueKeyOf(config: Config, date: string): string {
  return `${listIdOf(config)}/${date}`;
}

/** What a resend must match: the subject and the rendered template, holes and all. */
export function contentHashOf(issue: IssueContent): string {
  return createHash('sha256')
    .update(JSON.stringify({ subject: issue.digest.subject, template: issue.template }))
    .digest('hex');
}

/** Send the issue to the list through the ledger at `statePath`; see the top of this file for the steps. */
export async function sendIssue(options: SendIssueOptions): Promise<SendReport> {
  const started = performance.now();
  const { config, issue } = options;
  const issueKey = issueKeyOf(config, options.date);
  const secrets = new Secrets().add(options.smtp.auth?.pass).add(options.secret).add(options.dkim?.privateKey);
  const ledger = Ledger.open(options.statePath);
  let relay: Relay | undefined;
  try {
    checkResumable(ledger, options, issueKey);
    const lock = lockIssue(ledger, issueKey);
    try {
      const record = openIssueRecord(ledger, options, issueKey);
      const list = await loadList(ledger, options, issueKey);
      const before = ledger.counts(issueKey);
      const total = before.queued - ledger.suppressedQueued(issueKey).count + before.sending;
      const report = (outcome: SendOutcome, run?: SenderResult & { resentAfterCrash: number }): SendReport =>
        reportOf(ledger, { issueKey, number: record.number, options, outcome, run, list, tookOverFrom: lock.tookOverFrom, durationMs: performance.now() - started });
      if (total === 0) {
        ledger.setIssueStatus(issueKey, 'finished');
        return report('completed');
      }
      const concurrency = options.concurrency ?? config.send.concurrency;
      relay = options.deliver ? { deliver: options.deliver, close: () => undefined } : await openRelay(options.smtp, concurrency, secrets);
      if (options.confirm && total > config.send.confirmAbove) {
        if (!(await options.confirm({ count: total, subject: issue.digest.subject, issueKey }))) return report('declined');
      }

      const resentAfterCrash = ledger.requeueInterrupted(issueKey);
      ledger.setIssueStatus(issueKey, 'sending');
      const runId = ledger.startRun(issueKey, process.pid, hostname(), options.resume === true);
      const messages: IssueMessages = {
        ...issue,
        config,
        issueKey,
        listId: listIdOf(config),
        date: record.dateHeader,
        secret: options.secret,
        dkim: options.dkim,
      };
      const result = await runSender({
        ledger,
        issueKey,
        compose: options.compose ?? ((recipient: Recipient) => composeMessage(messages, recipient)),
        deliver: relay.deliver,
        rate: options.rate ?? config.send.rate,
        concurrency,
        maxAttempts: options.maxAttempts ?? DEFAULT_ATTEMPTS,
        retryBaseMs: options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS,
        pauseAtFailureShare: config.send.pauseAtFailureShare,
        failureWindow: config.send.failureWindow,
        secrets,
        signal: options.signal,
        onProgress: options.onProgress && ((p) => options.onProgress?.({ ...p, total, elapsedMs: performance.now() - started })),
      });
      ledger.setIssueStatus(issueKey, result.stop ? 'stopped' : 'finished');
      ledger.finishRun(runId, result.stop?.kind ?? 'completed', result.sent, result.failed);
      return report(result.stop ? 'stopped' : 'completed', { ...result, resentAfterCrash });
    } finally {
      lock.release();
    }
  } finally {
    relay?.close();
    ledger.close();
  }
}

/** --resume needs an issue whose list was read to the end; a plain run needs a list. */
function checkResumable(ledger: Ledger, options: SendIssueOptions, issueKey: string): void {
  if (!options.resume) {
    if (!options.subscribers)
      throw new GazetteError('USAGE', 'no subscriber list to send to', { fix: 'pass --to FILE, or --resume to carry on with the list already read' });
    return;
  }
  const existing = ledger.issue(issueKey);
  if (existing?.loadedAt) return;
  throw new GazetteError(
    'SEND_NOTHING_TO_RESUME',
    existing ? `the subscriber list of ${issueKey} was never read to the end` : `${options.statePath} has no issue ${issueKey} to resume`,
    { fix: existing ? 'run again without --resume, with --to, to read it' : 'check --date and --state, or start the send without --resume' },
  );
}

/** The issue as the archive keeps it: the generic personalisation, as `build` writes it, so no subscriber's data. */
export function archiveCopyOf(config: Config, issue: IssueContent): IssueCopy {
  const generic = personalise(issue.template, genericValues(config, unsubscribeUrlOf(config)));
  return { preheader: issue.digest.preheader, html: generic.html, text: generic.text, digest: issue.digest };
}

/**
 * The issue's row, created on its first run (which fixes its Date header and
 * its number) with its articles and archive copy. Its content may change
 * only while nobody has been sent it: a resend must be the same message.
 */
function openIssueRecord(ledger: Ledger, options: SendIssueOptions, issueKey: string): IssueRecord {
  const { config, issue } = options;
  const contentHash = contentHashOf(issue);
  const copy = archiveCopyOf(config, issue);
  const { issue: record, created } = ledger.openIssue({
    key: issueKey,
    listId: listIdOf(config),
    date: options.date,
    subject: issue.digest.subject,
    contentHash,
    dateHeader: new Date(Math.floor(Date.now() / 1000) * 1000),
    number: options.number,
    articles: options.articles,
    copy,
  });
  if (options.number !== undefined && record.number !== options.number) {
    throw new GazetteError('SEND_LOCKED', `issue ${issueKey} is number ${record.number} in the ledger, but was rendered as number ${options.number}`, {
      fix: 'another run changed the series meanwhile: run again',
    });
  }
  if (record.contentHash === contentHash) {
    // An issue from before the ledger kept the series: fill in what it lacks.
    if (!created) ledger.completeSeriesData(issueKey, options.articles, copy);
    return record;
  }
  const counts = ledger.counts(issueKey);
  if (counts.sent + counts.failed + counts.sending > 0) {
    throw new GazetteError(
      'SEND_CONTENT_CHANGED',
      `issue ${issueKey} has already gone to ${counts.sent + counts.sending} subscribers with different content ("${record.subject}")`,
      {
        fix: 'restore the articles, templates and config it was sent with to finish it, or send the new content as another issue with --date',
      },
    );
  }
  ledger.replaceContent(issueKey, issue.digest.subject, contentHash, { articles: options.articles, copy });
  return { ...record, subject: issue.digest.subject, contentHash };
}

interface LoadedList {
  loaded: LoadCounts | null;
  skipped: Skipped;
  unlisted: number;
}

/** Read the list into the ledger (not with --resume), noting what was skipped. */
async function loadList(ledger: Ledger, options: SendIssueOptions, issueKey: string): Promise<LoadedList> {
  const skipped = emptySkipped();
  if (options.resume || !options.subscribers) return { loaded: null, skipped, unlisted: 0 };
  const loaded = await ledger.load(issueKey, sendable(options.subscribers, skipped), duplicateCounter(skipped));
  return { loaded, skipped, unlisted: ledger.finishLoad(issueKey) };
}

interface ReportInput {
  issueKey: string;
  number: number;
  options: SendIssueOptions;
  outcome: SendOutcome;
  run: (SenderResult & { resentAfterCrash: number }) | undefined;
  list: LoadedList;
  tookOverFrom: LockHolder | null;
  durationMs: number;
}

function reportOf(ledger: Ledger, { issueKey, number, options, outcome, run, list, tookOverFrom, durationMs }: ReportInput): SendReport {
  const sent = run?.sent ?? 0;
  return {
    issueKey,
    number,
    subject: options.issue.digest.subject,
    resumed: options.resume === true,
    outcome,
    stop: run?.stop ?? null,
    sent,
    failed: run?.failed ?? 0,
    failures: run?.failures ?? [],
    newlySuppressed: run?.suppressed ?? 0,
    loaded: list.loaded,
    skipped: { ...list.skipped, suppressed: ledger.suppressedQueued(issueKey), unlisted: list.unlisted },
    resentAfterCrash: run?.resentAfterCrash ?? 0,
    totals: ledger.counts(issueKey),
    tookOverFrom,
    unfinished: ledger.unfinishedIssues(listIdOf(options.config), issueKey),
    durationMs,
    rate: durationMs > 0 ? (sent * 1000) / durationMs : 0,
  };
}

export { dryRun, type DryRunOptions, type DryRunReport } from './dry-run.js';
export { sendTestMessage, type TestMessageOptions } from './test-message.js';
export { relayError, smtpSettings, type SmtpSettings } from './transport.js';
export type { Deliver, DeliveryInfo, FailureGroup, StopReason } from './sender.js';
