import path from 'node:path';
import type { CommandModule } from 'yargs';
import { EXIT_CODES, GazetteError } from '../../errors.js';
import { parseDate } from '../../load/date.js';
import { isHttpUrl } from '../../load/front-matter.js';
import { findConfigFile, readConfigFile } from '../../config/file.js';
import type { Io } from '../io.js';
import { describeError } from '../report.js';

interface ImportArgs {
  sources: string[];
  to?: string;
  url?: string;
  date?: string;
  force: boolean;
  timeout: number;
}

/**
 * yargs drops a lone "-" from positional arguments (yargs/yargs#1312), yet it
 * is how every Unix tool names standard input: run() passes it to import as
 * this, which no shell can produce, and the command turns it back.
 */
const STDIN_ARG = '\u0000-';

/** The arguments with each lone "-" after the import command made STDIN_ARG, so that yargs keeps it. */
export function keepStdinArg(argv: readonly string[]): string[] {
  const command = argv.indexOf('import');
  return argv.map((arg, i) => (command >= 0 && i > command && arg === '-' ? STDIN_ARG : arg));
}

export function importCommand(io: Io, done: (code: number) => void): CommandModule<object, ImportArgs> {
  return {
    command: 'import <sources..>',
    describe: 'Turn news pages (.html files or http(s) addresses) and raw text pastes into article markdown',
    builder: (y) =>
      y
        .positional('sources', { type: 'string', array: true, describe: 'A .txt paste, a saved .html page, an http(s):// address, or - for standard input' })
        .option('to', { type: 'string', describe: 'Folder to write to [default: "articles", or the config\'s]' })
        .option('url', { type: 'string', describe: 'The story\'s address, when the source does not give it (one source only)' })
        .option('date', { type: 'string', describe: 'Publication date YYYY-MM-DD, when the source does not give it' })
        .option('force', { type: 'boolean', default: false, describe: 'Overwrite an earlier import of the same article' })
        .option('timeout', { type: 'number', default: 15, describe: 'Seconds to wait for a page' }) as never,
    handler: async (args) => {
      const sources = args.sources.map((s) => (s === STDIN_ARG ? '-' : s));
      if (sources.length === 0) throw new GazetteError('USAGE', 'no source to import', { fix: 'name a file, an http(s) address, or - for standard input' });
      if (sources.filter((s) => s === '-').length > 1) throw new GazetteError('USAGE', '- (standard input) is named twice', { fix: 'name it once' });
      if (args.url !== undefined && sources.length > 1) {
        throw new GazetteError('USAGE', '--url names one story, but several sources were given', { fix: 'import them one at a time, or leave --url out' });
      }
      if (args.url !== undefined && !isHttpUrl(args.url)) {
        throw new GazetteError('USAGE', `--url is ${JSON.stringify(args.url)}`, { fix: 'use a full http:// or https:// address' });
      }
      if (args.date !== undefined && !parseDate(args.date)) {
        throw new GazetteError('USAGE', `--date is ${JSON.stringify(args.date)}`, { fix: 'use YYYY-MM-DD, e.g. 2026-11-30' });
      }
      if (!(args.timeout > 0)) throw new GazetteError('USAGE', `--timeout is ${args.timeout}`, { fix: 'use a number of seconds above 0' });
      const { importEach } = await import('../../import/each.js');
      const dir = path.resolve(io.cwd, args.to ?? (await configuredArticlesDir(io.cwd)));
      let code = EXIT_CODES.ok;
      for await (const outcome of importEach(sources, { dir, url: args.url, date: args.date, force: args.force, fetch: { timeoutMs: args.timeout * 1000 } })) {
        if ('error' in outcome) {
          const failure = describeError(outcome.error, outcome.source);
          io.err(failure.message);
          // A source that failed is at least a content error (exit 2), whatever its kind.
          code = Math.max(code, failure.code, EXIT_CODES.content);
          continue;
        }
        const { saved, source } = outcome;
        const shown = path.relative(io.cwd, saved.path);
        if (saved.status === 'exists') io.out(`${shown} (already imported from ${source}; --force to overwrite)`);
        else io.out(saved.status === 'overwritten' ? `${shown} (overwritten)` : shown);
      }
      // One bad source does not stop the others; the exit code still says something failed.
      done(code);
    },
  };
}

/** The config's articles folder when there is a config here, else "articles". */
async function configuredArticlesDir(cwd: string): Promise<string> {
  const file = await findConfigFile(cwd);
  if (!file) return 'articles';
  const { config, dir } = await readConfigFile(file);
  return path.resolve(dir, config.articles);
}
