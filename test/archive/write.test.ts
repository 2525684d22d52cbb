import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveFiles } from '../../src/archive/site.js';
import { writeArchive } from '../../src/archive/write.js';
import { GazetteError } from '../../src/errors.js';
import { startServe } from '../../src/serve/index.js';
import { memoryArchive } from '../helpers/archive.js';
import { testConfig } from '../helpers/config.js';
import { scratchDir, SECRET } from '../helpers/send.js';

const config = testConfig({ publicUrl: 'https://tide.example.org/newsletter/' });
let scratch: Awaited<ReturnType<typeof scratchDir>>;
beforeAll(async () => {
  scratch = await scratchDir('gazette-archive-');
});
afterAll(async () => scratch.remove());

/** Every file under dir, relative, with /. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

describe('writeArchive', () => {
  it('writes the list, a page per issue and the feed, and nothing else', async () => {
    const out = path.join(scratch.dir, 'site');
    const written = await writeArchive(out, archiveFiles(config, memoryArchive()));
    expect(written.map((f) => path.relative(out, f).split(path.sep).join('/'))).toEqual([
      'archive/index.html',
      'archive/3/index.html',
      'archive/2/index.html',
      'archive/1/index.html',
      'feed.xml',
    ]);
    // No temporary file left behind.
    expect(await tree(out)).toEqual(['archive/1/index.html', 'archive/2/index.html', 'archive/3/index.html', 'archive/index.html', 'feed.xml']);
  });

  it('writes exactly what serve answers with, byte for byte', async () => {
    const out = path.join(scratch.dir, 'same');
    const archive = memoryArchive();
    await writeArchive(out, archiveFiles(config, archive));
    const serving = await startServe({
      config,
      secret: SECRET,
      archive,
      suppressions: { suppress: () => undefined, isSuppressed: () => false },
      checkHealth: () => undefined,
    });
    try {
      for (const file of await tree(out)) {
        const res = await fetch(`${serving.url}${file.replace(/index\.html$/, '')}`);
        expect(res.status, file).toBe(200);
        expect(await res.text(), file).toBe(await readFile(path.join(out, file), 'utf8'));
      }
    } finally {
      await serving.close();
    }
  });

  it('replaces the files of an earlier run in place', async () => {
    const out = path.join(scratch.dir, 'again');
    await writeArchive(out, [{ path: 'feed.xml', body: 'old' }]);
    await writeArchive(out, [{ path: 'feed.xml', body: 'new' }]);
    expect(await readFile(path.join(out, 'feed.xml'), 'utf8')).toBe('new');
    expect(await tree(out)).toEqual(['feed.xml']);
  });

  it('replaces the pages as one folder: an issue no longer in the archive goes, as it has from serve', async () => {
    const out = path.join(scratch.dir, 'shrinks');
    await writeArchive(out, archiveFiles(config, memoryArchive()));
    await writeFile(path.join(out, 'index.html'), 'the site around the archive');
    const fewer = memoryArchive().issues().slice(0, 2);
    await writeArchive(out, archiveFiles(config, memoryArchive(fewer)));
    expect(await tree(out)).toEqual(['archive/2/index.html', 'archive/3/index.html', 'archive/index.html', 'feed.xml', 'index.html']);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('the site around the archive');
  });

  it('refuses an archive folder holding files it did not write, and changes nothing', async () => {
    const out = path.join(scratch.dir, 'foreign');
    await writeArchive(out, archiveFiles(config, memoryArchive()));
    await writeFile(path.join(out, 'archive', '3', 'notes.txt'), 'mine');
    const before = await tree(out);
    const failed = writeArchive(out, [{ path: 'archive/index.html', body: 'new' }, { path: 'feed.xml', body: 'new' }]);
    await expect(failed).rejects.toMatchObject({ code: 'OUTPUT_NOT_OURS', problem: `${path.join(out, 'archive')} holds a file gazette did not write (3/notes.txt)` });
    expect(await tree(out)).toEqual(before);
    expect(await readFile(path.join(out, 'feed.xml'), 'utf8')).not.toBe('new');
  });

  it('fails with WRITE_FAILED and leaves no temporary files when it cannot write', async () => {
    const out = path.join(scratch.dir, 'blocked');
    await writeArchive(out, [{ path: 'feed.xml', body: 'kept' }]);
    // "archive" is a file, so archive/index.html cannot be written.
    await writeFile(path.join(out, 'archive'), 'in the way');
    const failed = writeArchive(out, [
      { path: 'feed.xml', body: 'new' },
      { path: 'archive/index.html', body: 'x' },
    ]);
    await expect(failed).rejects.toThrow(GazetteError);
    await expect(failed).rejects.toMatchObject({ code: 'WRITE_FAILED', problem: `${path.join(out, 'archive')} is a file, not a folder` });
    expect(await readFile(path.join(out, 'feed.xml'), 'utf8')).toBe('kept');
    expect(await tree(out)).toEqual(['archive', 'feed.xml']);
  });
});
