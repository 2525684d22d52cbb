import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRenderer, serialised } from '../../src/preview/renderer.js';
import { testConfig } from '../helpers/config.js';

const temps: string[] = [];
afterAll(async () => Promise.all(temps.map((d) => rm(d, { recursive: true, force: true }))));

async function project(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gazette-renderer-'));
  temps.push(dir);
  await cp(path.join(import.meta.dirname, '../fixtures/digest/articles'), path.join(dir, 'articles'), { recursive: true });
  await writeFile(path.join(dir, 'gazette.config.json'), JSON.stringify(testConfig(), null, 2));
  return dir;
}

describe('serialised', () => {
  it('never runs the task twice at once, and runs once more for any number of calls during a run', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const task = serialised(async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running--;
      return ++runs;
    });
    const first = task();
    const during = [task(), task(), task()];
    expect(await first).toBe(1);
    expect(await Promise.all(during)).toEqual([2, 2, 2]);
    expect(most).toBe(1);
    expect(await task()).toBe(3);
    await task.idle();
    expect(runs).toBe(3);
  });

  it('goes on after a run that fails', async () => {
    let calls = 0;
    const task = serialised(async () => {
      calls++;
      if (calls === 1) throw new Error('first run fails');
      return calls;
    });
    const failing = task();
    const next = task();
    await expect(failing).rejects.toThrow('first run fails');
    expect(await next).toBe(2);
  });
});

describe('createRenderer', () => {
  it('renders, keeps only the latest render, and changes the version only when the output changes', async () => {
    const dir = await project();
    const renderer = createRenderer({ cwd: dir, configFile: 'gazette.config.json', date: '2026-11-30' });
    expect(() => renderer.state).toThrow('await rebuild()');
    expect(await renderer.rebuild()).toBe(true);
    const first = renderer.state;
    expect(first.ok).toBe(true);
    expect(renderer.watched).toEqual([path.join(dir, 'gazette.config.json'), path.join(dir, 'articles')]);

    expect(await renderer.rebuild()).toBe(false);
    expect(renderer.state.version).toBe(first.version);

    const file = path.join(dir, 'articles/north-pier-lights.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('North Pier lights switched on', 'North Pier lights switched off'));
    expect(await renderer.rebuild()).toBe(true);
    expect(renderer.state.version).not.toBe(first.version);
    expect(renderer.state.ok && renderer.state.html).toContain('North Pier lights switched off');
    expect(renderer.rebuilds).toBe(3);
  });

  it('runs check on first use only, with the config it rendered with', async () => {
    const dir = await project();
    const renderer = createRenderer({ cwd: dir, configFile: 'gazette.config.json', date: '2026-11-30' });
    await renderer.rebuild();
    const { state } = renderer;
    if (!state.ok) throw new Error('expected a render');
    const report = state.check();
    expect(state.check()).toBe(report);
    expect(report.htmlBytes).toBe(Buffer.byteLength(state.html));
  });

  it('reports a missing articles folder as a failed render, paths relative to the project', async () => {
    const dir = await project();
    const renderer = createRenderer({ cwd: dir, configFile: 'gazette.config.json', articlesDir: 'nowhere', date: '2026-11-30' });
    await renderer.rebuild();
    const { state } = renderer;
    expect(state.ok).toBe(false);
    if (state.ok) return;
    expect(state.error.code).toBe('ARTICLES_DIR_MISSING');
    expect(state.config?.name).toBe('The Test Tide');
  });
});
