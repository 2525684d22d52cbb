import path from 'node:path';
import type { CommandModule } from 'yargs';
import { GazetteError } from '../../errors.js';
import { parseDate, today } from '../../load/date.js';
import type { Warning } from '../../types.js';
import { loadConfig } from '../config.js';
import { formatBytes, type Io } from '../io.js';

interface BuildArgs {
  articles?: string;
  out?: string;
  config?: string;
  date?: string;
  since?: string;
  limit?: number;
  templates?: string;
  pretty: boolean;
}

/** Gmail clips messages over ~102 KB, hiding the footer and the unsubscribe link. */
const SIZE_WARNING = 80 * 1024;

export function buildCommand(io: Io, done: (code: number) => void): CommandModule<object, BuildArgs> {
  return {
    command: 'build',
    describe: 'Build the digest from articles into out/<date>/ (HTML, text, JSON, MJML)',
    builder: (y) =>
      y
        .option('articles', { type: 'string', describe: 'Folder of article markdown [default: "articles", or the config\'s]' })
        .option('out', { type: 'string', describe: 'Folder to write the files to [default: out/<date>]' })
        .option('config', { type: 'string', describe: 'Config file [default: ./gazette.config.json or .yaml]' })
        .option('date', { type: 'string', describe: 'Issue date, YYYY-MM-DD [default: today]' })
        .option('since', { type: 'string', describe: 'Only articles published on or after this date' })
        .option('limit', { type: 'number', describe: 'At most this many articles, newest first' })
        .option('templates', { type: 'string', describe: 'Folder with your own digest.mjml.hbs and partials/' })
        .option('pretty', { type: 'boolean', default: false, describe: 'Readable HTML instead of minified' }) as never,
    handler: async (args) => {
      // The pipeline (MJML above all) loads here, so --help and usage errors stay instant.
      const [{ buildIssue }, { loadTemplates }] = await Promise.all([import('../../build.js'), import('../../render/templates.js')]);
      const { config, dir } = await loadConfig(args.config, io.cwd);
      const date = args.date ?? today();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !parseDate(date)) {
        throw new GazetteError('USAGE', `--date is ${JSON.stringify(date)}`, { fix: 'use YYYY-MM-DD, e.g. 2026-11-30' });
      }
      const articlesDir = args.articles ?? path.relative(io.cwd, path.resolve(dir, config.articles));
      const templatesDir = args.templates ?? (config.templates ? path.resolve(dir, config.templates) : undefined);
      const outDir = args.out ?? path.join('out', date);
      const result = await buildIssue(config, {
        articlesDir: articlesDir || '.',
        outDir: path.resolve(io.cwd, outDir),
        date,
        since: args.since,
        limit: args.limit,
        templates: templatesDir === undefined ? undefined : loadTemplates(path.resolve(io.cwd, templatesDir)),
        pretty: args.pretty,
      });
      printWarnings(result.warnings, io);
      io.out(`Built ${result.digest.articles.length} article${result.digest.articles.length === 1 ? '' : 's'} for ${date}: "${result.digest.subject}"`);
      const width = Math.max(...result.files.map((f) => path.relative(io.cwd, f.path).length));
      for (const file of result.files) io.out(`  ${path.relative(io.cwd, file.path).padEnd(width)}  ${formatBytes(file.bytes).padStart(8)}`);
      const html = result.files.find((f) => f.path.endsWith('index.html'));
      if (html) io.out(`Open ${path.relative(io.cwd, html.path)} in a browser to see the email.`);
      if (html && html.bytes > SIZE_WARNING) {
        io.err(`warning: index.html is ${formatBytes(html.bytes)}: Gmail clips emails over 102 KB, hiding the footer and unsubscribe link; use --limit or shorter summaries`);
      }
      done(0);
    },
  };
}

function printWarnings(warnings: readonly Warning[], io: Io): void {
  for (const w of warnings) {
    const where = w.file === undefined ? '' : w.line === undefined ? `${w.file}: ` : `${w.file}:${w.line}: `;
    io.err(`warning: ${where}${w.message}`);
  }
}
