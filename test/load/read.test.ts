import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GazetteError } from '../../src/errors.js';
import { readArticleFile } from '../../src/load/read.js';
import { addSpecialFiles, runsAsRoot, type SpecialFiles } from '../helpers/special-files.js';

const LIMIT = 4096;
let dir: string;
let special: SpecialFiles;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'gazette-read-'));
  special = await addSpecialFiles(dir, '---\ntitle: A\n---\nBody.\n');
});
afterAll(async () => {
  await special.close();
  await rm(dir, { recursive: true, force: true });
});

async function failure(file: string, limit = LIMIT): Promise<GazetteError> {
  const error = await readArticleFile(file, limit).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, file).toBeInstanceOf(GazetteError);
  return error as GazetteError;
}

describe('readArticleFile', () => {
  it('reads an ordinary file, and one through a symbolic link', async () => {
    expect((await readArticleFile(path.join(dir, 'real.txt'), LIMIT)).toString()).toContain('title: A');
    expect((await readArticleFile(path.join(dir, `${special.goodLink}.md`), LIMIT)).toString()).toContain('title: A');
  });

  it('refuses everything that is not an ordinary file as a content error naming the file, without hanging or filling memory', async () => {
    for (const [name, code] of Object.entries(special.expected)) {
      const file = path.join(dir, name);
      const error = await failure(file);
      expect(error.code, name).toBe(code);
      expect(error.kind, name).toBe('content');
      expect(error.file, name).toBe(file);
      expect(error.fix, name).toBeTruthy();
    }
  });

  it('says what each one is', async () => {
    const problem = async (name: string): Promise<string> => (await failure(path.join(dir, name))).problem;
    expect(await problem('dangling.md')).toBe('is a symbolic link to nowhere.md, which does not exist');
    expect(await problem('loop.md')).toBe('is a symbolic link that leads back to itself (to loop.md)');
    expect(await problem('folder.md')).toBe('is a folder, not a file');
    expect(await problem('link-to-folder.md')).toBe('is a symbolic link to folder.md, a folder, not a file');
    expect(await problem('pipe.md')).toBe('is a named pipe (FIFO), not a file');
    expect(await problem('socket.md')).toBe('is a socket, not a file');
    expect(await problem('zero.md')).toBe('is a symbolic link to /dev/zero, a device, not a file');
  });

  it('refuses a file over the limit before reading it, naming the limit and the config key', async () => {
    const file = path.join(dir, 'big.md');
    await writeFile(file, 'x'.repeat(3 * 1024 * 1024));
    const error = await failure(file, 2 * 1024 * 1024);
    expect(error.code).toBe('ARTICLE_TOO_LARGE');
    expect(error.message).toBe(`${file}: is over the 2 MB limit for an article (3 MB): shorten it or split it into several articles, or raise "limits.articleBytes" in the config`);
    await writeFile(file, 'x'.repeat(LIMIT));
    expect((await readArticleFile(file, LIMIT)).length).toBe(LIMIT);
  });

  it.skipIf(!existsSync('/proc/self/maps'))('stops reading at the limit a file whose size says less than it holds', async () => {
    // The kernel makes /proc files up as they are read: stat says 0 bytes.
    const file = path.join(dir, 'proc.md');
    await symlink('/proc/self/maps', file);
    expect((await failure(file, 1024)).code).toBe('ARTICLE_TOO_LARGE');
  });

  it.skipIf(runsAsRoot)('reports a file it may not read', async () => {
    const file = path.join(dir, 'secret.md');
    await writeFile(file, 'x');
    await chmod(file, 0o000);
    const error = await failure(file);
    expect(error.code).toBe('ARTICLE_UNREADABLE');
    expect(error.problem).toBe('cannot be read: permission denied');
  });
});
