/**
 * The preview's live reload, timed on the sample articles (copied to a
 * scratch folder) with the repo's config, in-process:
 *
 *   edit to refresh   write a title change → the SSE `version` event arrives →
 *                     /email.html is fetched and holds the new title; median of 20
 *   rebuild alone     the render inside the preview (config, articles, templates
 *                     → HTML and text), median of the same 20
 *   status.json       the page's panel refresh after an edit (runs `check`), median of 20
 *   heap used         after 20 and after 300 rebuilds, each after a full GC, to
 *                     show that memory stays flat
 */
import { get, type IncomingMessage } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startPreview } from '../src/preview/index.js';
import { median, ms } from './stats.js';

const ARTICLE = 'harbour-ferry-returns.md';

export async function benchPreview(root: string, date: string): Promise<void> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'gazette-bench-preview-'));
  cpSync(path.join(root, 'articles'), path.join(scratch, 'articles'), { recursive: true });
  cpSync(path.join(root, 'gazette.config.json'), path.join(scratch, 'gazette.config.json'));
  const file = path.join(scratch, 'articles', ARTICLE);
  const original = readFileSync(file, 'utf8');
  const title = /^title: "?(.*?)"?$/m.exec(original)?.[1] ?? '';

  const preview = await startPreview({ cwd: scratch, configFile: 'gazette.config.json', date, port: 0 });
  const events = listen(preview.url);
  await events.next(0);
  const gc = collector();
  let edits = 0;

  /** One edit, timed from the write to the fetched email that shows it. */
  const edit = async (): Promise<{ refresh: number; render: number; status: number }> => {
    const marker = `(revision ${++edits})`;
    const seen = events.count();
    const start = performance.now();
    writeFileSync(file, original.replace(title, `${title} ${marker}`));
    await events.next(seen);
    const html = await (await fetch(`${preview.url}email.html`)).text();
    const refresh = performance.now() - start;
    if (!html.includes(marker)) throw new Error(`the preview served an email without ${marker}`);
    const statusStart = performance.now();
    await (await fetch(`${preview.url}status.json`)).text();
    return { refresh, render: preview.state.renderMs, status: performance.now() - statusStart };
  };

  try {
    for (let i = 0; i < 3; i++) await edit(); // warm-up
    const timed: { refresh: number; render: number; status: number }[] = [];
    for (let i = 0; i < 20; i++) timed.push(await edit());
    const heap20 = heapAfter(gc);
    const rebuilds20 = preview.rebuilds;
    while (preview.rebuilds < rebuilds20 - 20 + 300) await edit();
    const heap300 = heapAfter(gc);

    const rows: [string, string, string][] = [
      ['edit to refresh (median of 20)', ms(median(timed.map((t) => t.refresh))), 'save → SSE event → /email.html with the new title'],
      ['rebuild alone (median of 20)', ms(median(timed.map((t) => t.render))), 'config, articles, templates → HTML and text, in memory'],
      ['status.json (median of 20)', ms(median(timed.map((t) => t.status))), "the page's panels after an edit, `check` included"],
      [`heap used after ${rebuilds20} rebuilds`, mb(heap20), ''],
      [`heap used after ${preview.rebuilds} rebuilds`, mb(heap300), `${heap300 >= heap20 ? '+' : '−'}${mb(Math.abs(heap300 - heap20))}`],
    ];
    const widths = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
    console.log('');
    console.log(`Preview, live reload on the sample digest (${preview.state.ok ? preview.state.digest.articles.length : '?'} articles):`);
    console.log('');
    for (const row of rows) console.log(`${row[0].padEnd(widths[0] ?? 0)}   ${row[1].padStart(widths[1] ?? 0)}   ${row[2]}`.trimEnd());
    console.log('');
    console.log('edit to refresh includes the 40 ms quiet time that gathers a burst of saves into one rebuild; heap after a full GC.');
  } finally {
    events.close();
    await preview.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** global.gc when node runs with --expose-gc, else the same function fetched through V8's flag. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function heapAfter(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** A minimal SSE client: counts `version` events. */
function listen(url: string): { count: () => number; next: (after: number) => Promise<void>; close: () => void } {
  let versions = 0;
  let wake: (() => void) | undefined;
  let response: IncomingMessage | undefined;
  const request = get(`${url}events`, (res) => {
    response = res;
    res.setEncoding('utf8');
    let buffer = '';
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        if (/^event: version$/m.test(buffer.slice(0, end))) versions++;
        buffer = buffer.slice(end + 2);
      }
      wake?.();
    });
  });
  return {
    count: () => versions,
    async next(after) {
      const deadline = Date.now() + 10_000;
      while (versions <= after) {
        if (Date.now() > deadline) throw new Error('the preview sent no reload event within 10 s');
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 100);
        });
      }
    },
    close: () => (response ? response.destroy() : request.destroy()),
  };
}
