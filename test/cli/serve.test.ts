import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import { Ledger } from '../../src/send/ledger.js';
import { listIdOf } from '../../src/send/message.js';
import { unsubscribeToken } from '../../src/send/unsubscribe.js';
import { stateWithIssue, writePublicConfig } from '../helpers/public.js';
import { scratchDir, SECRET } from '../helpers/send.js';
import { childEnv, runGazette, spawnGazette, type Child } from '../helpers/send-cli.js';

let scratch: Awaited<ReturnType<typeof scratchDir>>;
let config: Config;
const statePath = (): string => path.join(scratch.dir, '.gazette/state.db');

beforeAll(async () => {
  scratch = await scratchDir('gazette-cli-serve-');
  config = await writePublicConfig(scratch.dir);
  await stateWithIssue(config, statePath());
});
afterAll(async () => scratch.remove());

async function urlOf(child: Child): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const url = /^Serving The Test Tide at (http:\/\/127\.0\.0\.1:\d+\/newsletter\/) for https:\/\/tide\.example\.org\/newsletter\/ \(Ctrl-C to stop\)$/m.exec(
      child.stdout(),
    )?.[1];
    if (url) return url;
    if (Date.now() > deadline || child.process.exitCode !== null) throw new Error(`no URL printed:\n${child.stdout()}\n${child.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function until(condition: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('gazette serve', { timeout: 60_000 }, () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints its URL, answers under the public path, logs an unsubscribe, and exits 0 on ${signal}`, async () => {
      const child = spawnGazette(scratch.dir, ['serve', '--port', '0'], childEnv({ GAZETTE_UNSUBSCRIBE_SECRET: SECRET }));
      try {
        const url = await urlOf(child);
        const health = await fetch(`${url}healthz`);
        expect(health.status).toBe(200);
        expect(await health.text()).toBe('ok\n');
        expect((await fetch(`${url}archive/1/`)).status).toBe(200);
        expect((await fetch(`${new URL(url).origin}/archive/`)).status).toBe(404);

        const email = `leaver-${signal}@example.org`;
        const t = unsubscribeToken(SECRET, listIdOf(config), email);
        const res = await fetch(`${url}unsubscribe?t=${t}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        });
        expect(res.status).toBe(200);
        // Logged masked ("leaver-SIGTERM@…" as "l•••M@…"); the line may reach us just after the response.
        const logged = new RegExp(`^\\S+ unsubscribe l•••${signal.at(-1) ?? ''}@example\\.org \\(one-click\\)$`, 'm');
        await until(() => logged.test(child.stdout()));
        expect(child.stdout()).not.toContain(email);

        const started = Date.now();
        child.process.kill(signal);
        expect(await child.exited).toEqual({ code: 0, signal: null });
        expect(Date.now() - started).toBeLessThan(3_000);
        expect(child.stdout()).toContain(`Stopped (${signal}).`);
        await expect(fetch(`${url}healthz`)).rejects.toThrow();

        const ledger = Ledger.open(statePath());
        try {
          expect(ledger.isSuppressed(email)).toBe(true);
        } finally {
          ledger.close();
        }
      } finally {
        child.process.kill('SIGKILL');
      }
    });
  }

  it('exits 1 naming GAZETTE_UNSUBSCRIBE_SECRET when it is not set', async () => {
    const { code, stdout, stderr } = await runGazette(scratch.dir, ['serve', '--port', '0'], childEnv());
    expect(code).toBe(1);
    expect(stderr).toContain('gazette: GAZETTE_UNSUBSCRIBE_SECRET is not set');
    expect(stdout).toBe('');
  });

  it('exits 1 when the state database does not exist, rather than serving an empty one', async () => {
    const { code, stderr } = await runGazette(scratch.dir, ['serve', '--port', '0', '--state', 'nope.db'], childEnv({ GAZETTE_UNSUBSCRIBE_SECRET: SECRET }));
    expect(code).toBe(1);
    expect(stderr).toMatch(/gazette: there is no send ledger at .*nope\.db: pass --state/);
  });

  it('exits 1 on a bad --port', async () => {
    const { code, stderr } = await runGazette(scratch.dir, ['serve', '--port', '70000'], childEnv({ GAZETTE_UNSUBSCRIBE_SECRET: SECRET }));
    expect(code).toBe(1);
    expect(stderr).toContain('--port is 70000');
  });
});
