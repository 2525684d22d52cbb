import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import { stateWithIssue, writePublicConfig } from '../helpers/public.js';
import { scratchDir, SECRET } from '../helpers/send.js';
import { childEnv, runGazette, spawnGazette } from '../helpers/send-cli.js';

let scratch: Awaited<ReturnType<typeof scratchDir>>;
let config: Config;

beforeAll(async () => {
  scratch = await scratchDir('gazette-cli-archive-');
  config = await writePublicConfig(scratch.dir);
  const state = path.join(scratch.dir, '.gazette/state.db');
  await stateWithIssue(config, state, '2026-11-30');
  await stateWithIssue(config, state, '2026-12-07');
});
afterAll(async () => scratch.remove());

const FILES = ['site/archive/index.html', 'site/archive/2/index.html', 'site/archive/1/index.html', 'site/feed.xml'];

describe('gazette archive', { timeout: 60_000 }, () => {
  it('writes the archive and the feed, prints the paths, and the files are what serve answers with', async () => {
    const { code, stdout, stderr } = await runGazette(scratch.dir, ['archive', '--out', 'site'], childEnv());
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('Wrote the archive of The Test Tide: 2 issues, for https://tide.example.org/newsletter/archive/');
    const printed = stdout
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.trim().split(/\s+/)[0]);
    expect(printed).toEqual(FILES);
    expect(XMLValidator.validate(await readFile(path.join(scratch.dir, 'site/feed.xml'), 'utf8'))).toBe(true);

    const serve = spawnGazette(scratch.dir, ['serve', '--port', '0'], childEnv({ GAZETTE_UNSUBSCRIBE_SECRET: SECRET }));
    try {
      let url: string | undefined;
      const deadline = Date.now() + 15_000;
      while (!(url = /at (http:\/\/\S+\/newsletter\/) for/.exec(serve.stdout())?.[1])) {
        if (Date.now() > deadline || serve.process.exitCode !== null) throw new Error(`serve printed no URL:\n${serve.stdout()}\n${serve.stderr()}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      for (const file of FILES) {
        const res = await fetch(`${url}${file.slice('site/'.length).replace(/index\.html$/, '')}`);
        expect(res.status, file).toBe(200);
        expect(await res.text(), file).toBe(await readFile(path.join(scratch.dir, file), 'utf8'));
      }
    } finally {
      serve.process.kill('SIGTERM');
      await serve.exited;
    }
  });

  it('exits 1 without --out', async () => {
    const { code, stderr } = await runGazette(scratch.dir, ['archive'], childEnv());
    expect(code).toBe(1);
    expect(stderr).toContain('Missing required argument: out');
  });

  it('exits 1 when the state database does not exist', async () => {
    const { code, stderr } = await runGazette(scratch.dir, ['archive', '--out', 'elsewhere', '--state', 'typo.db'], childEnv());
    expect(code).toBe(1);
    expect(stderr).toMatch(/there is no send ledger at .*typo\.db/);
  });
});
