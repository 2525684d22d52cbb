import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeIssue } from '../../src/deliver/write.js';
import { GazetteError } from '../../src/errors.js';
import { contentsOf } from '../helpers/contents.js';

const temps: string[] = [];
afterAll(async () => Promise.all(temps.map((d) => rm(d, { recursive: true, force: true }))));

const issue = (label: string): Record<string, string> => ({
  'index.html': `<p>${label}</p>`,
  'index.txt': `${label}\n`,
  'digest.json': `{"title":"${label}"}\n`,
  'digest.mjml': `<mjml>${label}</mjml>`,
});

async function outWithIssue(label: string): Promise<{ out: string; dir: string }> {
  const out = await mkdtemp(path.join(tmpdir(), 'gazette-deliver-'));
  temps.push(out);
  const dir = path.join(out, '2026-11-30');
  await writeIssue(dir, issue(label));
  return { out, dir };
}

describe('writeIssue', () => {
  it('replaces the previous issue with the new one and returns the paths in order', async () => {
    const { out, dir } = await outWithIssue('first');
    expect(await writeIssue(dir, issue('second'))).toEqual(Object.keys(issue('x')).map((name) => path.join(dir, name)));
    expect(await contentsOf(dir)).toEqual(issue('second'));
    expect(await readdir(out)).toEqual(['2026-11-30']);
  });

  it('refuses a folder holding files it did not write (exit 3), and keeps them and the previous issue', async () => {
    const { out, dir } = await outWithIssue('first');
    await writeFile(path.join(dir, 'notes.txt'), 'mine');
    const error = (await writeIssue(dir, issue('second')).catch((e: unknown) => e)) as GazetteError;
    expect(error).toMatchObject({ code: 'OUTPUT_NOT_OURS', exitCode: 3 });
    expect(error.problem).toBe(`${dir} holds a file gazette did not write (notes.txt)`);
    expect(await contentsOf(dir)).toEqual({ ...issue('first'), 'notes.txt': 'mine' });
    expect(await readdir(out)).toEqual(['2026-11-30']);
  });

  it('leaves the previous issue whole when the new one cannot be put in place', async () => {
    const { dir } = await outWithIssue('first');
    // A folder where one of the issue's files goes: writing file by file, the files before it were already replaced.
    await rm(path.join(dir, 'digest.json'));
    await mkdir(path.join(dir, 'digest.json', 'inside'), { recursive: true });
    await expect(writeIssue(dir, issue('second'))).rejects.toMatchObject({ kind: 'delivery' });
    const { 'digest.json': _gone, ...rest } = issue('first');
    expect(await contentsOf(dir)).toEqual(rest);
  });

  it('keeps one whole issue when several builds of the same date write at once', async () => {
    const { out, dir } = await outWithIssue('first');
    await Promise.all(Array.from({ length: 6 }, (_, n) => writeIssue(dir, issue(`build ${n}`))));
    const final = (await contentsOf(dir)) ?? {};
    const label = /^\{"title":"(.+)"\}/.exec(final['digest.json'] ?? '')?.[1] ?? '';
    expect(final).toEqual(issue(label));
    expect(await readdir(out)).toEqual(['2026-11-30']);
  });
});
