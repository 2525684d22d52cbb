import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Ledger } from '../../src/send/ledger.js';
import { csvOf, people, scratchDir, SECRET } from '../helpers/send.js';
import { childEnv, runGazette } from '../helpers/send-cli.js';
import { makeSeriesProject, writeArticle } from '../helpers/series.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';

let scratch: Awaited<ReturnType<typeof scratchDir>>;
let server: TestSmtp;
let project: string;
let state: string;

beforeEach(async () => {
  scratch = await scratchDir('gazette-suppress-');
  project = path.join(scratch.dir, 'project');
  await mkdir(project);
  await makeSeriesProject(project);
  state = path.join(project, 'state.db');
  server = await startSmtp();
});
afterEach(async () => {
  await server.close();
  await scratch.remove();
});

const env = (): NodeJS.ProcessEnv => childEnv({ GAZETTE_SMTP_URL: server.url, GAZETTE_UNSUBSCRIBE_SECRET: SECRET });
const gazette = (...args: string[]) => runGazette(project, [...args, '--state', state], env());

describe('gazette suppress', { timeout: 60_000 }, () => {
  it('adds, lists and removes addresses, from arguments and from a file', async () => {
    const bounces = await scratch.file('bounces.txt', '# from the relay, Monday\nbounced@example.org\n\nAlso.Bounced@Example.org   # twice\n');
    const added = await gazette('suppress', 'add', 'complained@example.org', '--from', bounces, '--reason', 'relay report 2026-12-01');
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('Suppressed 3 addresses');
    const again = await gazette('suppress', 'add', 'COMPLAINED@example.org');
    expect(again.stdout).toContain('Suppressed 0 addresses');
    expect(again.stderr).toContain('note: COMPLAINED@example.org was already suppressed (relay report 2026-12-01; operator, ');

    const listed = await gazette('suppress', 'list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^address\s+source\s+since\s+reason$/m);
    expect(listed.stdout).toMatch(/^complained@example\.org\s+operator\s+\S+Z\s+relay report 2026-12-01$/m);
    expect(listed.stdout).toContain('also.bounced@example.org');
    expect(listed.stdout).toContain('3 addresses.');
    const json = await gazette('suppress', 'list', '--json');
    expect(json.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { address: string }).address).sort()).toEqual([
      'also.bounced@example.org',
      'bounced@example.org',
      'complained@example.org',
    ]);

    const removed = await gazette('suppress', 'remove', 'bounced@example.org', 'never@example.org');
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('Removed 1 address from the suppression list');
    expect(removed.stderr).toContain('note: never@example.org was not suppressed');
    expect((await gazette('suppress', 'list')).stdout).not.toMatch(/^bounced@/m);
  });

  it('changes nothing when any address is bad, naming each', async () => {
    const file = await scratch.file('mixed.txt', 'good@example.org\nnot an address\n');
    const result = await gazette('suppress', 'add', 'fine@example.org', 'nope', '--from', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('2 of the addresses are not valid, so nothing was changed');
    expect(result.stderr).toContain('"nope" is not an email address (it has no @)');
    expect(result.stderr).toContain(`${file}:2: "not an address" is not an email address`);
    expect((await gazette('suppress', 'list')).stdout).toContain('No suppressions');
    expect((await gazette('suppress', 'add')).stderr).toContain('no addresses to add');
  });

  it('the next send skips an address suppressed by an operator and one unsubscribed through serve', async () => {
    const list = people(5, 'sup');
    const csv = await scratch.file('list.csv', csvOf(list));
    const send = (date: string) => runGazette(project, ['send', '--new-only', '--to', csv, '--state', state, '--date', date, '--yes'], env());
    expect((await send('2026-11-30')).code).toBe(0);
    expect(server.accepted).toHaveLength(5);

    const [first, second] = list;
    expect((await gazette('suppress', 'add', first!.email, '--reason', 'complaint')).code).toBe(0);
    // As `gazette serve` records a one-click unsubscribe.
    const ledger = Ledger.open(state);
    ledger.suppress(second!.email, 'unsubscribed', 'unsubscribe');
    ledger.close();

    await writeArticle(project, 'dredging-starts');
    const next = await send('2026-12-07');
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toMatch(/^ {4}2 suppressed \(unsubscribed or bounced before\): /m);
    const issue2 = server.accepted.slice(5).map((m) => m.to).sort();
    expect(issue2).toEqual(list.slice(2).map((p) => p.email).sort());
    const listed = await gazette('suppress', 'list');
    expect(listed.stdout).toMatch(new RegExp(`^${second!.email.replace('.', '\\.')}\\s+unsubscribe\\s+\\S+\\s+unsubscribed$`, 'm'));
  });

  it('lists nothing, and creates no ledger, where there is none', async () => {
    const result = await gazette('suppress', 'list');
    expect(result.stdout).toContain('No suppressions: there is no ledger at');
    const issues = await gazette('issues');
    expect(issues.stdout).toContain('No issues of the-test-tide.tide.example.org');
    const { existsSync } = await import('node:fs');
    expect(existsSync(state)).toBe(false);
  });
});
