import { spawnSync } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GazetteError } from '../../src/errors.js';
import { replaceFolder, type ReplaceFolderOptions } from '../../src/files/replace-folder.js';
import type { FileOps } from '../../src/files/ops.js';
import { contentsOf } from '../helpers/contents.js';
import { faultyOps } from '../helpers/file-ops.js';

const temps: string[] = [];
afterAll(async () => Promise.all(temps.map((d) => rm(d, { recursive: true, force: true }))));

/** A parent folder holding `issue/` with the old files. */
async function withOldIssue(): Promise<{ parent: string; target: string }> {
  const parent = await mkdtemp(path.join(tmpdir(), 'gazette-replace-'));
  temps.push(parent);
  const target = path.join(parent, 'issue');
  await mkdir(path.join(target, 'pages'), { recursive: true });
  for (const [name, text] of Object.entries(OLD)) await writeFile(path.join(target, name), text);
  return { parent, target };
}

const OLD = { 'index.html': 'old html', 'index.txt': 'old text', 'pages/1.html': 'old page', 'gone.json': 'only in the old' };
const NEW = { 'index.html': 'new html', 'index.txt': 'new text', 'pages/1.html': 'new page', 'pages/2.html': 'new page 2' };

const canonical = (files: Record<string, string>): string => JSON.stringify(Object.entries(files).sort());

const options = (ops?: FileOps): ReplaceFolderOptions => ({
  what: 'the issue',
  elsewhere: 'pass another --out',
  owns: (name, isFolder) => (isFolder ? name === 'pages' : /^(?:index\.(?:html|txt)|gone\.json|pages\/\d+\.html)$/.test(name)),
  ops,
});

async function write(target: string, files: Record<string, string>, ops?: FileOps): Promise<string[]> {
  return replaceFolder(
    target,
    async (staging) => {
      const paths: string[] = [];
      for (const [name, text] of Object.entries(files)) paths.push(await staging.write(name, text));
      return paths;
    },
    options(ops),
  );
}

describe('replaceFolder', () => {
  it('replaces the folder whole, returns the paths in it, and leaves nothing beside it', async () => {
    const { parent, target } = await withOldIssue();
    expect(await write(target, NEW)).toEqual(Object.keys(NEW).map((name) => path.join(target, name)));
    expect(await contentsOf(target)).toEqual(NEW);
    expect(await readdir(parent)).toEqual(['issue']);
  });

  it('makes the folder and its parents when they are not there', async () => {
    const { parent } = await withOldIssue();
    const target = path.join(parent, 'out', '2026-11-30');
    await write(target, NEW);
    expect(await contentsOf(target)).toEqual(NEW);
    expect(await readdir(path.join(parent, 'out'))).toEqual(['2026-11-30']);
  });

  it('never shows a reader a mix: between any two steps the folder is the old one, the new one or briefly absent', async () => {
    const { target } = await withOldIssue();
    const seen = new Set<string>();
    const ops = faultyOps(new Set(), async () => {
      const now = await contentsOf(target);
      const state = now === null ? 'absent' : canonical(now) === canonical(OLD) ? 'old' : canonical(now) === canonical(NEW) ? 'new' : `mixed: ${canonical(now)}`;
      seen.add(state);
    });
    await write(target, NEW, ops);
    expect([...seen].sort()).toEqual(['absent', 'new', 'old']);
  });

  it('leaves the old folder as it was and nothing beside it when any one step fails', async () => {
    const counting = faultyOps();
    await write((await withOldIssue()).target, NEW, counting);
    const steps = counting.calls;
    expect(steps).toEqual(['mkdir', 'mkdtemp', 'writeFile', 'writeFile', 'mkdir', 'writeFile', 'mkdir', 'writeFile', 'rename', 'rename', 'remove']);
    for (const [i, step] of steps.entries()) {
      const { parent, target } = await withOldIssue();
      const outcome = await write(target, NEW, faultyOps(new Set([i + 1]))).then(
        () => 'written',
        (error: unknown) => error,
      );
      if (step === 'remove') {
        // Only the clean-up of the old folder failed: the new one is in place; the leftover is swept by a later run.
        expect(outcome, `step ${i + 1}`).toBe('written');
        expect(await contentsOf(target)).toEqual(NEW);
        continue;
      }
      expect(outcome, `step ${i + 1} (${step})`).toBeInstanceOf(GazetteError);
      expect(outcome).toMatchObject({ code: 'WRITE_FAILED', kind: 'delivery' });
      expect((outcome as GazetteError).message).toContain(`cannot write the issue to ${target} (EIO)`);
      expect(await contentsOf(target), `step ${i + 1} (${step})`).toEqual(OLD);
      expect(await readdir(parent), `step ${i + 1} (${step})`).toEqual(['issue']);
    }
  });

  it('says where the old folder is when it cannot be put back either', async () => {
    const { parent, target } = await withOldIssue();
    const counting = faultyOps();
    await write((await withOldIssue()).target, NEW, counting);
    // The second rename puts the new folder in; the call after a failed one would put the old one back.
    const renameIn = counting.calls.lastIndexOf('rename') + 1;
    const error = (await write(target, NEW, faultyOps(new Set([renameIn, renameIn + 1]))).catch((e: unknown) => e)) as GazetteError;
    expect(error.code).toBe('WRITE_FAILED');
    const aside = /it is at (\S+)$/.exec(error.problem)?.[1] ?? '';
    expect(path.dirname(aside)).toBe(parent);
    expect(await contentsOf(aside)).toEqual(OLD);
    expect(error.fix).toBe(`move ${aside} back to ${target}`);
    expect((await readdir(parent)).filter((n) => n.includes('.new-'))).toEqual([]);
  });

  it('passes on what the filling throws, keeping the old folder', async () => {
    const { parent, target } = await withOldIssue();
    const bug = new Error('a bug in the writer');
    await expect(replaceFolder(target, () => Promise.reject(bug), options())).rejects.toBe(bug);
    expect(await contentsOf(target)).toEqual(OLD);
    expect(await readdir(parent)).toEqual(['issue']);
  });

  it('refuses a folder holding what it did not write, naming it, and changes nothing', async () => {
    const { parent, target } = await withOldIssue();
    await writeFile(path.join(target, 'notes.md'), 'my notes');
    await mkdir(path.join(target, 'pages', 'drafts'));
    const error = (await write(target, NEW).catch((e: unknown) => e)) as GazetteError;
    expect(error).toMatchObject({ code: 'OUTPUT_NOT_OURS', kind: 'delivery', exitCode: 3 });
    expect(error.message).toBe(
      `${target} holds files gazette did not write (notes.md, pages/drafts): move them out of the folder, or pass another --out: gazette replaces the folder whole, and will not delete what is not its own`,
    );
    expect(await contentsOf(target)).toEqual({ ...OLD, 'notes.md': 'my notes' });
    expect(await readdir(parent)).toEqual(['issue']);
  });

  it('replaces what a file manager leaves in a folder it has shown, with the rest', async () => {
    const { target } = await withOldIssue();
    for (const name of ['.DS_Store', '._index.html', 'pages/Thumbs.db']) await writeFile(path.join(target, name), 'litter');
    await write(target, NEW);
    expect(await contentsOf(target)).toEqual(NEW);
  });

  it('refuses a file where the folder should be', async () => {
    const { parent } = await withOldIssue();
    const target = path.join(parent, 'file');
    await writeFile(target, 'not a folder');
    await expect(write(target, NEW)).rejects.toMatchObject({ code: 'WRITE_FAILED', problem: `${target} is a file, not a folder` });
    await expect(write(path.join(target, 'below'), NEW)).rejects.toMatchObject({ code: 'WRITE_FAILED', problem: `cannot write the issue to ${path.join(target, 'below')} (ENOTDIR)` });
    expect((await readdir(parent)).sort()).toEqual(['file', 'issue']);
  });

  it('replaces the folder a symbolic link points to, and keeps the link', async () => {
    const { parent, target } = await withOldIssue();
    const link = path.join(parent, 'latest');
    await symlink('issue', link);
    expect(await write(link, NEW)).toContain(path.join(link, 'index.html'));
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await contentsOf(target)).toEqual(NEW);
    expect((await readdir(parent)).sort()).toEqual(['issue', 'latest']);
  });

  it('keeps one whole folder when several runs replace it at once, the last to finish winning', async () => {
    const { parent, target } = await withOldIssue();
    const version = (n: number): Record<string, string> => Object.fromEntries(Object.keys(NEW).map((name) => [name, `run ${n}: ${name}`]));
    const runs = Array.from({ length: 8 }, (_, n) => write(target, version(n)));
    await Promise.all(runs);
    const final = (await contentsOf(target)) ?? {};
    const run = /^run (\d+):/.exec(final['index.html'] ?? '')?.[1];
    expect(final).toEqual(version(Number(run)));
    expect(await readdir(parent)).toEqual(['issue']);
  });

  it('goes round again when another run puts its folder in between its two renames', async () => {
    const { parent, target } = await withOldIssue();
    const other = { 'index.html': 'other html' };
    let renames = 0;
    const ops = faultyOps(new Set(), async () => {
      // Right after this run moved the old folder aside, another run writes its own whole folder in.
      if (ops.calls.at(-1) === 'rename' && ++renames === 1) await write(target, other);
    });
    await write(target, NEW, ops);
    expect(ops.calls.filter((c) => c === 'rename')).toHaveLength(4);
    expect(await contentsOf(target)).toEqual(NEW);
    expect(await readdir(parent)).toEqual(['issue']);
  });

  it('sweeps what a killed run left beside the folder once it has sat a while, and nothing of a live run', async () => {
    const { parent, target } = await withOldIssue();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const old = new Date(Date.now() - 60 * 60 * 1000);
    const leftovers = [`.issue.${dead}.new-AbC123`, `.issue.${dead}.old-0a1b2c3d`];
    for (const name of leftovers) {
      await mkdir(path.join(parent, name, 'pages'), { recursive: true });
      await utimes(path.join(parent, name), old, old);
    }
    const recent = `.issue.${dead}.new-Recent`;
    const live = `.issue.${process.ppid}.new-Alive1`;
    for (const name of [recent, live]) await mkdir(path.join(parent, name));
    await utimes(path.join(parent, live), old, old);
    await writeFile(path.join(parent, '.issue.notes'), 'not a leftover');
    await write(target, NEW);
    expect((await readdir(parent)).sort()).toEqual(['.issue.notes', live, recent, 'issue'].sort());
  });
});
