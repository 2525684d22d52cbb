import type { ErrorCode } from '../errors.js';
import type { Recipient } from '../render/personal.js';
import { classifySmtpError, groupReason } from './classify.js';
import type { Delivery, Ledger } from './ledger.js';
import type { ComposedMessage } from './message.js';
import type { Secrets } from './secrets.js';

/**
 * The send loop, one delivery at a time through a pool of connections:
 *
 *   claim     queued rows that are due, in list order, a page at a time
 *   compose   the subscriber's message (while earlier ones are in flight)
 *   wait      for a free connection (at most `concurrency` in flight) and a
 *             token from the rate bucket
 *   mark      `sending`, committed, before the SMTP transaction
 *   send      then `sent` on the 250; a retry (4xx, connection errors, with
 *             backoff), `failed` (5xx, or out of attempts) or a stop (auth,
 *             TLS, a refused sender) by `classifySmtpError`
 *
 * It stops taking new subscribers when the signal aborts, when a fatal error
 * comes back, or when too many recent attempts failed; what is in flight is
 * always finished and recorded before it returns.
 */

/** What the relay said to one message. */
export interface DeliveryInfo {
  response: string;
  /** Recipients the server refused even though the message went (nodemailer resolves a partial rejection). */
  rejected: readonly string[];
  rejectedErrors?: readonly unknown[];
}

export type Deliver = (message: ComposedMessage) => Promise<DeliveryInfo>;

export interface SenderOptions {
  ledger: Ledger;
  issueKey: string;
  compose: (recipient: Recipient) => Promise<ComposedMessage>;
  deliver: Deliver;
  /** Messages per second, at most. */
  rate: number;
  /** Messages in flight (one per connection), at most. */
  concurrency: number;
  /** Attempts per subscriber for transient failures before giving up. */
  maxAttempts: number;
  /** The first retry's delay; each further one doubles it, with jitter. */
  retryBaseMs: number;
  pauseAtFailureShare: number;
  failureWindow: number;
  secrets: Secrets;
  signal?: AbortSignal;
  onProgress?: (progress: SenderProgress) => void;
}

export interface SenderProgress {
  sent: number;
  failed: number;
  /** Transient failures that will be retried. */
  deferred: number;
  inFlight: number;
}

export interface FailureGroup {
  reason: string;
  count: number;
  /** A few of the addresses, for the report. */
  examples: string[];
}

export type StopReason = { kind: 'signal'; message: string } | { kind: 'error-rate'; message: string } | { kind: 'fatal'; code: ErrorCode; message: string };

export interface SenderResult extends SenderProgress {
  failures: FailureGroup[];
  /** Addresses added to the suppression list by this run. */
  suppressed: number;
  stop: StopReason | null;
}

const PAGE = 200;
const MAX_REASONS = 20;
const EXAMPLES = 3;
const MAX_BACKOFF_MS = 15 * 60_000;

export async function runSender(options: SenderOptions): Promise<SenderResult> {
  const { ledger, issueKey, signal, secrets } = options;
  const progress: SenderProgress = { sent: 0, failed: 0, deferred: 0, inFlight: 0 };
  const failures = new Map<string, FailureGroup>();
  const window = new FailureWindow(options.failureWindow);
  const bucket = new TokenBucket(options.rate);
  const waker = new Waker();
  const inFlight = new Set<Promise<void>>();
  let suppressed = 0;
  let stop: StopReason | null = null;

  const onAbort = (): void => waker.wake();
  signal?.addEventListener('abort', onAbort);
  const report = (): void => options.onProgress?.({ ...progress, inFlight: inFlight.size });

  const recordFailure = (email: string, reason: string): void => {
    const key = failures.size >= MAX_REASONS && !failures.has(groupReason(reason)) ? 'other reasons' : groupReason(reason);
    const group = failures.get(key) ?? { reason: key, count: 0, examples: [] };
    group.count++;
    if (group.examples.length < EXAMPLES) group.examples.push(email);
    failures.set(key, group);
  };

  const settle = (row: Delivery, outcome: { info: DeliveryInfo } | { error: unknown }): void => {
    const email = row.recipient.email;
    let error = 'error' in outcome ? outcome.error : undefined;
    if ('info' in outcome) {
      const refused = outcome.info.rejected.some((r) => r.toLowerCase() === email.toLowerCase());
      if (!refused) {
        ledger.markSent(row.id, secrets.redact(outcome.info.response));
        progress.sent++;
        window.push(false);
        return;
      }
      error = outcome.info.rejectedErrors?.[0] ?? { message: 'the relay refused the recipient', responseCode: 550, command: 'RCPT TO' };
    }
    const verdict = classifySmtpError(error);
    const reason = secrets.redact(verdict.reason);
    if (verdict.kind === 'fatal') {
      ledger.markUnsent(row.id, reason);
      stop ??= { kind: 'fatal', code: verdict.fatal ?? 'SMTP_REFUSED', message: reason };
      return;
    }
    window.push(true);
    const attempt = row.attempts + 1;
    if (verdict.kind === 'transient' && attempt < options.maxAttempts) {
      ledger.markRetry(row.id, reason, Date.now() + backoff(attempt, options.retryBaseMs));
      progress.deferred++;
    } else {
      const final = verdict.kind === 'transient' ? `${reason} (gave up after ${attempt} attempts)` : reason;
      ledger.markFailed(row.id, final);
      if (verdict.suppress) {
        ledger.suppress(email, reason, `bounce: ${issueKey}`);
        suppressed++;
      }
      progress.failed++;
      recordFailure(email, verdict.kind === 'transient' ? `${reason} (gave up after retries)` : reason);
    }
    if (window.tripped(options.pauseAtFailureShare)) {
      stop ??= {
        kind: 'error-rate',
        message: `${window.failures} of the last ${window.size} attempts failed (more than ${Math.round(options.pauseAtFailureShare * 100)}%); the last: ${reason}`,
      };
    }
  };

  const dispatch = (row: Delivery, message: ComposedMessage): void => {
    ledger.markSending(row.id, message.messageId);
    const flight: Promise<void> = options
      .deliver(message)
      .then(
        (info) => settle(row, { info }),
        (error: unknown) => settle(row, { error }),
      )
      .catch((error: unknown) => {
        // The ledger could not record the outcome: the row stays `sending`, as ambiguous as it is.
        stop ??= { kind: 'fatal', code: 'STATE_FAILED', message: `cannot write to the send ledger: ${error instanceof Error ? error.message : String(error)}` };
      })
      .finally(() => {
        inFlight.delete(flight);
        report();
        waker.wake();
      });
    inFlight.add(flight);
    report();
  };

  try {
    let page: Delivery[] = [];
    let cursor = 0;
    while (!stop) {
      if (signal?.aborted) {
        stop = { kind: 'signal', message: `stopped by ${String(signal.reason ?? 'a signal')}` };
        break;
      }
      if (page.length === 0) {
        page = ledger.claimable(issueKey, Date.now(), cursor, PAGE);
        // Past the end of the list: look again from the start, for retries that have come due.
        if (page.length === 0 && cursor > 0) {
          cursor = 0;
          page = ledger.claimable(issueKey, Date.now(), 0, PAGE);
        }
      }
      const row = page.shift();
      if (!row) {
        if (inFlight.size > 0) {
          await waker.wait(retryDelay(ledger, issueKey));
          continue;
        }
        const next = ledger.nextRetryAt(issueKey);
        if (next === null) break;
        await waker.wait(Math.max(0, next - Date.now()));
        continue;
      }
      cursor = Math.max(cursor, row.id);
      // Suppressions are read at send time: an unsubscribe since the page was read still counts.
      if (ledger.isSuppressed(row.recipient.email)) continue;
      let message: ComposedMessage;
      try {
        message = await options.compose(row.recipient);
      } catch (error) {
        stop = {
          kind: 'fatal',
          code: 'SEND_STOPPED',
          message: `cannot compose the message to ${row.recipient.email}: ${secrets.redact(error instanceof Error ? error.message : String(error))}`,
        };
        break;
      }
      while (!stop && !signal?.aborted && inFlight.size >= options.concurrency) await waker.wait();
      for (let wait = bucket.delay(); !stop && !signal?.aborted && wait > 0; wait = bucket.delay()) await waker.wait(wait);
      if (stop || signal?.aborted) {
        page = []; // still queued in the ledger: taken by the next run
        continue;
      }
      bucket.take();
      dispatch(row, message);
    }
  } finally {
    // Finish and record what is in flight, whatever stopped the loop.
    while (inFlight.size > 0) await Promise.race(inFlight);
    signal?.removeEventListener('abort', onAbort);
  }
  return { ...progress, inFlight: 0, failures: [...failures.values()].sort((a, b) => b.count - a.count), suppressed, stop };
}

/** How long to sleep while messages are in flight: until one comes back, or a retry is due. */
function retryDelay(ledger: Ledger, issueKey: string): number | undefined {
  const next = ledger.nextRetryAt(issueKey);
  return next === null ? undefined : Math.max(1, next - Date.now());
}

/** Exponential backoff with jitter: base × 2^(attempt−1), somewhere between half and all of it. */
export function backoff(attempt: number, baseMs: number): number {
  const full = Math.min(baseMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);
  return Math.round(full * (0.5 + Math.random() / 2));
}

/** The outcome of the last `size` attempts; trips once it is full and more than `share` of them failed. */
class FailureWindow {
  private readonly outcomes: boolean[] = [];
  private next = 0;
  failures = 0;

  constructor(readonly size: number) {}

  push(failed: boolean): void {
    if (this.outcomes.length < this.size) this.outcomes.push(failed);
    else {
      if (this.outcomes[this.next]) this.failures--;
      this.outcomes[this.next] = failed;
      this.next = (this.next + 1) % this.size;
    }
    if (failed) this.failures++;
  }

  tripped(share: number): boolean {
    return this.outcomes.length >= this.size && this.failures > share * this.size;
  }
}

/**
 * At most `rate` messages a second: tokens refill continuously, and the
 * bucket holds a twentieth of a second's worth (at least one), so a fast
 * rate is not held back by timer resolution and a slow one stays even.
 */
class TokenBucket {
  private tokens: number;
  private last = performance.now();
  private readonly capacity: number;

  constructor(private readonly rate: number) {
    this.capacity = Math.max(1, Math.floor(rate / 20));
    this.tokens = this.capacity;
  }

  /** Milliseconds until a token is free; 0 when one is. */
  delay(): number {
    const now = performance.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) * this.rate) / 1000);
    this.last = now;
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * 1000) / this.rate);
  }

  take(): void {
    this.tokens -= 1;
  }
}

/** Sleep until woken (a message came back, the signal fired) or the timeout passes. */
class Waker {
  private waiting: (() => void)[] = [];

  wait(ms?: number): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = (): void => {
        if (timer) clearTimeout(timer);
        resolve();
      };
      this.waiting.push(done);
      if (ms !== undefined) timer = setTimeout(() => this.wakeOne(done), ms);
    });
  }

  wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const done of waiting) done();
  }

  private wakeOne(done: () => void): void {
    this.waiting = this.waiting.filter((d) => d !== done);
    done();
  }
}
