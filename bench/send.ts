/**
 * Sending, timed on the sample digest with the repo's config:
 *
 *   compose        personalise + MIME for 10,000 subscribers, in-process,
 *                  messages per second
 *   SMTP           5,000 messages to a local smtp-server sink (a process of
 *                  its own) at 5 connections: `sendIssue` (list read from a
 *                  CSV, ledger in WAL, each message marked sending before and
 *                  sent after) beside a bare nodemailer pool loop sending the
 *                  same messages, prebuilt; they take turns, 3 runs each after
 *                  a warm-up, and the ratio of the medians must be ≥ 0.85
 *   end to end     the same 5,000 with gazette composing as it sends, once:
 *                  what a real send does, bounded by composition
 *   memory         peak RSS and live heap for 1,000 and for 100,000
 *                  subscribers streamed from a generated CSV through the dry
 *                  run to a discard sink, each in a fresh process
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import nodemailer from 'nodemailer';
import { renderIssue } from '../src/build.js';
import { readConfigFile } from '../src/config/file.js';
import { sendIssue } from '../src/send/index.js';
import { composeMessage, listIdOf, type ComposedMessage, type IssueMessages } from '../src/send/message.js';
import { readSubscribers } from '../src/send/subscribers.js';
import { poolOptions, smtpSettings } from '../src/send/transport.js';
import { compare, median } from './stats.js';

const COMPOSE_COUNT = 10_000;
const SMTP_COUNT = 5_000;
const CONNECTIONS = 5;
const RUNS = 3;

interface Memory {
  subscribers: number;
  written: number;
  ms: number;
  peakRss: number;
  peakHeap: number;
}

export async function benchSend(root: string, date: string): Promise<{ ratio: number }> {
  const { config } = await readConfigFile(path.join(root, 'gazette.config.json'));
  const { digest, template } = await renderIssue(config, { articlesDir: path.join(root, 'articles'), date });
  const scratch = mkdtempSync(path.join(tmpdir(), 'gazette-bench-send-'));
  const recipient = (i: number): { email: string; name: string; fields: Record<string, string> } => ({
    email: `reader${i}@example.org`,
    name: `Reader ${i} Smith`,
    fields: { city: `Port ${i % 50}` },
  });
  const issueKey = `${listIdOf(config)}/${date}`;
  const messages: IssueMessages = { config, digest, template, issueKey, listId: listIdOf(config), date: new Date(`${date}T08:00:00Z`), secret: 'bench-secret' };

  // 1. Composition.
  for (let i = 0; i < 200; i++) await composeMessage(messages, recipient(i)); // warm-up
  const composeStart = performance.now();
  let bytes = 0;
  for (let i = 0; i < COMPOSE_COUNT; i++) bytes += (await composeMessage(messages, recipient(i))).raw.length;
  const composeMs = performance.now() - composeStart;

  // 2. SMTP throughput, gazette beside a bare pool loop.
  const sink = spawn(process.execPath, [path.join(import.meta.dirname, 'smtp-sink.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [portLine] = (await once(createInterface({ input: sink.stdout }), 'line')) as [string];
  const smtp = smtpSettings({}, { GAZETTE_SMTP_URL: `smtp://127.0.0.1:${portLine.trim()}` });
  const csv = path.join(scratch, 'subscribers.csv');
  writeFileSync(
    csv,
    ['email,name,city', ...Array.from({ length: SMTP_COUNT }, (_, i) => `reader${i}@example.org,Reader ${i} Smith,Port ${i % 50}`)].join('\n'),
  );
  const prebuilt: ComposedMessage[] = [];
  for (let i = 0; i < SMTP_COUNT; i++) prebuilt.push(await composeMessage(messages, recipient(i)));

  const byAddress = new Map(prebuilt.map((m) => [m.envelope.to, m]));
  let round = 0;
  const gazette = async (): Promise<void> => {
    const report = await sendIssue({
      config,
      issue: { digest, template },
      date,
      statePath: path.join(scratch, `state-${++round}.db`),
      subscribers: readSubscribers(csv),
      smtp,
      secret: 'bench-secret',
      rate: 1e9,
      concurrency: CONNECTIONS,
      // The same prebuilt messages as the bare loop: what is timed is the list, the ledger and the loop.
      compose: async (r) => byAddress.get(r.email) ?? Promise.reject(new Error(`no message for ${r.email}`)),
    });
    if (report.sent !== SMTP_COUNT) throw new Error(`gazette sent ${report.sent} of ${SMTP_COUNT}`);
  };
  const bare = async (): Promise<void> => {
    const pool = nodemailer.createTransport(poolOptions(smtp, CONNECTIONS));
    try {
      await Promise.all(prebuilt.map((m) => pool.sendMail({ envelope: { from: m.envelope.from, to: [m.envelope.to] }, raw: m.raw })));
    } finally {
      pool.close();
    }
  };
  let times: number[][];
  let endToEndMs: number;
  try {
    times = await compare(RUNS, [gazette, bare], 1);
    const started = performance.now();
    const report = await sendIssue({
      config,
      issue: { digest, template },
      date,
      statePath: path.join(scratch, 'state-end-to-end.db'),
      subscribers: readSubscribers(csv),
      smtp,
      secret: 'bench-secret',
      rate: 1e9,
      concurrency: CONNECTIONS,
    });
    endToEndMs = performance.now() - started;
    if (report.sent !== SMTP_COUNT) throw new Error(`gazette sent ${report.sent} of ${SMTP_COUNT}`);
  } finally {
    sink.stdin.end();
    sink.kill('SIGTERM');
  }
  const [gazetteMs, bareMs] = times.map(median) as [number, number];
  const ratio = bareMs / gazetteMs;

  // 3. Memory, each size in a process of its own.
  const memory = [1_000, 100_000].map(
    (n) =>
      JSON.parse(execFileSync(process.execPath, ['--expose-gc', path.join(import.meta.dirname, 'send-memory.js'), String(n)], { encoding: 'utf8' })) as Memory,
  );
  rmSync(scratch, { recursive: true, force: true });

  const perSecond = (count: number, ms: number): string => `${Math.round((count * 1000) / ms).toLocaleString('en-GB')} messages/s`;
  const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(1)} MB`;
  const rows: [string, string, string][] = [
    [
      `compose, ${COMPOSE_COUNT.toLocaleString('en-GB')} subscribers`,
      perSecond(COMPOSE_COUNT, composeMs),
      `personalise + MIME, ${(bytes / COMPOSE_COUNT / 1024).toFixed(1)} KB a message`,
    ],
    [
      `SMTP, gazette sendIssue (median of ${RUNS})`,
      perSecond(SMTP_COUNT, gazetteMs),
      `${SMTP_COUNT.toLocaleString('en-GB')} messages, ${CONNECTIONS} connections: list + ledger + loop, messages prebuilt`,
    ],
    [`SMTP, bare nodemailer pool (median of ${RUNS})`, perSecond(SMTP_COUNT, bareMs), 'the same messages, prebuilt, all queued at once'],
    [
      'SMTP, gazette / bare',
      `${ratio.toFixed(2)}×`,
      ratio >= 0.85 ? 'the ledger and bookkeeping cost (≥ 0.85: ok)' : 'BELOW 0.85: the ledger is the bottleneck',
    ],
    ['SMTP end to end, gazette composing', perSecond(SMTP_COUNT, endToEndMs), 'one run: list + compose + ledger + SMTP'],
    ...memory.map((m): [string, string, string] => [
      `dry run, ${m.subscribers.toLocaleString('en-GB')} subscribers`,
      `RSS ${mb(m.peakRss)}`,
      `live heap ${mb(m.peakHeap)} at peak; ${perSecond(m.written, m.ms)}`,
    ]),
  ];
  const widths = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
  console.log('');
  console.log(`Send, on the sample digest (${digest.articles.length} articles):`);
  console.log('');
  for (const row of rows) console.log(`${row[0].padEnd(widths[0] ?? 0)}   ${row[1].padStart(widths[1] ?? 0)}   ${row[2]}`.trimEnd());
  console.log('');
  console.log('SMTP to a local smtp-server sink in its own process; the ratio times gazette on the messages the bare loop sends, so it is the cost of');
  console.log('the list, the ledger and the loop. Memory: a fresh process per size; live heap = heapUsed after a full GC, every 1,000 messages.');
  return { ratio };
}
