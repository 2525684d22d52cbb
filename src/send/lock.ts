import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { GazetteError } from '../errors.js';
import type { Ledger } from './ledger.js';

/**
 * One run per issue at a time: a row in the ledger's `locks` table names the
 * process that holds the issue. A lock whose process is gone (same host, no
 * such pid) is stale and taken over, so a run killed with SIGKILL does not
 * block the next one; a lock from another host cannot be checked and holds.
 */

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
}

export interface IssueLock {
  /** Whether a dead run's lock was taken over. */
  tookOverFrom: LockHolder | null;
  release: () => void;
}

export function lockIssue(ledger: Ledger, issueKey: string, self = { pid: process.pid, host: hostname() }): IssueLock {
  const { db } = ledger;
  const token = randomBytes(12).toString('hex');
  const holderOf = db.prepare('SELECT pid, host, started_at AS startedAt FROM locks WHERE issue_key = ?');
  const take = db.transaction((): LockHolder | null => {
    const holder = holderOf.get(issueKey) as LockHolder | undefined;
    if (holder) {
      if (holder.host !== self.host || isAlive(holder.pid)) {
        const where = holder.host === self.host ? '' : ` on ${holder.host}`;
        throw new GazetteError('SEND_LOCKED', `issue ${issueKey} is being sent by process ${holder.pid}${where}, started ${holder.startedAt}`, {
          fix:
            holder.host === self.host
              ? 'wait for it to finish, or stop it (Ctrl-C or kill ' + holder.pid + ') and run again'
              : `wait for it to finish; if it is no longer running there, delete its lock: sqlite3 ${ledger.file} "DELETE FROM locks WHERE issue_key = '${issueKey}'"`,
        });
      }
      db.prepare('DELETE FROM locks WHERE issue_key = ?').run(issueKey);
    }
    db.prepare('INSERT INTO locks (issue_key, token, pid, host, started_at) VALUES (?, ?, ?, ?, ?)').run(
      issueKey,
      token,
      self.pid,
      self.host,
      new Date().toISOString(),
    );
    return holder ?? null;
  });
  const tookOverFrom = take.immediate();
  return {
    tookOverFrom,
    release: () => {
      if (db.open) db.prepare('DELETE FROM locks WHERE issue_key = ? AND token = ?').run(issueKey, token);
    },
  };
}

/** Whether a lock's holder may still be running: it is, on this host, or it is on another host, where it cannot be checked. */
export function isLockLive(holder: { pid: number; host: string }, self = hostname()): boolean {
  return holder.host !== self || isAlive(holder.pid);
}

/** Whether a process with this pid runs on this host (EPERM: it does, as someone else). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
