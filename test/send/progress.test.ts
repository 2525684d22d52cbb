import { describe, expect, it } from 'vitest';
import type { SendReport } from '../../src/send/index.js';
import { formatSendReport, progressBar, ProgressReporter } from '../../src/send/progress.js';

const report: SendReport = {
  issueKey: 'tide.example.org/2026-11-30',
  number: 7,
  subject: 'The Tide: Ferry fares frozen',
  resumed: false,
  outcome: 'completed',
  stop: null,
  sent: 1180,
  failed: 3,
  failures: [{ reason: '550 5.1.1 <…>: no such user (RCPT TO)', count: 3, examples: ['a@example.org', 'b@example.org', 'c@example.org'] }],
  newlySuppressed: 3,
  loaded: { added: 1183, known: 0, duplicates: 1 },
  skipped: {
    invalid: { count: 1, examples: [{ line: 12, value: 'nope', reason: 'not an email address ("nope"): it has no @' }] },
    duplicates: { count: 1, examples: [{ line: 40, email: 'ANA@example.org', firstLine: 2 }] },
    suppressed: { count: 2, examples: ['gone@example.org', 'left@example.org'] },
    unlisted: 0,
  },
  resentAfterCrash: 2,
  totals: { queued: 2, sending: 0, sent: 1180, failed: 3 },
  tookOverFrom: null,
  unfinished: [],
  durationMs: 12_400,
  rate: 95.2,
};

describe('the send report', () => {
  it('lists sent, failed with reasons, skipped with reasons, the resent, the time and the rate', () => {
    expect(formatSendReport(report)).toEqual([
      'Sent "The Tide: Ferry fares frozen" (issue tide.example.org/2026-11-30)',
      '  2 messages may have been sent twice: the last run stopped during their delivery, so they were sent again',
      '  sent        1180',
      '  failed         3   (3 addresses added to the suppression list)',
      '    3 × 550 5.1.1 <…>: no such user (RCPT TO): a@example.org, b@example.org, c@example.org',
      '  skipped        4',
      '    1 invalid row:',
      '      line 12: not an email address ("nope"): it has no @',
      '    1 duplicate, sent once: ANA@example.org (line 40, first on line 2)',
      '    2 suppressed (unsubscribed or bounced before): gone@example.org, left@example.org',
      '  took 12 s, 95.2 messages/s',
    ]);
  });

  it('prints a line per thousand messages when not on a terminal', () => {
    const lines: string[] = [];
    const reporter = new ProgressReporter({ line: (l) => lines.push(l) });
    for (let sent = 1; sent <= 2500; sent++) reporter.update({ sent, failed: 0, deferred: 0, inFlight: 3, total: 2500, elapsedMs: sent * 10 });
    expect(lines).toEqual([
      'sent 1000 of 2500, 0 failed, 100.0 messages/s, about 15 s left',
      'sent 2000 of 2500, 0 failed, 100.0 messages/s, about 5.0 s left',
    ]);
  });

  it('draws a bar with sent, failed, rate and ETA on a terminal', () => {
    expect(progressBar({ sent: 120, failed: 5, deferred: 2, inFlight: 3, total: 500, elapsedMs: 2500 })).toBe(
      '[######------------------] 125/500  sent 120  failed 5  retried 2  50/s  ETA 7.5 s',
    );
  });

  it('points at an earlier issue of the list that was never finished', () => {
    const lines = formatSendReport({ ...report, unfinished: [{ key: 'tide.example.org/2026-11-23', date: '2026-11-23', left: 40 }] });
    expect(lines.at(-1)).toBe('note: the issue of 2026-11-23 was left with 40 subscribers not sent to; to finish it, send again with --date 2026-11-23');
  });
});
