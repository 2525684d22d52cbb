import { GazetteError } from '../errors.js';
import { asideName } from './leftovers.js';
import type { FileOps } from './ops.js';

/**
 * Put the filled folder `staging` in the place of `folder`, whole.
 *
 * Node has no renameat2(RENAME_EXCHANGE), so no single call swaps two
 * folders. Of the two ways left, this moves the old folder aside, renames the
 * new one in and then removes the old one: a reader sees the old folder, then
 * for the microseconds between the two renames no folder (ENOENT), then the
 * new one, and never a mix; and `--out DIR` stays a real folder a user can
 * open, copy or serve. The other way, a symbolic link switched to point at a
 * new folder each time, is atomic for readers that resolve the link, but
 * turns the user's folder into a link (and a link's target into a pile of
 * hidden versions), which tools that copy or sync it, and Windows, treat
 * differently; the gap of a few microseconds is the smaller cost.
 *
 * If the new folder cannot be renamed in, the old one is renamed back. Two
 * runs writing the same folder at once can interleave their renames: the
 * second rename then finds the other run's folder in place (ENOTEMPTY or
 * EEXIST), which is moved aside in turn and the rename tried again, so the
 * last run's folder stands, whole, and every folder moved aside goes.
 */
export async function swapIn(staging: string, folder: string, ops: FileOps): Promise<void> {
  const asides: string[] = [];
  for (let attempt = 1; ; attempt++) {
    const aside = asideName(folder);
    if (await moveIfThere(folder, aside, ops)) asides.push(aside);
    try {
      await ops.rename(staging, folder);
      break;
    } catch (error) {
      if (isTaken(error) && attempt < MAX_ATTEMPTS) continue;
      await putBack(asides, folder, ops);
      throw error;
    }
  }
  for (const aside of asides) await ops.remove(aside).catch(() => undefined);
}

/** Enough for any real number of runs racing on one folder; past it, something else keeps filling the place. */
const MAX_ATTEMPTS = 8;

async function moveIfThere(from: string, to: string, ops: FileOps): Promise<boolean> {
  try {
    await ops.rename(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * After a failed swap, the newest folder moved aside goes back; the older
 * ones are other runs' whole folders that this run displaced, superseded by
 * it. If another run's folder has taken the place meanwhile, that one stays.
 */
async function putBack(asides: readonly string[], folder: string, ops: FileOps): Promise<void> {
  const newest = asides.at(-1);
  for (const aside of asides.slice(0, -1)) await ops.remove(aside).catch(() => undefined);
  if (newest === undefined) return;
  try {
    await ops.rename(newest, folder);
  } catch (error) {
    if (!isTaken(error)) {
      throw new GazetteError('WRITE_FAILED', `cannot put the previous ${folder} back after a failed write (${(error as NodeJS.ErrnoException).code ?? String(error)}): it is at ${newest}`, {
        fix: `move ${newest} back to ${folder}`,
        cause: error,
      });
    }
    await ops.remove(newest).catch(() => undefined);
  }
}

function isTaken(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOTEMPTY' || code === 'EEXIST';
}
