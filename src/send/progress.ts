import type { DryRunReport } from './dry-run.js';
import type { SendProgress, SendReport } from './index.js';

/**
 * What a send shows while it runs and when it ends, as text; the CLI decides
 * where it goes. On a terminal, one progress line redrawn in place (sent,
 * failed, rate, ETA); in cron, a line per thousand messages; then the report.
 */

export interface ProgressWriter {
  /** Redraw the progress line (terminal only). */
  redraw?: (text: string) => void;
  /** Print a line. */
  line: (text: string) => void;
}

const REDRAW_MS = 100;
const LINE_EVERY = 1000;
const BAR = 24;

export class ProgressReporter {
  private lastDraw = 0;
  private nextLine = LINE_EVERY;
  private drawn = false;

  constructor(private readonly out: ProgressWriter) {}

  update(p: SendProgress): void {
    const done = p.sent + p.failed;
    if (this.out.redraw) {
      const now = performance.now();
      if (now - this.lastDraw < REDRAW_MS && done < p.total) return;
      this.lastDraw = now;
      this.drawn = true;
      this.out.redraw(progressBar(p));
    } else if (done >= this.nextLine) {
      this.nextLine = (Math.floor(done / LINE_EVERY) + 1) * LINE_EVERY;
      this.out.line(progressLine(p));
    }
  }

  /** Leave the terminal on a fresh line. */
  finish(): void {
    if (this.drawn) this.out.line('');
    this.drawn = false;
  }
}

export function progressBar(p: SendProgress): string {
  const done = p.sent + p.failed;
  const share = p.total > 0 ? Math.min(1, done / p.total) : 1;
  const filled = Math.round(share * BAR);
  const parts = [`[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${done}/${p.total}`, `sent ${p.sent}`, `failed ${p.failed}`];
  if (p.deferred > 0) parts.push(`retried ${p.deferred}`);
  parts.push(`${rateOf(p).toFixed(0)}/s`, `ETA ${eta(p)}`);
  return parts.join('  ');
}

export function progressLine(p: SendProgress): string {
  return `sent ${p.sent} of ${p.total}, ${p.failed} failed, ${rateOf(p).toFixed(1)} messages/s, about ${eta(p)} left`;
}

function rateOf(p: SendProgress): number {
  return p.elapsedMs > 0 ? ((p.sent + p.failed) * 1000) / p.elapsedMs : 0;
}

function eta(p: SendProgress): string {
  const rate = rateOf(p);
  const left = p.total - p.sent - p.failed;
  return rate > 0 ? duration((left / rate) * 1000) : '?';
}

export function duration(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** The report at the end of a send, one line per fact; the CLI adds the resume command. */
export function formatSendReport(report: SendReport): string[] {
  const lines: string[] = [];
  const what = report.outcome === 'completed' ? 'Sent' : report.outcome === 'declined' ? 'Not sent' : 'Stopped sending';
  lines.push(`${what} "${report.subject}" (issue ${report.issueKey}${report.resumed ? ', resumed' : ''})`);
  if (report.tookOverFrom) {
    lines.push(`  took over the lock of process ${report.tookOverFrom.pid}, started ${report.tookOverFrom.startedAt}, which is no longer running`);
  }
  if (report.resentAfterCrash > 0) {
    lines.push(
      `  ${report.resentAfterCrash} message${plural(report.resentAfterCrash)} may have been sent twice: the last run stopped during ${report.resentAfterCrash === 1 ? 'its' : 'their'} delivery, so ${report.resentAfterCrash === 1 ? 'it was' : 'they were'} sent again`,
    );
  }
  lines.push(`  sent      ${pad(report.sent)}${report.totals.sent > report.sent ? `   (${report.totals.sent} in all, with earlier runs)` : ''}`);
  lines.push(
    `  failed    ${pad(report.failed)}${report.newlySuppressed > 0 ? `   (${report.newlySuppressed} address${report.newlySuppressed === 1 ? '' : 'es'} added to the suppression list)` : ''}`,
  );
  for (const group of report.failures) lines.push(`    ${group.count} × ${group.reason}: ${examples(group.examples, group.count)}`);
  const { invalid, duplicates, suppressed, unlisted } = report.skipped;
  const skipped = invalid.count + duplicates.count + suppressed.count + unlisted;
  lines.push(`  skipped   ${pad(skipped)}`);
  if (invalid.count > 0) {
    lines.push(`    ${invalid.count} invalid row${plural(invalid.count)}:`);
    for (const row of invalid.examples) lines.push(`      line ${row.line}: ${row.reason}`);
    if (invalid.count > invalid.examples.length) lines.push(`      … and ${invalid.count - invalid.examples.length} more`);
  }
  if (duplicates.count > 0) {
    const shown = duplicates.examples.map((d) => `${d.email} (line ${d.line}, first on line ${d.firstLine})`);
    lines.push(`    ${duplicates.count} duplicate${plural(duplicates.count)}, sent once: ${shown.join(', ')}${duplicates.count > shown.length ? ', …' : ''}`);
  }
  if (suppressed.count > 0)
    lines.push(`    ${suppressed.count} suppressed (unsubscribed or bounced before): ${examples(suppressed.examples, suppressed.count)}`);
  if (unlisted > 0) lines.push(`    ${unlisted} no longer in the list since the last run, not sent`);
  const left = report.totals.queued - suppressed.count + report.totals.sending;
  if (left > 0) lines.push(`  left      ${pad(left)}   (not sent yet)`);
  lines.push(`  took ${duration(report.durationMs)}, ${report.rate.toFixed(1)} messages/s`);
  for (const other of report.unfinished) {
    lines.push(
      `note: the issue of ${other.date} was left with ${other.left} subscriber${plural(other.left)} not sent to; to finish it, send again with --date ${other.date}`,
    );
  }
  return lines;
}

export function formatDryRun(report: DryRunReport): string[] {
  const { invalid, duplicates } = report.skipped;
  const lines = [`Wrote ${report.written} message${plural(report.written)} to ${report.dir ?? 'the sink'} (dry run: nothing sent, no ledger)`];
  if (invalid.count > 0) {
    lines.push(`  skipped ${invalid.count} invalid row${plural(invalid.count)}:`);
    for (const row of invalid.examples) lines.push(`    line ${row.line}: ${row.reason}`);
    if (invalid.count > invalid.examples.length) lines.push(`    … and ${invalid.count - invalid.examples.length} more`);
  }
  if (duplicates.count > 0)
    lines.push(
      `  skipped ${duplicates.count} duplicate${plural(duplicates.count)}: ${duplicates.examples.map((d) => `${d.email} (line ${d.line})`).join(', ')}`,
    );
  return lines;
}

function examples(list: readonly string[], count: number): string {
  return `${list.join(', ')}${count > list.length ? ', …' : ''}`;
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}

function pad(n: number): string {
  return String(n).padStart(6);
}
