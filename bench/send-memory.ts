/**
 * One measurement for the send benchmark, in a process of its own so that
 * its peak is its own: N subscribers generated into a CSV, streamed through
 * the dry run (read, deduplicated in the scratch SQLite file, personalised,
 * MIME-built) into a sink that discards every message. Prints one line of
 * JSON: { subscribers, written, ms, peakRss, peakHeap } (bytes).
 *
 * peakHeap is the live heap: heapUsed right after a full GC, every 1,000
 * messages, at its highest. (Without the GC, heapUsed mostly shows how much
 * garbage V8 chose to let pile up, which grows with the length of the run.)
 * peakRss is the process's resident peak.
 *
 *   node --expose-gc dist/bench/send-memory.js 100000
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { renderIssue } from '../src/build.js';
import { readConfigFile } from '../src/config/file.js';
import { dryRun } from '../src/send/dry-run.js';
import { readSubscribers } from '../src/send/subscribers.js';

const count = Number(process.argv[2] ?? '1000');
const root = path.resolve(import.meta.dirname, '../..');
const date = '2026-11-30';

const scratch = mkdtempSync(path.join(tmpdir(), 'gazette-bench-memory-'));
try {
  const csv = path.join(scratch, 'subscribers.csv');
  const out = createWriteStream(csv);
  out.write('email,name,city\n');
  for (let i = 1; i <= count; i++) {
    if (!out.write(`reader${i}@example.org,Reader ${i} Smith,Port ${i % 50}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');

  const { config } = await readConfigFile(path.join(root, 'gazette.config.json'));
  const { digest, template } = await renderIssue(config, { articlesDir: path.join(root, 'articles'), date });
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const liveHeap = (): number => {
    gc();
    return process.memoryUsage().heapUsed;
  };
  let peakHeap = liveHeap();
  const started = performance.now();
  let written = 0;
  const report = await dryRun({
    config,
    issue: { digest, template },
    date,
    subscribers: readSubscribers(csv),
    sink: () => {
      if (++written % 1000 === 0) peakHeap = Math.max(peakHeap, liveHeap());
    },
    secret: 'bench-secret',
  });
  const ms = performance.now() - started;
  peakHeap = Math.max(peakHeap, liveHeap());
  process.stdout.write(`${JSON.stringify({ subscribers: count, written: report.written, ms, peakRss: process.resourceUsage().maxRSS * 1024, peakHeap })}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
