import path from 'node:path';
import { createInterface } from 'node:readline';
import type { CommandModule } from 'yargs';
import type { Config } from '../../config/schema.js';
import { GazetteError } from '../../errors.js';
import type { TemplateSet } from '../../render/templates.js';
import type { DkimKey, IssueContent, SendReport } from '../../send/index.js';
import type { IssueArticle } from '../../send/ledger.js';
import type { SmtpSettings } from '../../send/transport.js';
import type { SubscriberRow } from '../../send/types.js';
import type { Warning } from '../../types.js';
import { loadConfig } from '../config.js';
import type { Io } from '../io.js';
import { articlesDirOf, issueDate, issueOptions, templatesOf } from '../options.js';
import { dkimKeyOf, redacted, retryBaseFromEnv, secretsInEnv, unsubscribeSecret } from '../send-env.js';
import { stopOnSignals } from '../signals.js';

interface SendArgs {
  to?: string;
  articles?: string;
  date?: string;
  config?: string;
  templates?: string;
  state?: string;
  dryRun?: string;
  test?: string;
  resume: boolean;
  newOnly: boolean;
  includeUpdated: boolean;
  rate?: number;
  concurrency?: number;
  yes: boolean;
  insecure: boolean;
}

export const DEFAULT_STATE = '.gazette/state.db';
/** Signs the dry run's unsubscribe links when GAZETTE_UNSUBSCRIBE_SECRET is not set: they work nowhere, which is what a dry run wants. */
const DRY_RUN_SECRET = 'gazette-dry-run';

export function sendCommand(io: Io, done: (code: number) => void): CommandModule<object, SendArgs> {
  return {
    command: 'send',
    describe: 'Send the issue to a subscriber list (CSV or JSON Lines), each subscriber exactly once, through crashes and reruns',
    builder: (y) =>
      y
        .option('to', { type: 'string', describe: 'Subscriber list: CSV with a header row (email, name, any column) or JSON Lines' })
        .options(issueOptions)
        .option('state', { type: 'string', describe: `The send ledger (SQLite) [default: ${DEFAULT_STATE}]` })
        .option('dry-run', { type: 'string', describe: 'Write one .eml per subscriber to this folder instead of sending' })
        .option('test', { type: 'string', describe: 'Send one "[TEST]" message to this address, outside the ledger' })
        .option('resume', { type: 'boolean', default: false, describe: 'Carry on with a stopped send, without reading the list again' })
        .option('new-only', {
          type: 'boolean',
          default: false,
          describe: 'Send only the articles no earlier issue included; nothing (exit 0) when there are none. For cron',
        })
        .option('include-updated', {
          type: 'boolean',
          default: false,
          describe: 'With --new-only: also articles edited since an earlier issue had them',
        })
        .option('rate', { type: 'number', describe: "Messages per second, at most [default: the config's send.rate, 10]" })
        .option('concurrency', { type: 'number', describe: "SMTP connections at once [default: the config's send.concurrency, 3]" })
        .option('yes', { type: 'boolean', default: false, describe: 'Do not ask before sending to more than send.confirmAbove subscribers' })
        .option('insecure', {
          type: 'boolean',
          default: false,
          describe: 'Allow SMTP without TLS, or with an unverified certificate, to a remote host',
        }) as never,
    handler: async (args) => {
      try {
        await send(args, io, done);
      } catch (error) {
        throw redacted(error, secretsInEnv(process.env));
      }
    },
  };
}

/** What every mode needs: the rendered issue, the settings and the secrets, all checked before any work. */
interface Prepared {
  args: SendArgs;
  io: Io;
  date: string;
  config: Config;
  issue: IssueContent;
  /** Its number in the series (for the archive link), and its articles for the ledger. */
  number: number;
  articles: IssueArticle[];
  statePath: string;
  dkim: DkimKey | undefined;
  subscribers: () => AsyncGenerator<SubscriberRow>;
}

async function send(args: SendArgs, io: Io, done: (code: number) => void): Promise<void> {
  checkArgs(args);
  const date = issueDate(args.date);
  const configFile = await loadConfig(args.config, io.cwd);
  const { config } = configFile;
  const env = process.env;
  // Settings and secrets first: a missing one stops the command before any work.
  const { smtpSettings } = await import('../../send/transport.js');
  const smtp = args.dryRun === undefined ? smtpSettings(config, env, { insecure: args.insecure }) : undefined;
  const secret = smtp ? unsubscribeSecret(env) : env.GAZETTE_UNSUBSCRIBE_SECRET || undefined;
  const dkim = dkimKeyOf(configFile, env.GAZETTE_DKIM_PRIVATE_KEY);

  const statePath = path.resolve(io.cwd, args.state ?? DEFAULT_STATE);
  const articlesDir = articlesDirOf(args.articles, configFile, io);
  const templates = await templatesOf(args.templates, configFile, io);
  const { readSubscribers } = await import('../../send/subscribers.js');
  const issue = args.newOnly
    ? await planNew(config, { articlesDir, date, statePath, templates, includeUpdated: args.includeUpdated }, io)
    : await renderAll(config, { articlesDir, date, statePath, templates }, io);
  if (!issue) {
    done(0);
    return;
  }
  const prepared: Prepared = {
    args,
    io,
    date,
    config,
    ...issue,
    statePath,
    dkim,
    subscribers: () => readSubscribers(path.resolve(io.cwd, args.to ?? '')),
  };
  if (!smtp || !secret) done(await writeDryRun(prepared, args.dryRun ?? '.', secret));
  else if (args.test !== undefined) done(await sendTest(prepared, args.test, smtp, secret));
  else done(await sendToList(prepared, smtp, secret, retryBaseFromEnv(env.GAZETTE_RETRY_BASE_MS)));
}

interface RenderInput {
  articlesDir: string;
  date: string;
  statePath: string;
  templates: TemplateSet | undefined;
}

type ReadyIssue = Pick<Prepared, 'issue' | 'number' | 'articles'>;

/** Every article of the folder as the issue of the day (or, once it has gone to anyone, the articles it was made with). */
async function renderAll(config: Config, input: RenderInput, io: Io): Promise<ReadyIssue> {
  const { planFullIssue, describePlan } = await import('../../series/plan.js');
  const plan = await planFullIssue(config, input);
  printWarnings(plan.warnings, io);
  if (plan.kind === 'continue') for (const line of describePlan(plan)) io.err(line);
  return { issue: { digest: plan.rendered.digest, template: plan.rendered.template }, number: plan.number, articles: plan.articles };
}

/** --new-only: what no earlier issue had, or the day's issue again; undefined (and says so) when there is nothing new. */
async function planNew(config: Config, input: RenderInput & { includeUpdated: boolean }, io: Io): Promise<ReadyIssue | undefined> {
  const { planNewIssue, describePlan } = await import('../../series/plan.js');
  const plan = await planNewIssue(config, input);
  printWarnings(plan.warnings, io);
  for (const line of describePlan(plan)) io.out(line);
  if (plan.kind === 'nothing') return undefined;
  return { issue: { digest: plan.rendered.digest, template: plan.rendered.template }, number: plan.number, articles: plan.articles };
}

async function writeDryRun({ io, config, issue, date, dkim, subscribers }: Prepared, dir: string, secret: string | undefined): Promise<number> {
  const [{ dryRun }, { formatDryRun }] = await Promise.all([import('../../send/dry-run.js'), import('../../send/progress.js')]);
  const report = await dryRun({ config, issue, date, subscribers: subscribers(), dir: path.resolve(io.cwd, dir), secret: secret ?? DRY_RUN_SECRET, dkim });
  for (const line of formatDryRun(report)) io.out(line);
  if (!secret) io.err('note: GAZETTE_UNSUBSCRIBE_SECRET is not set, so the unsubscribe links are signed with a placeholder and would not work');
  return 0;
}

async function sendTest({ io, config, issue, date, dkim }: Prepared, address: string, smtp: SmtpSettings, secret: string): Promise<number> {
  const [{ sendTestMessage }, { isValidAddress, normaliseAddress }] = await Promise.all([
    import('../../send/test-message.js'),
    import('../../send/address.js'),
  ]);
  const to = normaliseAddress(address);
  if (!isValidAddress(to)) {
    throw new GazetteError('USAGE', `--test ${JSON.stringify(address)} is not an email address`, { fix: 'give the address to send the test message to' });
  }
  const sent = await sendTestMessage({ config, issue, date, to, smtp, secret, dkim });
  io.out(`Sent a test of "[TEST] ${issue.digest.subject}" to ${to} through ${smtp.display}: ${sent.response} (${sent.messageId})`);
  return 0;
}

async function sendToList(
  { args, io, config, issue, date, dkim, subscribers, number, articles, statePath }: Prepared,
  smtp: SmtpSettings,
  secret: string,
  retryBaseMs: number | undefined,
): Promise<number> {
  if (args.resume && args.to !== undefined) io.err(`note: --resume carries on with the list as the ledger has it; ${args.to} is not read again`);
  const [{ sendIssue }, { ProgressReporter, formatSendReport }] = await Promise.all([import('../../send/index.js'), import('../../send/progress.js')]);
  const progress = new ProgressReporter(
    process.stderr.isTTY ? { redraw: (text) => process.stderr.write(`\r${text}\u001b[K`), line: io.err } : { line: io.err },
  );
  const stopping = stopOnSignals((signal) => {
    progress.finish();
    io.err(`${signal}: finishing the messages in flight, then stopping (${signal === 'SIGINT' ? 'Ctrl-C' : signal} again stops at once)`);
  });
  let report: SendReport;
  try {
    report = await sendIssue({
      config,
      issue,
      date,
      statePath,
      number,
      articles,
      subscribers: args.resume ? undefined : subscribers(),
      resume: args.resume,
      smtp,
      secret,
      dkim,
      rate: args.rate,
      concurrency: args.concurrency,
      retryBaseMs,
      signal: stopping.signal,
      confirm: ({ count, subject }) => (args.yes ? true : ask(`Send "${subject}" to ${count} subscribers? [y/N] `, count)),
      onProgress: (p) => progress.update(p),
    });
  } finally {
    stopping.dispose();
    progress.finish();
  }
  for (const line of formatSendReport(report)) io.out(line);
  if (report.outcome === 'declined') {
    io.err('Nothing was sent.');
    return 1;
  }
  if (report.stop) {
    const why = report.stop.kind === 'error-rate' ? `too many failures: ${report.stop.message}` : report.stop.message;
    throw new GazetteError(report.stop.kind === 'fatal' ? report.stop.code : 'SEND_STOPPED', `stopped before the end of the list (${why})`, {
      fix: `to carry on with the subscribers not yet sent to, run: ${resumeCommand(args, date)}`,
    });
  }
  return 0;
}

function checkArgs(args: SendArgs): void {
  const modes = [args.dryRun !== undefined && '--dry-run', args.test !== undefined && '--test', args.resume && '--resume'].filter(Boolean);
  if (modes.length > 1) throw new GazetteError('USAGE', `${modes.join(' and ')} cannot go together`, { fix: 'choose one' });
  if (args.newOnly && args.resume) {
    throw new GazetteError('USAGE', '--new-only and --resume cannot go together', {
      fix: 'run --new-only again: a rerun on the same day carries on with that day\'s issue',
    });
  }
  if (args.includeUpdated && !args.newOnly) throw new GazetteError('USAGE', '--include-updated goes with --new-only', { fix: 'add --new-only' });
  if (args.to === undefined && !args.resume && args.test === undefined) {
    throw new GazetteError('USAGE', 'no subscriber list', {
      fix: 'pass --to FILE (CSV with an email column, or JSON Lines), or --resume to carry on with a stopped send',
    });
  }
  if (args.rate !== undefined && !(args.rate > 0))
    throw new GazetteError('USAGE', `--rate is ${String(args.rate)}`, { fix: 'give messages per second, more than 0' });
  if (args.concurrency !== undefined && !(Number.isInteger(args.concurrency) && args.concurrency >= 1 && args.concurrency <= 50)) {
    throw new GazetteError('USAGE', `--concurrency is ${String(args.concurrency)}`, { fix: 'give a number of connections from 1 to 50' });
  }
}

/** Ask on the terminal; without one, refuse: cron must say --yes. */
async function ask(question: string, count: number): Promise<boolean> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) {
    throw new GazetteError('SEND_NOT_CONFIRMED', `this would send to ${count} subscribers, and there is no terminal to confirm it on`, {
      fix: 'pass --yes to send without asking (as from cron)',
    });
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await new Promise<boolean>((resolve) => {
      rl.on('SIGINT', () => resolve(false));
      rl.on('close', () => resolve(false));
      rl.question(question, (answer) => resolve(/^y(es)?$/i.test(answer.trim())));
    });
  } finally {
    rl.close();
  }
}

/** The command that carries on: the same issue, ledger and settings, without reading the list again. */
function resumeCommand(args: SendArgs, date: string): string {
  const parts = ['gazette', 'send', '--resume', '--date', date];
  const add = (flag: string, value: string | number | undefined): void => {
    if (value !== undefined) parts.push(flag, String(value));
  };
  add('--config', args.config);
  add('--articles', args.articles);
  add('--templates', args.templates);
  add('--state', args.state);
  add('--rate', args.rate);
  add('--concurrency', args.concurrency);
  if (args.insecure) parts.push('--insecure');
  if (args.yes) parts.push('--yes');
  return parts.map(shellQuote).join(' ');
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function printWarnings(warnings: readonly Warning[], io: Io): void {
  for (const w of warnings) {
    const where = w.file === undefined ? '' : w.line === undefined ? `${w.file}: ` : `${w.file}:${w.line}: `;
    io.err(`warning: ${where}${w.message}`);
  }
}
