import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GazetteError } from '../../src/errors.js';
import { writeFileAtomically } from '../../src/files/write-file.js';
import { faultyOps } from '../helpers/file-ops.js';

const temps: string[] = [];
afterAll(async () => Promise.all(temps.map((d) => rm(d, { recursive: true, force: true }))));
const names = { what: 'the article', elsewhere: 'pass another --to' };

async function folderWithFile(): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gazette-write-'));
  temps.push(dir);
  const file = path.join(dir, 'ferry.md');
  await writeFile(file, 'old');
  return { dir, file };
}

describe('writeFileAtomically', () => {
  it('replaces the file and leaves nothing beside it', async () => {
    const { dir, file } = await folderWithFile();
    await writeFileAtomically(file, 'new', names);
    expect(await readFile(file, 'utf8')).toBe('new');
    await writeFileAtomically(path.join(dir, 'sub', 'made.md'), 'made', names);
    expect((await readdir(dir)).sort()).toEqual(['ferry.md', 'sub']);
  });

  it('keeps the old file and leaves no temporary one when any step fails', async () => {
    const counting = faultyOps();
    await writeFileAtomically((await folderWithFile()).file, 'new', names, counting);
    expect(counting.calls).toEqual(['mkdir', 'writeFile', 'rename']);
    for (const step of [1, 2, 3]) {
      const { dir, file } = await folderWithFile();
      const error = (await writeFileAtomically(file, 'new', names, faultyOps(new Set([step]))).catch((e: unknown) => e)) as GazetteError;
      expect(error).toBeInstanceOf(GazetteError);
      expect(error.message).toBe(`cannot write the article to ${file} (EIO): check that the folder is writable and the disk has space, or pass another --to; what was there before is unchanged`);
      expect(await readFile(file, 'utf8')).toBe('old');
      expect(await readdir(dir)).toEqual(['ferry.md']);
    }
  });

  it('fails with WRITE_FAILED on a folder where the file should be', async () => {
    const { dir } = await folderWithFile();
    await mkdir(path.join(dir, 'taken.md', 'inside'), { recursive: true });
    await expect(writeFileAtomically(path.join(dir, 'taken.md'), 'x', names)).rejects.toMatchObject({ code: 'WRITE_FAILED', exitCode: 3 });
    expect((await readdir(dir)).sort()).toEqual(['ferry.md', 'taken.md']);
  });
});
