import { lstat, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { GazetteError } from '../errors.js';
import { stagingPrefix, sweepLeftovers } from './leftovers.js';
import { nodeFileOps, type FileOps } from './ops.js';
import { swapIn } from './swap-in.js';
import { writeFailed, type OutputNames } from './write-failed.js';

/** The new folder while it is filled. */
export interface StagingFolder {
  /** Write a file at `relative` (folders separated by /), making its folders; returns where it will be once in place. */
  write(relative: string, data: string | Uint8Array): Promise<string>;
}

export interface ReplaceFolderOptions extends OutputNames {
  /**
   * Whether an entry already in the folder is one this writer wrote, by its
   * path inside the folder (with /); folders it owns are looked into. Any
   * other entry stops the write before anything changes.
   */
  owns: (relative: string, isFolder: boolean) => boolean;
  ops?: FileOps;
}

/**
 * Replace the folder `target` with a new one that `fill` writes, so that a
 * reader of the folder sees the previous contents or the new ones, never a
 * mix: the new folder is filled beside it and swapped in once (swap-in.ts).
 * Any failure, at any step, leaves the previous folder as it was and nothing
 * beside it. A symbolic link to a folder is followed, so the link keeps
 * pointing where its owner put it.
 *
 * The whole folder is replaced, so what the writer did not write would be
 * deleted with it: a folder that holds anything else (notes, another tool's
 * files) is refused, naming what is there, rather than emptied. Returns what
 * `fill` returns.
 */
export async function replaceFolder<T>(target: string, fill: (staging: StagingFolder) => Promise<T>, options: ReplaceFolderOptions): Promise<T> {
  const ops = options.ops ?? nodeFileOps;
  // A failed file system call is a WRITE_FAILED; anything else `fill` throws is its own and passes as it is.
  const onDisk = <R>(call: Promise<R>): Promise<R> =>
    call.catch((cause: unknown) => {
      throw cause instanceof GazetteError ? cause : writeFailed(target, options, cause);
    });
  const folder = await placeOf(target, options);
  await refuseOthers(target, folder, options);
  let staging: string | undefined;
  try {
    await onDisk(ops.mkdir(path.dirname(folder)));
    staging = await onDisk(ops.mkdtemp(stagingPrefix(folder)));
    const result = await fill(stagingFolder(staging, target, ops, onDisk));
    // Again, as late as can be: a long fill (a dry run of many messages) leaves time for someone to add a file.
    await refuseOthers(target, folder, options);
    await onDisk(swapIn(staging, folder, ops));
    staging = undefined;
    await sweepLeftovers(folder, ops);
    return result;
  } finally {
    if (staging !== undefined) await ops.remove(staging).catch(() => undefined);
  }
}

function stagingFolder(staging: string, target: string, ops: FileOps, onDisk: <R>(call: Promise<R>) => Promise<R>): StagingFolder {
  return {
    async write(relative, data) {
      const parts = relative.split('/');
      const file = path.join(staging, ...parts);
      if (parts.length > 1) await onDisk(ops.mkdir(path.dirname(file)));
      await onDisk(ops.writeFile(file, data));
      return path.join(target, ...parts);
    },
  };
}

/** Where the folder really is: through a symbolic link, its target's path. */
async function placeOf(target: string, names: OutputNames): Promise<string> {
  try {
    const stats = await lstat(target);
    if (stats.isSymbolicLink()) return await realpath(target);
    if (!stats.isDirectory()) {
      throw new GazetteError('WRITE_FAILED', `${target} is a file, not a folder`, { fix: `move the file, or ${names.elsewhere}` });
    }
    return target;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return target;
    throw error instanceof GazetteError ? error : writeFailed(target, names, error);
  }
}

async function refuseOthers(target: string, folder: string, options: ReplaceFolderOptions): Promise<void> {
  const others = await othersIn(folder, options.owns).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw writeFailed(target, options, error);
  });
  if (others.length === 0) return;
  const shown = others.length > 5 ? `${others.slice(0, 5).join(', ')} and ${others.length - 5} more` : others.join(', ');
  throw new GazetteError('OUTPUT_NOT_OURS', `${target} holds ${others.length === 1 ? 'a file' : 'files'} gazette did not write (${shown})`, {
    fix: `move ${others.length === 1 ? 'it' : 'them'} out of the folder, or ${options.elsewhere}: gazette replaces the folder whole, and will not delete what is not its own`,
  });
}

/**
 * What a file manager leaves in a folder it has shown (Finder's .DS_Store
 * and ._ files, Windows Explorer's Thumbs.db and desktop.ini): nobody's
 * work, and remade when the folder is opened again, so opening the output
 * folder does not stop the next run.
 */
const FILE_MANAGER_LITTER = /^(?:\.DS_Store|\._.+|Thumbs\.db|desktop\.ini)$/i;

/** The entries of `folder` that `owns` does not claim, looking into the folders it does. */
async function othersIn(folder: string, owns: ReplaceFolderOptions['owns'], prefix = ''): Promise<string[]> {
  const others: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const relative = `${prefix}${entry.name}`;
    if (entry.isFile() && FILE_MANAGER_LITTER.test(entry.name)) continue;
    if (!owns(relative, entry.isDirectory())) others.push(relative);
    else if (entry.isDirectory()) others.push(...(await othersIn(path.join(folder, entry.name), owns, `${relative}/`)));
  }
  return others.sort();
}
