import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { csvOf, DATE, headerValues, ledgerRows, people, scratchDir, SECRET } from '../helpers/send.js';
import { minimalConfig, fixtures } from '../helpers/cli.js';
import { childEnv, makeProject, runGazette, spawnGazette } from '../helpers/send-cli.js';
import { startSmtp, type TestSmtp, type TestSmtpOptions } from '../helpers/smtp.js';

let scratch: Awaited<ReturnType<typeof scratchDir>>;
let project: string;
let servers: TestSmtp[] = [];
let runs = 0;

beforeAll(async () => {
  scratch = await scratchDir('gazette-cli-send-');
  project = scratch.dir;
  await makeProject(project);
});
afterAll(async () => scratch.remove());
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function smtp(options: TestSmtpOptions = {}): Promise<TestSmtp> {
  const server = await startSmtp(options);
  servers.push(server);
  return server;
}

/** A subscriber list and a ledger path of their own for one test. */
async function fixture(count: number): Promise<{ csv: string; state: string; list: ReturnType<typeof people> }> {
  const id = ++runs;
  const list = people(count, `r${id}x`);
  return { csv: await scratch.file(`list-${id}.csv`, csvOf(list)), state: path.join(project, `state-${id}.db`), list };
}

function envFor(server: TestSmtp, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return childEnv({ GAZETTE_SMTP_URL: server.url, GAZETTE_UNSUBSCRIBE_SECRET: SECRET, GAZETTE_RETRY_BASE_MS: '10', ...extra });
}

describe('gazette send', { timeout: 60_000 }, () => {
  it('sends, prints the report and exits 0', async () => {
    const server = await smtp();
    const { csv, state, list } = await fixture(6);
    const { code, stdout, stderr } = await runGazette(project, ['send', '--to', csv, '--date', DATE, '--state', state], envFor(server));
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^Sent "The Test Tide: .*" \(issue the-test-tide\.tide\.example\.org\/2026-11-30\)$/m);
    expect(stdout).toMatch(/^ {2}sent {6,}6$/m);
    expect(stdout).toMatch(/^ {2}failed {6,}0$/m);
    expect(stdout).toMatch(/^ {2}took [\d.]+ s, [\d.]+ messages\/s$/m);
    expect([...server.countsByRecipient().keys()].sort()).toEqual(list.map((p) => p.email));
  });

  it('exits 1 naming GAZETTE_UNSUBSCRIBE_SECRET when it is missing, before doing anything', async () => {
    const server = await smtp();
    const { csv, state } = await fixture(3);
    const { code, stderr } = await runGazette(project, ['send', '--to', csv, '--date', DATE, '--state', state], childEnv({ GAZETTE_SMTP_URL: server.url }));
    expect(code).toBe(1);
    expect(stderr).toContain('GAZETTE_UNSUBSCRIBE_SECRET is not set');
    expect(existsSync(state)).toBe(false);
  });

  it('exits 1 without an SMTP relay, and for options that do not go together', async () => {
    const { csv } = await fixture(1);
    const none = await runGazette(project, ['send', '--to', csv], childEnv({ GAZETTE_UNSUBSCRIBE_SECRET: SECRET }));
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no SMTP relay to send through: set GAZETTE_SMTP_URL');
    const both = await runGazette(project, ['send', '--to', csv, '--dry-run', 'x', '--test', 'a@example.org'], childEnv());
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('--dry-run and --test cannot go together');
    const noList = await runGazette(project, ['send'], childEnv());
    expect(noList.code).toBe(1);
    expect(noList.stderr).toContain('no subscriber list: pass --to FILE');
  });

  it('will not send to more than confirmAbove without a terminal unless given --yes', async () => {
    const server = await smtp();
    const { csv, state, list } = await fixture(11);
    const refused = await runGazette(project, ['send', '--to', csv, '--date', DATE, '--state', state], envFor(server));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('this would send to 11 subscribers, and there is no terminal to confirm it on: pass --yes');
    expect(server.accepted).toHaveLength(0);
    const yes = await runGazette(project, ['send', '--to', csv, '--date', DATE, '--state', state, '--yes'], envFor(server));
    expect(yes.code, yes.stderr).toBe(0);
    expect(server.accepted).toHaveLength(list.length);
  });

  it('exits 3 on a refused login, and prints the password nowhere', async () => {
    const server = await smtp({ auth: { user: 'news', pass: 'the-right-one' } });
    const { csv, state } = await fixture(3);
    const password = 'Sup3r-s3cret-pw';
    const url = `smtp://news:${password}@127.0.0.1:${server.port}`;
    const { code, stdout, stderr } = await runGazette(
      project,
      ['send', '--to', csv, '--date', DATE, '--state', state],
      envFor(server, { GAZETTE_SMTP_URL: url }),
    );
    expect(code).toBe(3);
    expect(stderr).toContain(`gazette: smtp://news@127.0.0.1:${server.port} refused the login: 535`);
    expect(`${stdout}${stderr}`).not.toContain(password);
    expect(`${stdout}${stderr}`).not.toContain(SECRET);
    expect(server.logins).toEqual([{ user: 'news', ok: false }]);
    expect(server.accepted).toHaveLength(0);
  });

  it('stops on SIGINT after what is in flight, prints the command that resumes, and that command finishes without duplicates', async () => {
    const { csv, state, list } = await fixture(60);
    let child: ReturnType<typeof spawnGazette> | undefined;
    const server = await smtp({
      delayMs: 10,
      onAccept: () => {
        if (server.accepted.length === 15) child?.process.kill('SIGINT');
      },
    });
    const args = ['send', '--to', csv, '--date', DATE, '--state', state, '--yes', '--concurrency', '3'];
    child = spawnGazette(project, args, envFor(server));
    const { code } = await child.exited;
    expect(code, child.stderr()).toBe(3);
    expect(child.stderr()).toContain('SIGINT: finishing the messages in flight, then stopping');
    expect(child.stdout()).toMatch(/^Stopped sending "/m);
    const resume = /to carry on with the subscribers not yet sent to, run: (gazette send --resume .*)$/m.exec(child.stderr())?.[1];
    expect(resume).toBe(`gazette send --resume --date ${DATE} --state ${state} --concurrency 3 --yes`);
    const rows = ledgerRows(state);
    expect(rows.filter((r) => r.status === 'sending')).toEqual([]);
    const sentBefore = rows.filter((r) => r.status === 'sent').length;
    expect(sentBefore).toBe(server.accepted.length);

    const resumed = await runGazette(project, (resume ?? '').split(' ').slice(1), envFor(server));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(new RegExp(`^ {2}sent +${list.length - sentBefore} +\\(${list.length} in all, with earlier runs\\)$`, 'm'));
    for (const p of list) expect(server.countsByRecipient().get(p.email), p.email).toBe(1);
    expect(server.accepted).toHaveLength(list.length);
  });

  it('exits 3 naming the process that holds the issue when a second run starts', async () => {
    const { csv, state, list } = await fixture(12);
    const args = ['send', '--to', csv, '--date', DATE, '--state', state, '--yes'];
    let second: Promise<Awaited<ReturnType<typeof runGazette>>> | undefined;
    // The first run's third message waits for the second run to be over.
    const server = await smtp({
      hold: (message) => {
        if (message.seq !== 3) return undefined;
        second = runGazette(project, args, envFor(server));
        return second;
      },
    });
    const first = spawnGazette(project, args, envFor(server));
    const done = await first.exited;
    const other = await second;
    expect(done.code, first.stderr()).toBe(0);
    expect(other?.code).toBe(3);
    expect(other?.stderr).toMatch(
      new RegExp(
        `^gazette: issue the-test-tide\\.tide\\.example\\.org/2026-11-30 is being sent by process ${first.process.pid}, started \\d{4}-.*: wait for it to finish`,
        'm',
      ),
    );
    expect(server.accepted).toHaveLength(list.length);
  });

  it('--dry-run writes the same .eml files twice, creates no ledger and sends nothing', async () => {
    const { csv, list } = await fixture(4);
    const out = path.join(project, 'dry');
    const env = childEnv({ GAZETTE_UNSUBSCRIBE_SECRET: SECRET });
    const first = await runGazette(project, ['send', '--to', csv, '--date', DATE, '--dry-run', out], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Wrote 4 messages to ${out}`);
    const names = (await readdir(out)).sort();
    expect(names).toEqual(list.map((p, i) => `000${i + 1}-${p.email.replace('@', '_at_')}.eml`));
    const bytes = await Promise.all(names.map((n) => readFile(path.join(out, n))));
    const second = await runGazette(project, ['send', '--to', csv, '--date', DATE, '--dry-run', out], env);
    expect(second.code).toBe(0);
    for (const [i, n] of names.entries()) expect(Buffer.compare(await readFile(path.join(out, n)), bytes[i] ?? Buffer.alloc(0)), n).toBe(0);
    expect(existsSync(path.join(project, '.gazette'))).toBe(false);
  });

  it('--test sends one [TEST] message to the address, outside the ledger', async () => {
    const server = await smtp();
    const state = path.join(project, 'test-state.db');
    const { code, stdout, stderr } = await runGazette(project, ['send', '--test', 'Editor@Example.org', '--date', DATE, '--state', state], envFor(server));
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^Sent a test of "\[TEST\] The Test Tide: .*" to Editor@example\.org through smtp:\/\/127\.0\.0\.1:\d+: 250 /m);
    expect(server.accepted).toHaveLength(1);
    const [message] = server.accepted;
    if (!message) throw new Error('no message');
    const mail = await server.parse(message);
    expect(mail.subject).toMatch(/^\[TEST\] The Test Tide: /);
    expect(message.to).toBe('editor@example.org');
    expect(mail.text).toContain('Hi Sam,');
    expect(existsSync(state)).toBe(false);
    expect(existsSync(path.join(project, '.gazette'))).toBe(false);
  });

  it('signs with DKIM from GAZETTE_DKIM_PRIVATE_KEY, and never prints the key', async () => {
    const dir = path.join(project, 'dkim');
    await mkdir(dir);
    await writeFile(path.join(dir, 'gazette.config.json'), JSON.stringify({ ...minimalConfig, dkim: { domain: 'example.org', selector: 'news' } }));
    await cp(path.join(fixtures, 'digest/articles'), path.join(dir, 'articles'), { recursive: true });
    const { csv } = await fixture(1);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const signed = await runGazette(dir, ['send', '--to', csv, '--date', DATE, '--dry-run', 'out'], childEnv({ GAZETTE_DKIM_PRIVATE_KEY: pem }));
    expect(signed.code, signed.stderr).toBe(0);
    const [file] = await readdir(path.join(dir, 'out'));
    const signature = headerValues(await readFile(path.join(dir, 'out', file ?? '')), 'DKIM-Signature')[0] ?? '';
    expect(signature).toMatch(/d=example\.org;.*s=news;/);
    expect(/\bh=([^;]+)/.exec(signature)?.[1]?.replace(/\s+/g, '').toLowerCase().split(':')).toEqual(
      expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post']),
    );

    const missing = await runGazette(dir, ['send', '--to', csv, '--date', DATE, '--dry-run', 'out'], childEnv());
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('the config asks for DKIM signing but gives no key');
    const bad = 'not-a-key-but-a-secret-all-the-same';
    const broken = await runGazette(dir, ['send', '--to', csv, '--date', DATE, '--dry-run', 'out'], childEnv({ GAZETTE_DKIM_PRIVATE_KEY: bad }));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('GAZETTE_DKIM_PRIVATE_KEY is not a PEM private key');
    expect(`${broken.stdout}${broken.stderr}${signed.stdout}${signed.stderr}`).not.toContain(bad);
    expect(`${signed.stdout}${signed.stderr}`).not.toContain(pem.split('\n')[1] ?? 'none');
  });
});
