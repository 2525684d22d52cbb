import { randomBytes } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { isRunning } from '../system/running.js';
import type { FileOps } from './ops.js';

/**
 * Names of the folders a replacement makes beside its target: the new one
 * being filled (`.<name>.<pid>.new-XXXXXX`) and the old one moved aside
 * (`.<name>.<pid>.old-XXXXXXXX`). Hidden, so a listing of `out/` shows only
 * issues; with the pid, so a later run can tell a dead run's leftovers from
 * a live run's work.
 */
export function stagingPrefix(folder: string): string {
  return path.join(path.dirname(folder), `.${path.basename(folder)}.${process.pid}.new-`);
}

export function asideName(folder: string): string {
  return path.join(path.dirname(folder), `.${path.basename(folder)}.${process.pid}.old-${randomBytes(4).toString('hex')}`);
}

/**
 * A process on another machine sharing the folder may have the number of a
 * dead one here; what it is writing still changes, so only what has sat
 * untouched this long is taken for a leftover.
 */
const STALE_MS = 10 * 60 * 1000;

/**
 * Remove what runs killed in the middle (Ctrl-C, a crash) left beside
 * `folder`. Called after a replacement succeeds, never before: until then a
 * dead run's moved-aside folder may be the only copy of the previous one.
 */
export async function sweepLeftovers(folder: string, ops: FileOps): Promise<void> {
  const parent = path.dirname(folder);
  const prefix = `.${path.basename(folder)}.`;
  const names = await readdir(parent).catch(() => []);
  for (const name of names) {
    const pid = name.startsWith(prefix) ? /^(\d+)\.(?:new|old)-\w+$/.exec(name.slice(prefix.length))?.[1] : undefined;
    if (pid === undefined || Number(pid) === process.pid || isRunning(Number(pid))) continue;
    const leftover = path.join(parent, name);
    const touched = await stat(leftover).then((s) => s.mtimeMs, () => Date.now());
    if (Date.now() - touched >= STALE_MS) await ops.remove(leftover).catch(() => undefined);
  }
}
