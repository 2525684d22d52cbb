import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvOf, ledgerRows, people, scratchDir, SECRET } from '../helpers/send.js';
import { childEnv, runGazette, spawnGazette, type Child } from '../helpers/send-cli.js';
import { makeSeriesProject } from '../helpers/series.js';
import { startSmtp, type TestSmtp, type TestSmtpOptions } from '../helpers/smtp.js';

/** `gazette schedule` as a child process, ticking every second against a real SMTP server on 127.0.0.1. */

let scratch: Awaited<ReturnType<typeof scratchDir>>;
let project: string;
let state: string;
let servers: TestSmtp[] = [];
let children: Child[] = [];

beforeEach(async () => {
  scratch = await scratchDir('gazette-schedule-');
  project = path.join(scratch.dir, 'project');
  await mkdir(project);
  state = path.join(project, 'state.db');
});
afterEach(async () => {
  for (const child of children) if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
  await Promise.all(children.map((c) => c.exited));
  children = [];
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  await scratch.remove();
});

async function smtp(options: TestSmtpOptions = {}): Promise<TestSmtp> {
  const server = await startSmtp(options);
  servers.push(server);
  return server;
}

async function project_(cron: string, subscribers: number): Promise<string> {
  await makeSeriesProject(project, { schedule: { cron, timezone: 'UTC', to: 'subscribers.csv' } });
  await scratch.file('project/subscribers.csv', csvOf(people(subscribers, 'sched')));
  return project;
}

function schedule(server: TestSmtp | undefined, ...args: string[]): Child {
  const env = childEnv(server ? { GAZETTE_SMTP_URL: server.url, GAZETTE_UNSUBSCRIBE_SECRET: SECRET, GAZETTE_RETRY_BASE_MS: '10' } : {});
  const child = spawnGazette(project, ['schedule', '--state', state, ...args], env);
  children.push(child);
  return child;
}

/** Wait until the child's output matches, or fail naming what it printed. */
async function until(child: Child, test: (stdout: string) => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test(child.stdout())) {
    if (Date.now() > deadline || child.process.exitCode !== null) {
      throw new Error(`no ${what} within ${ms} ms; stdout:\n${child.stdout()}\nstderr:\n${child.stderr()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const count = (text: string, pattern: RegExp): number => text.match(new RegExp(pattern.source, 'gm'))?.length ?? 0;
const STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z /;

describe('gazette schedule', { timeout: 60_000 }, () => {
  it('runs a tick every second: the first sends the new issue, the second finds the day\'s issue sent, and SIGTERM stops it', async () => {
    const server = await smtp();
    await project_('* * * * * *', 3);
    const child = schedule(server);
    await until(child, (out) => count(out, /^\S+ next run /) >= 2, 'two finished ticks');
    child.process.kill('SIGTERM');
    const { code } = await child.exited;
    const out = child.stdout();
    expect(code, child.stderr()).toBe(0);
    for (const line of out.trimEnd().split('\n')) expect(line).toMatch(STAMP);
    expect(out).toMatch(/^\S+ schedule "\* \* \* \* \* \*" in UTC, state .*state\.db, pid \d+; next run \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/m);
    const ticks = out.split(/^\S+ tick /m).slice(1);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    // The first tick: issue 1, every fixture article, to everyone.
    expect(ticks[0]).toMatch(/Issue 1 \(\d{4}-\d{2}-\d{2}\): 4 articles/);
    expect(ticks[0]).toMatch(/Sent "The Test Tide: .*"/);
    expect(ticks[0]).toMatch(/ {2}sent {11}3$/m);
    // The second, the same day: the same issue again, which everyone has.
    expect(ticks[1]).toMatch(/Issue 1 \(\d{4}-\d{2}-\d{2}\): 4 articles, .*: the day's issue again/);
    expect(ticks[1]).toMatch(/ {2}sent {11}0 {3}\(3 in all, with earlier runs\)$/m);
    expect(out).toMatch(/SIGTERM: stopping/);
    expect(out).toMatch(/stopped after \d+ ticks$/m);
    expect(server.accepted).toHaveLength(3);
    for (const [, n] of server.countsByRecipient()) expect(n).toBe(1);
  });

  it('logs a failed tick and still runs the next', async () => {
    await project_('* * * * * *', 2);
    // A relay nobody answers on: every tick fails, and the schedule goes on.
    const child = spawnGazette(project, ['schedule', '--state', state], childEnv({ GAZETTE_SMTP_URL: 'smtp://127.0.0.1:1', GAZETTE_UNSUBSCRIBE_SECRET: SECRET }));
    children.push(child);
    await until(child, (out) => count(out, /^\S+ tick failed: /) >= 2, 'two failed ticks');
    child.process.kill('SIGINT');
    expect((await child.exited).code).toBe(0);
    expect(child.stdout()).toMatch(/^\S+ tick failed: cannot reach smtp:\/\/127\.0\.0\.1:1: .*ECONNREFUSED/m);
    expect(child.stdout()).toMatch(/stopped after \d+ ticks \(\d+ failed\)$/m);
  });

  it('allows one scheduler per state database: the second exits 3 naming the first one\'s pid', async () => {
    const server = await smtp();
    await project_('0 8 * * 1', 1);
    const first = schedule(server);
    await until(first, (out) => out.includes('; next run '), 'the start line');
    const second = await runGazette(
      project,
      ['schedule', '--state', state],
      childEnv({ GAZETTE_SMTP_URL: server.url, GAZETTE_UNSUBSCRIBE_SECRET: SECRET }),
    );
    expect(second.code).toBe(3);
    expect(second.stderr).toContain(`gazette: another gazette schedule is running on ${state}: process ${first.process.pid}, started `);
    expect(second.stderr).toContain(`kill ${first.process.pid}`);
    first.process.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
    expect(first.stdout()).toMatch(/stopped after 0 ticks$/m);
    // Once it is gone, another may start.
    const third = schedule(server);
    await until(third, (out) => out.includes('; next run '), 'the start line');
    third.process.kill('SIGTERM');
    expect((await third.exited).code).toBe(0);
  });

  it('on SIGTERM during a send, finishes the messages in flight, records them, and exits', async () => {
    let child: Child | undefined;
    const server = await smtp({
      delayMs: 20,
      onAccept: () => {
        if (server.accepted.length === 5) child?.process.kill('SIGTERM');
      },
    });
    await project_('* * * * * *', 60);
    child = schedule(server, '--concurrency', '3');
    const { code } = await child.exited;
    expect(code, child.stderr()).toBe(0);
    const out = child.stdout();
    expect(out).toContain('SIGTERM: stopping');
    expect(out).toMatch(/Stopped sending "The Test Tide: .*"/);
    expect(out).toMatch(/issue 1 \(\d{4}-\d{2}-\d{2}\) stopped; the next run today carries on with it, or finish it now with: gazette send --resume --date \d{4}-\d{2}-\d{2} --state /);
    expect(count(out, /^\S+ tick /)).toBe(1);
    const rows = ledgerRows(state);
    expect(rows.filter((r) => r.status === 'sending')).toEqual([]);
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(server.accepted.length);
    expect(server.accepted.length).toBeLessThan(60);
    expect(rows.filter((r) => r.status === 'queued')).toHaveLength(60 - server.accepted.length);
  });

  it('--next 5 prints the next five run times in the configured zone and exits', async () => {
    await makeSeriesProject(project, { schedule: { cron: '0 8 * * 1', timezone: 'Europe/London' } });
    const result = await runGazette(project, ['schedule', '--next', '5'], childEnv());
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    let last = Date.now();
    for (const line of lines) {
      expect(line).toMatch(/^\d{4}-\d{2}-\d{2}T08:00:00\+0[01]:00$/);
      const at = new Date(line);
      expect(at.getUTCDay()).toBe(1);
      expect(at.getTime()).toBeGreaterThan(last);
      expect(at.getTime() - last).toBeLessThanOrEqual(7 * 86_400_000 + 3_600_000);
      last = at.getTime();
    }
  });

  it('refuses a bad cron expression or time zone as a config error naming the key, and a config without a schedule', async () => {
    await makeSeriesProject(project, { schedule: { cron: '0 25 * * 1' } });
    const bad = await runGazette(project, ['schedule', '--next', '1'], childEnv());
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/gazette: gazette\.config\.json:\d+: key "schedule\.cron" must be a cron expression such as "0 8 \* \* 1" \(minute hour day month weekday\): .*hour/);
    await makeSeriesProject(project, { schedule: { cron: '0 8 * * 1', timezone: 'Mars/Olympus' } });
    const zone = await runGazette(project, ['schedule', '--next', '1'], childEnv());
    expect(zone.code).toBe(1);
    expect(zone.stderr).toContain('key "schedule.timezone" must be an IANA time zone such as "Europe/London" or "UTC"');
    await makeSeriesProject(project);
    const none = await runGazette(project, ['schedule'], childEnv());
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('the config has no "schedule"');
  });
});
