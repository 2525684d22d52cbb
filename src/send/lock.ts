import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { GazetteError } from '../errors.js';
import { isRunning } from '../system/running.js';
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
  return takeLock(ledger, issueKey, self, (holder) => {
    const where = holder.host === self.host ? '' : ` on ${holder.host}`;
    return new GazetteError('SEND_LOCKED', `issue ${issueKey} is being sent by process ${holder.pid}${where}, started ${holder.startedAt}`, {
      fix:
        holder.host === self.host
          ? 'wait for it to finish, or stop it (Ctrl-C or kill ' + holder.pid + ') and run again'
          : `wait for it to finish; if it is no longer running there, delete its lock: sqlite3 ${ledger.file} "DELETE FROM locks WHERE issue_key = '${issueKey}'"`,
    });
  });
}

/**
 * A row in `locks` under `key`, held until released: taken over when its
 * holder is dead (same host, no such pid), refused with `refuse(holder)`
 * when it may be alive. The issue locks use it, and `gazette schedule`'s
 * one-per-ledger lock.
 */
export function takeLock(ledger: Ledger, key: string, self: { pid: number; host: string }, refuse: (holder: LockHolder) => Error): IssueLock {
  const { db } = ledger;
  const token = randomBytes(12).toString('hex');
  const holderOf = db.prepare('SELECT pid, host, started_at AS startedAt FROM locks WHERE issue_key = ?');
  const take = db.transaction((): LockHolder | null => {
    const holder = holderOf.get(key) as LockHolder | undefined;
    if (holder) {
      if (isLockLive(holder, self.host)) throw refuse(holder);
      db.prepare('DELETE FROM locks WHERE issue_key = ?').run(key);
    }
    db.prepare('INSERT INTO locks (issue_key, token, pid, host, started_at) VALUES (?, ?, ?, ?, ?)').run(key, token, self.pid, self.host, new Date().toISOString());
    return holder ?? null;
  });
  const tookOverFrom = take.immediate();
  return {
    tookOverFrom,
    release: () => {
      if (db.open) db.prepare('DELETE FROM locks WHERE issue_key = ? AND token = ?').run(key, token);
    },
  };
}

/** Whether a lock's holder may still be running: it is, on this host, or it is on another host, where it cannot be checked. */
export function isLockLive(holder: { pid: number; host: string }, self = hostname()): boolean {
  return holder.host !== self || isRunning(holder.pid);
}
