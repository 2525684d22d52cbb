/**
 * An issue's status in the series, derived rather than stored: the ledger
 * already records what happened (the issue row's own status, written by the
 * send, and each delivery's), so a second status column could only drift
 * from it.
 *
 *   built    created, and nobody has been sent anything yet (a declined
 *            confirmation, a relay that could not be reached, a run
 *            stopped before its first message)
 *   sending  a run holds the lock now
 *   sent     the send finished and every subscriber was attempted to the
 *            end: nothing is left queued or in flight (permanent failures,
 *            550 and the like, are in the failed count, not a reason to
 *            call the issue unfinished)
 *   partial  some subscribers were sent it and others are left: stopped
 *            early (Ctrl-C, SIGTERM, too many failures, a refused login), a
 *            run that died mid-send (status `sending` with no live lock), or
 *            subscribers added to a finished issue by a later run that did
 *            not send to them
 */

export type SeriesStatus = 'built' | 'sending' | 'sent' | 'partial';

export interface StatusInput {
  /** The issue row's status, as the send writes it. */
  stored: 'created' | 'sending' | 'stopped' | 'finished';
  /** Whether a live run holds the lock. */
  locked: boolean;
  sent: number;
  failed: number;
  /** Deliveries still `queued` or `sending`, not counting suppressed addresses. */
  left: number;
}

export function seriesStatus({ stored, locked, sent, failed, left }: StatusInput): SeriesStatus {
  if (locked) return 'sending';
  if (sent + failed === 0 && (stored !== 'finished' || left > 0)) return 'built';
  if (stored === 'finished' && left === 0) return 'sent';
  return 'partial';
}
