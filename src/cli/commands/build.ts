import path from 'node:path';
import type { CommandModule } from 'yargs';
import { GazetteError } from '../../errors.js';
import type { Warning } from '../../types.js';
import { loadConfig } from '../config.js';
import { articlesDirOf, issueDate, issueOptions, selectionOptions, templatesOf } from '../options.js';
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
  number?: number;
}

/** Gmail clips messages over ~102 KB, hiding the footer and the unsubscribe link. */
const SIZE_WARNING = 80 * 1024;

export function buildCommand(io: Io, done: (code: number) => void): CommandModule<object, BuildArgs> {
  return {
    command: 'build',
    describe: 'Build the digest from articles into out/<date>/ (HTML, text, JSON, MJML)',
    builder: (y) =>
      y
        .options(issueOptions)
        .option('out', { type: 'string', describe: 'Folder to write the files to [default: out/<date>]' })
        .options(selectionOptions)
        .option('pretty', { type: 'boolean', default: false, describe: 'Readable HTML instead of minified' })
        .option('number', {
          type: 'number',
          describe: "The issue's number in the series: with the config's publicUrl, the email links to its archive page [default: none, no link]",
        }) as never,
    handler: async (args) => {
      // The pipeline (MJML above all) loads here, so --help and usage errors stay instant.
      const { buildIssue } = await import('../../build.js');
      const configFile = await loadConfig(args.config, io.cwd);
      const date = issueDate(args.date);
      if (args.number !== undefined && !(Number.isInteger(args.number) && args.number >= 1)) {
        throw new GazetteError('USAGE', `--number is ${String(args.number)}`, { fix: 'give the issue number, a whole number from 1' });
      }
      const result = await buildIssue(configFile.config, {
        articlesDir: articlesDirOf(args.articles, configFile, io),
        outDir: path.resolve(io.cwd, args.out ?? path.join('out', date)),
        date,
        since: args.since,
        limit: args.limit,
        templates: await templatesOf(args.templates, configFile, io),
        pretty: args.pretty,
        number: args.number,
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
