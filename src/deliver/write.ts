import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GazetteError } from '../errors.js';

/**
 * Write files into `dir` so that a reader never sees a mix of old and new:
 * everything is written to temporary names first, then renamed into place.
 * If anything fails, the temporary files go and the previous files stay.
 */
export async function writeFilesAtomically(dir: string, files: Readonly<Record<string, string>>): Promise<string[]> {
  const staged: { temp: string; final: string }[] = [];
  try {
    await mkdir(dir, { recursive: true });
    for (const [name, content] of Object.entries(files)) {
      const final = path.join(dir, name);
      const temp = path.join(dir, `.${name}.${process.pid}.tmp`);
      staged.push({ temp, final });
      await writeFile(temp, content);
    }
    for (const { temp, final } of staged) await rename(temp, final);
    return staged.map((s) => s.final);
  } catch (cause) {
    await Promise.all(staged.map((s) => rm(s.temp, { force: true })));
    throw new GazetteError('WRITE_FAILED', `cannot write ${Object.keys(files).join(', ')} to ${dir} (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message})`, {
      fix: 'check that the folder is writable and the disk has space, or write to another folder',
      cause,
    });
  }
}
