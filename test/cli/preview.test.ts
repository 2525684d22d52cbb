import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/src/cli/main.js');

const config = {
  name: 'The Test Tide',
  from: { address: 'tide@example.org' },
  postalAddress: 'The Test Tide, 1 Harbour Row, Port Ellis TW1 1AA',
  siteUrl: 'https://tide.example.org',
};

let project: string;
beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'gazette-cli-preview-'));
  await writeFile(path.join(project, 'gazette.config.json'), JSON.stringify(config, null, 2));
  await cp(path.join(root, 'test/fixtures/digest/articles'), path.join(project, 'articles'), { recursive: true });
});
afterAll(async () => rm(project, { recursive: true, force: true }));

interface Running {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Start the built CLI (npm test builds it first) in the project folder. */
function gazette(...args: string[]): Running {
  const child = spawn(process.execPath, [cli, ...args], { cwd: project });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function urlOf(running: Running): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const url = /Preview at (http:\/\/127\.0\.0\.1:\d+\/) \(Ctrl-C to stop\)/.exec(running.stdout())?.[1];
    if (url) return url;
    if (Date.now() > deadline || running.child.exitCode !== null) throw new Error(`no URL printed:\n${running.stdout()}\n${running.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('gazette preview', { timeout: 30_000 }, () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`prints the URL, serves the email, and exits 0 on ${signal} with a page still listening`, async () => {
      const running = gazette('preview', '--port', '0', '--date', '2026-11-30');
      try {
        const url = await urlOf(running);
        const email = await fetch(`${url}email.html`);
        expect(email.status).toBe(200);
        expect(await email.text()).toContain('North Pier lights switched on for the winter');
        // An open event stream, as a browser tab would keep, must not hold the process.
        const events = await fetch(`${url}events`);
        expect(events.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');

        const started = Date.now();
        running.child.kill(signal);
        expect(await running.exited).toEqual({ code: 0, signal: null });
        expect(Date.now() - started).toBeLessThan(3000);
        expect(running.stdout()).toMatch(/rendered in \d+ ms, HTML \d+\.\d KB: "The Test Tide: /);
        expect(running.stdout()).toContain(`Preview stopped (${signal}).`);
        await expect(fetch(`${url}status.json`)).rejects.toThrow();
      } finally {
        running.child.kill('SIGKILL');
      }
    });
  }

  it('exits 1 naming the fix when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const running = gazette('preview', '--port', String(port));
      expect((await running.exited).code).toBe(1);
      expect(running.stderr()).toContain(`gazette: port ${port} on 127.0.0.1 is already in use: pass another --port, or --port 0 to take any free one`);
    } finally {
      blocker.close();
    }
  });

  it('exits 1 on a bad --date or --port', async () => {
    const date = gazette('preview', '--port', '0', '--date', 'tomorrow');
    expect((await date.exited).code).toBe(1);
    expect(date.stderr()).toContain('--date is "tomorrow"');
    const port = gazette('preview', '--port', '70000');
    expect((await port.exited).code).toBe(1);
    expect(port.stderr()).toContain('--port is 70000');
  });
});
