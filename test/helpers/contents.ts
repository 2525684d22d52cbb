import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Every file under `dir` with its text, by path relative to it (with /); null when `dir` is not there. */
export async function contentsOf(dir: string): Promise<Record<string, string> | null> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const files: Record<string, string> = {};
  for (const entry of entries.filter((e) => e.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file).split(path.sep).join('/')] = await readFile(file, 'utf8');
  }
  return files;
}
