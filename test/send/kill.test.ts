import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerRows, people, csvOf, scratchDir, SECRET, DATE } from '../helpers/send.js';
import { childEnv, makeProject, runGazette, spawnGazette } from '../helpers/send-cli.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';

/**
 * The promise of the ledger, tested the hard way: a real `gazette send`
 * process is killed with SIGKILL in the middle of a 500-subscriber send, with
 * a slow relay so that several messages are in flight, then run again. Every
 * subscriber must have the issue; only rows the dead run left `sending` may
 * have it twice, and no more of them than there were connections.
 */

const SUBSCRIBERS = 500;
const CONCURRENCY = 5;
const KILL_AFTER = 200;

let scratch: Awaited<ReturnType<typeof scratchDir>>;
let server: TestSmtp;
beforeAll(async () => {
  scratch = await scratchDir('gazette-kill-');
  await makeProject(scratch.dir);
});
afterAll(async () => {
  await server?.close();
  await scratch.remove();
});

describe('a send killed with SIGKILL, then run again', { timeout: 60_000 }, () => {
  it('reaches every subscriber, with duplicates only among rows left `sending`, at most --concurrency', async () => {
    const list = people(SUBSCRIBERS);
    const csv = await scratch.file('subscribers.csv', csvOf(list));
    const state = path.join(scratch.dir, 'state.db');
    let child: ReturnType<typeof spawnGazette> | undefined;
    server = await startSmtp({
      delayMs: 20,
      onAccept: () => {
        // The 250 for this message has not gone out yet: the dying client never sees it.
        if (server.accepted.length === KILL_AFTER) child?.process.kill('SIGKILL');
      },
    });
    const env = childEnv({ GAZETTE_SMTP_URL: server.url, GAZETTE_UNSUBSCRIBE_SECRET: SECRET });
    const args = ['send', '--to', csv, '--date', DATE, '--state', state, '--yes', '--rate', '10000', '--concurrency', String(CONCURRENCY)];
    child = spawnGazette(scratch.dir, args, env);
    const { signal } = await child.exited;
    expect(signal, child.stderr()).toBe('SIGKILL');
    await sleep(200); // let the server answer what it had in hand
    const before = new Map(server.countsByRecipient());

    const rows = ledgerRows(state);
    const sending = rows.filter((r) => r.status === 'sending').map((r) => r.email);
    const sent = rows.filter((r) => r.status === 'sent').map((r) => r.email);
    const queued = rows.filter((r) => r.status === 'queued').map((r) => r.email);
    expect(rows).toHaveLength(SUBSCRIBERS);
    expect(sent.length + sending.length + queued.length).toBe(SUBSCRIBERS);
    // Every row marked sent had been accepted, once; no queued row reached the server.
    for (const email of sent) expect(before.get(email), email).toBe(1);
    for (const email of queued) expect(before.get(email), email).toBeUndefined();
    expect(sending.length).toBeGreaterThan(0);
    expect(sending.length).toBeLessThanOrEqual(CONCURRENCY);
    const ambiguous = sending.filter((email) => before.has(email));
    expect(ambiguous.length).toBeGreaterThanOrEqual(1); // at least the message the kill cut off

    const rerun = await runGazette(scratch.dir, args, env);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain(`${sending.length} message${sending.length === 1 ? '' : 's'} may have been sent twice: the last run stopped during`);
    expect(rerun.stdout).toMatch(/took over the lock of process \d+/);
    const after = server.countsByRecipient();
    for (const p of list) expect(after.get(p.email), p.email).toBeGreaterThanOrEqual(1);
    const duplicated = [...after.entries()].filter(([, n]) => n > 1).map(([email]) => email);
    expect(duplicated.sort()).toEqual([...ambiguous].sort());
    expect(duplicated.length).toBeLessThanOrEqual(CONCURRENCY);
    for (const email of duplicated) expect(after.get(email)).toBe(2);
    expect(server.accepted).toHaveLength(SUBSCRIBERS + duplicated.length);
    expect(ledgerRows(state).every((r) => r.status === 'sent')).toBe(true);

    console.log(
      `kill test: killed after ${KILL_AFTER} accepted; ledger then: ${sent.length} sent, ${sending.length} sending, ${queued.length} queued; ` +
        `${ambiguous.length} of the sending rows had reached the server; after the rerun: ${duplicated.length} duplicate(s), ${server.accepted.length} messages for ${SUBSCRIBERS} subscribers`,
    );
  });
});
