import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GazetteError } from '../errors.js';
import type { ArchiveFile } from './site.js';

/**
 * Write the archive's files under `dir`, each to a temporary name beside it
 * and then renamed into place, so a web server never sends a half-written
 * page. Files of issues no longer in the archive are left alone. Returns the
 * paths written.
 */
export async function writeArchive(dir: string, files: readonly ArchiveFile[]): Promise<string[]> {
  const staged: { temp: string; final: string }[] = [];
  try {
    for (const file of files) {
      const final = path.join(dir, ...file.path.split('/'));
      const temp = path.join(path.dirname(final), `.${path.basename(final)}.${process.pid}.tmp`);
      await mkdir(path.dirname(final), { recursive: true });
      staged.push({ temp, final });
      await writeFile(temp, file.body);
    }
    for (const { temp, final } of staged) await rename(temp, final);
    return staged.map((s) => s.final);
  } catch (cause) {
    await Promise.all(staged.map((s) => rm(s.temp, { force: true })));
    throw new GazetteError('WRITE_FAILED', `cannot write the archive to ${dir} (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message})`, {
      fix: 'check that the folder is writable and the disk has space, or pass another --out',
      cause,
    });
  }
}
