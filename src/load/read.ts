import { constants, type Stats } from 'node:fs';
import { lstat, open, readlink, stat } from 'node:fs/promises';
import { buffer } from 'node:stream/consumers';
import { GazetteError } from '../errors.js';

/**
 * Windows has no O_NONBLOCK (and no FIFOs to block on); elsewhere it makes
 * opening a FIFO return at once instead of waiting for a writer, so the type
 * check after the open decides, not a hang.
 */
const NON_BLOCKING = (constants.O_NONBLOCK as number | undefined) ?? 0;

/**
 * The bytes of one article file, refusing anything but a regular file (a
 * symbolic link to one is fine) and anything over `maxBytes`, each as a
 * content error naming the file. The type is checked before opening, so a
 * device is never opened, and again on the open handle, so a file swapped
 * for a FIFO in between is caught too; the read itself stops one byte past
 * the limit, so a file that grows while read cannot take all the memory.
 */
export async function readArticleFile(file: string, maxBytes: number): Promise<Buffer> {
  const before = await stat(file).catch((cause: unknown) => rejectUnreadable(file, cause));
  await refuseUnlessRegular(file, before);
  refuseIfTooLarge(file, before.size, maxBytes);
  const handle = await open(file, constants.O_RDONLY | NON_BLOCKING).catch((cause: unknown) => rejectUnreadable(file, cause));
  try {
    await refuseUnlessRegular(file, await handle.stat());
    const bytes = await buffer(handle.createReadStream({ start: 0, end: maxBytes, autoClose: false }));
    refuseIfTooLarge(file, bytes.length, maxBytes);
    return bytes;
  } catch (cause) {
    return await rejectUnreadable(file, cause);
  } finally {
    await handle.close();
  }
}

async function refuseUnlessRegular(file: string, stats: Stats): Promise<void> {
  if (stats.isFile()) return;
  const what = stats.isDirectory()
    ? 'a folder'
    : stats.isFIFO()
      ? 'a named pipe (FIFO)'
      : stats.isSocket()
        ? 'a socket'
        : stats.isCharacterDevice() || stats.isBlockDevice()
          ? 'a device'
          : 'not a regular file';
  const link = await linkTarget(file);
  throw new GazetteError('ARTICLE_NOT_A_FILE', `is ${link === undefined ? '' : `a symbolic link to ${link}, `}${what.startsWith('not') ? what : `${what}, not a file`}`, {
    file,
    fix: stats.isDirectory()
      ? 'move the folder out of the articles folder, or rename it so its name does not end in .md'
      : 'delete it, or replace it with the article as an ordinary file',
  });
}

function refuseIfTooLarge(file: string, bytes: number, maxBytes: number): void {
  if (bytes <= maxBytes) return;
  throw new GazetteError('ARTICLE_TOO_LARGE', `is over the ${formatBytes(maxBytes)} limit for an article${bytes > maxBytes + 1 ? ` (${formatBytes(bytes)})` : ''}`, {
    file,
    fix: 'shorten it or split it into several articles, or raise "limits.articleBytes" in the config',
  });
}

/** Turns a failed stat, open or read into a content error that says what is wrong with the file. */
async function rejectUnreadable(file: string, cause: unknown): Promise<never> {
  if (cause instanceof GazetteError) throw cause;
  const code = (cause as NodeJS.ErrnoException).code ?? (cause instanceof Error ? cause.message : String(cause));
  const link = await linkTarget(file);
  const [problem, fix] =
    code === 'ENOENT' && link !== undefined
      ? [`is a symbolic link to ${link}, which does not exist`, 'point the link at an article file, or delete it']
      : code === 'ELOOP'
        ? [`is a symbolic link that leads back to itself${link === undefined ? '' : ` (to ${link})`}`, 'point the link at an article file, or delete it']
        : code === 'EACCES' || code === 'EPERM'
          ? ['cannot be read: permission denied', 'let your user read it (chmod a+r), or move it out of the articles folder']
          : code === 'ENOENT'
            ? ['was removed while the articles were being read', 'run the command again']
            : [`cannot be read (${code})`, 'check the file, or move it out of the articles folder'];
  throw new GazetteError('ARTICLE_UNREADABLE', problem, { file, fix, cause });
}

/** Where a symbolic link points, as written in it; undefined for anything else. */
async function linkTarget(file: string): Promise<string | undefined> {
  try {
    return (await lstat(file)).isSymbolicLink() ? await readlink(file) : undefined;
  } catch {
    return undefined;
  }
}

/** 2097152 → "2 MB", 1290 → "1.3 KB": the units a person sets the limit in. */
function formatBytes(bytes: number): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'MB'] : bytes >= 1024 ? [bytes / 1024, 'KB'] : [bytes, 'bytes'];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}
