import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CommandModule } from 'yargs';
import { listIdOf } from '../../send/message.js';
import type { SeriesEntry } from '../../send/ledger.js';
import { loadConfig } from '../config.js';
import type { Io } from '../io.js';
import { issueOptions } from '../options.js';
import { DEFAULT_STATE } from './send.js';

interface IssuesArgs {
  config?: string;
  state?: string;
  json: boolean;
}

/** `gazette issues`: the series in the ledger, oldest first, with each issue's status and counts (see series/status.ts). */
export function issuesCommand(io: Io, done: (code: number) => void): CommandModule<object, IssuesArgs> {
  return {
    command: 'issues',
    describe: 'List the issues sent so far: number, date, subject, status, articles, sent/failed/queued',
    builder: (y) =>
      y
        .option('config', issueOptions.config)
        .option('state', { type: 'string', describe: `The send ledger (SQLite) [default: ${DEFAULT_STATE}]` })
        .option('json', { type: 'boolean', default: false, describe: 'One JSON object per issue, a line each' }) as never,
    handler: async (args) => {
      const { config } = await loadConfig(args.config, io.cwd);
      const statePath = path.resolve(io.cwd, args.state ?? DEFAULT_STATE);
      const listId = listIdOf(config);
      let series: SeriesEntry[] = [];
      if (existsSync(statePath)) {
        const { Ledger } = await import('../../send/ledger.js');
        const ledger = Ledger.open(statePath);
        try {
          series = ledger.series(listId);
        } finally {
          ledger.close();
        }
      }
      if (args.json) {
        for (const entry of series) io.out(JSON.stringify(entry));
      } else if (series.length === 0) {
        io.out(`No issues of ${listId} in ${path.relative(io.cwd, statePath) || statePath} yet.`);
      } else {
        for (const line of table(series)) io.out(line);
      }
      done(0);
    },
  };
}

function table(series: readonly SeriesEntry[]): string[] {
  const head = ['#', 'date', 'status', 'articles', 'sent', 'failed', 'queued', 'subject'];
  const rows = series.map((e) => [String(e.number), e.date, e.status, String(e.articles), String(e.sent), String(e.failed), String(e.queued), e.subject]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = new Set([0, 3, 4, 5, 6]);
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : numeric.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)];
}
