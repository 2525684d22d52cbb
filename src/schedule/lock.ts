import { hostname } from 'node:os';
import { GazetteError } from '../errors.js';
import type { Ledger } from '../send/ledger.js';
import { takeLock, type IssueLock } from '../send/lock.js';

/** The `locks` row of the one `gazette schedule` a state database may have (no issue key looks like it: those are "<list id>/<date>"). */
export const SCHEDULE_LOCK = 'gazette schedule';

/**
 * One scheduler per state database, so that two cannot both send at each
 * tick. Kept in the ledger's own `locks` table: a scheduler killed with
 * SIGKILL leaves a row that the next one takes over, since its pid is gone.
 */
export function lockSchedule(ledger: Ledger, self = { pid: process.pid, host: hostname() }): IssueLock {
  return takeLock(ledger, SCHEDULE_LOCK, self, (holder) => {
    const where = holder.host === self.host ? '' : ` on ${holder.host}`;
    return new GazetteError('SCHEDULE_LOCKED', `another gazette schedule is running on ${ledger.file}: process ${holder.pid}${where}, started ${holder.startedAt}`, {
      fix:
        holder.host === self.host
          ? `one scheduler per state database is enough; to replace it, stop it first (kill ${holder.pid}), or give this one another --state`
          : `one scheduler per state database is enough; if it no longer runs there, delete its lock: sqlite3 ${ledger.file} "DELETE FROM locks WHERE issue_key = '${SCHEDULE_LOCK}'"`,
    });
  });
}
