import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CommandModule } from 'yargs';
import type { CheckInput, CheckReport, Finding, Level } from '../../check/types.js';
import type { ConfigFile } from '../../config/file.js';
import { GazetteError, isGazetteError } from '../../errors.js';
import type { TemplateSet } from '../../render/templates.js';
import { columns, wrap } from '../../render/wrap.js';
import type { Digest, Warning } from '../../types.js';
import { loadConfig } from '../config.js';
import { articlesDirOf, issueDate, issueOptions, selectionOptions, templatesOf } from '../options.js';
import { formatBytes, processIo, type Io } from '../io.js';

interface CheckArgs {
  articles?: string;
  html?: string;
  config?: string;
  date?: string;
  since?: string;
  limit?: number;
  templates?: string;
  json: boolean;
  strict: boolean;
  online: boolean;
  verbose: boolean;
}

export function checkCommand(io: Io, done: (code: number) => void): CommandModule<object, CheckArgs> {
  return {
    command: 'check',
    describe: 'Check the rendered email: size, images, links, client support, text part, subject; exit 2 on errors',
    builder: (y) =>
      y
        .options(issueOptions)
        .option('html', { type: 'string', describe: 'Check this HTML file instead (with index.txt and digest.json beside it, as build writes them)' })
        .options(selectionOptions)
        .option('json', { type: 'boolean', default: false, describe: 'Print the report as JSON, and nothing else' })
        .option('strict', { type: 'boolean', default: false, describe: 'Fail (exit 2) on warnings too' })
        .option('online', { type: 'boolean', default: false, describe: 'Also request every link and image (HEAD, 6 at a time, 10 s each)' })
        .option('verbose', { type: 'boolean', default: false, describe: 'List the info findings too (partial support, allowed items)' })
        .conflicts('html', ['articles', 'since', 'limit', 'date']) as never,
    handler: async (args) => {
      // The pipeline (MJML above all) and caniemail load here, so --help and usage errors stay instant.
      const check = await import('../../check/index.js');
      const { input, findings, templates } = args.html === undefined ? await rendered(args, io) : await fromFile(args.html, args, io);
      let report: CheckReport;
      if (input) {
        const offline = await check.checkIssue(input, { render: { templates } });
        const online = args.online ? await check.checkOnline(input.html) : [];
        report = check.reportOf([...findings, ...offline.findings, ...online], offline.htmlBytes);
      } else {
        report = check.reportOf(findings, 0);
      }
      if (args.json) io.out(JSON.stringify(report, null, 2));
      else printTable(report, io, { colour: io === processIo && process.stdout.isTTY === true && !process.env.NO_COLOR, verbose: args.verbose });
      done(report.errors > 0 || (args.strict && report.warnings > 0) ? 2 : 0);
    },
  };
}

interface Checked {
  /** Undefined when the email could not be rendered: `findings` say why. */
  input?: CheckInput;
  findings: Finding[];
  /** The user's templates, to re-render with when measuring what each article costs. */
  templates?: TemplateSet;
}

/** Render the articles in memory, as build would; a content error becomes findings. */
async function rendered(args: CheckArgs, io: Io): Promise<Checked> {
  const [{ renderIssue }, { findingsFromError }] = await Promise.all([import('../../build.js'), import('../../check/index.js')]);
  const configFile = await loadConfig(args.config, io.cwd);
  const { config } = configFile;
  const date = issueDate(args.date);
  const articlesDir = articlesDirOf(args.articles, configFile, io);
  const templates = await templatesOf(args.templates, configFile, io);
  try {
    const issue = await renderIssue(config, { articlesDir, date, since: args.since, limit: args.limit, templates });
    return { input: { html: issue.rendered.html, text: issue.rendered.text, digest: issue.digest, config }, findings: issue.warnings.map(warningFinding), templates };
  } catch (error) {
    const findings = findingsFromError(error);
    if (!findings) throw error;
    return { findings };
  }
}

/** An HTML file as build writes it, with index.txt and digest.json beside it when they are there. */
async function fromFile(file: string, args: CheckArgs, io: Io): Promise<Checked> {
  const configFile = await optionalConfig(args.config, io);
  const htmlPath = path.resolve(io.cwd, file);
  const html = await readFile(htmlPath, 'utf8').catch((cause: NodeJS.ErrnoException) => {
    throw new GazetteError('USAGE', `cannot read the HTML file (${cause.code ?? 'error'})`, { file, fix: 'check the path given to --html', cause });
  });
  const sibling = (name: string): Promise<string | undefined> => readFile(path.join(path.dirname(htmlPath), name), 'utf8').catch(() => undefined);
  const [text, json] = await Promise.all([sibling('index.txt'), sibling('digest.json')]);
  const digest = json === undefined ? undefined : parseDigest(json, path.join(path.dirname(file), 'digest.json'));
  return { input: { html, text, digest, config: configFile?.config }, findings: [], templates: await templatesOf(args.templates, configFile, io) };
}

/** With --html the config is optional: without one, the checks that need it (postal address, lang) are skipped. */
async function optionalConfig(option: string | undefined, io: Io): Promise<ConfigFile | undefined> {
  try {
    return await loadConfig(option, io.cwd);
  } catch (error) {
    if (option === undefined && isGazetteError(error) && error.code === 'CONFIG_NOT_FOUND') return undefined;
    throw error;
  }
}

function parseDigest(json: string, file: string): Digest {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = undefined;
  }
  const v = value as Partial<Digest> | undefined;
  const ok =
    typeof v === 'object' &&
    v !== null &&
    typeof v.subject === 'string' &&
    typeof v.preheader === 'string' &&
    Array.isArray(v.articles) &&
    v.articles.every((a) => typeof a === 'object' && a !== null && typeof a.url === 'string' && typeof a.slug === 'string' && typeof a.title === 'string');
  if (!ok) throw new GazetteError('USAGE', 'not a digest as gazette build writes it', { file, fix: 'rebuild it with gazette build, or remove it to check the HTML alone' });
  return value as Digest;
}

function warningFinding(w: Warning): Finding {
  return { level: 'warning', rule: 'articles', message: w.message, where: w.file === undefined ? undefined : w.line === undefined ? w.file : `${w.file}:${w.line}` };
}

const ORDER: Record<Level, number> = { error: 0, warning: 1, info: 2 };
const COLOURS: Record<Level, string> = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[2m' };
/** The message column wraps at this width, so `where` stays in view. */
const MESSAGE_WIDTH = 72;

/**
 * Aligned columns (level, rule, message, where), errors first, the fix under
 * each error and warning; then the counts. Info rows only with --verbose: a
 * clean report should read as clean.
 */
function printTable(report: CheckReport, io: Io, { colour, verbose }: { colour: boolean; verbose: boolean }): void {
  const rows = [...report.findings].filter((f) => verbose || f.level !== 'info').sort((a, b) => ORDER[a.level] - ORDER[b.level]);
  const paint = (level: Level, text: string): string => (colour ? `${COLOURS[level]}${text}\u001b[0m` : text);
  if (rows.length > 0) {
    const levelWidth = Math.max(5, ...rows.map((f) => f.level.length));
    const ruleWidth = Math.max(4, ...rows.map((f) => f.rule.length));
    const messageWidth = Math.min(MESSAGE_WIDTH, Math.max(7, ...rows.map((f) => columns(f.message))));
    const indent = ' '.repeat(levelWidth + ruleWidth + 4);
    io.out(`${'level'.padEnd(levelWidth)}  ${'rule'.padEnd(ruleWidth)}  ${'message'.padEnd(messageWidth)}  where`.trimEnd());
    for (const f of rows) {
      const lines = wrap(f.message, { width: messageWidth }).split('\n');
      if (f.fix && f.level !== 'info') lines.push(...wrap(`→ ${f.fix}`, { width: MESSAGE_WIDTH, indent: '  ' }).split('\n'));
      lines.forEach((line, i) => {
        const head = i === 0 ? `${paint(f.level, f.level.padEnd(levelWidth))}  ${f.rule.padEnd(ruleWidth)}  ` : indent;
        io.out(`${head}${i === 0 && f.where ? `${line}${' '.repeat(Math.max(0, messageWidth - columns(line)))}  ${f.where}` : line}`.trimEnd());
      });
    }
    io.out('');
  }
  const infos = report.findings.length - report.errors - report.warnings;
  const counts = `${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}${infos > 0 ? ` (${infos} info${verbose ? '' : ', --verbose lists them'})` : ''}`;
  const level: Level = report.errors > 0 ? 'error' : report.warnings > 0 ? 'warning' : 'info';
  io.out(`${report.errors + report.warnings > 0 ? paint(level, counts) : counts}${report.htmlBytes > 0 ? `; HTML ${formatBytes(report.htmlBytes)} (Gmail clips at 102 KB)` : ''}`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
