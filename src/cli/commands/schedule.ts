import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CommandModule } from 'yargs';
import type { Config } from '../../config/schema.js';
import { GazetteError } from '../../errors.js';
import { loadConfig } from '../config.js';
import type { Io } from '../io.js';
import { articlesDirOf, issueOptions, templatesOf } from '../options.js';
import { dkimKeyOf, redacted, retryBaseFromEnv, secretsInEnv, unsubscribeSecret } from '../send-env.js';
import { stopOnSignals } from '../signals.js';
import { DEFAULT_STATE } from './send.js';

interface ScheduleArgs {
  config?: string;
  articles?: string;
  templates?: string;
  state?: string;
  to?: string;
  next?: number;
  includeUpdated: boolean;
  rate?: number;
  concurrency?: number;
  insecure: boolean;
}

export function scheduleCommand(io: Io, done: (code: number) => void): CommandModule<object, ScheduleArgs> {
  return {
    command: 'schedule',
    describe: "Run `send --new-only` at the config's schedule.cron times, until stopped (for machines without cron)",
    builder: (y) =>
      y
        .option('config', issueOptions.config)
        .option('articles', issueOptions.articles)
        .option('templates', issueOptions.templates)
        .option('state', { type: 'string', describe: `The send ledger (SQLite); one scheduler per ledger [default: ${DEFAULT_STATE}]` })
        .option('to', { type: 'string', describe: "Subscriber list, read again at each run [default: the config's schedule.to]" })
        .option('next', { type: 'number', describe: 'Print the next N run times (in the schedule\'s time zone) and exit' })
        .option('include-updated', { type: 'boolean', default: false, describe: 'Also send articles edited since an earlier issue had them' })
        .option('rate', { type: 'number', describe: "Messages per second, at most [default: the config's send.rate]" })
        .option('concurrency', { type: 'number', describe: "SMTP connections at once [default: the config's send.concurrency]" })
        .option('insecure', { type: 'boolean', default: false, describe: 'Allow SMTP without TLS, or with an unverified certificate, to a remote host' }) as never,
    handler: async (args) => {
      try {
        done(await schedule(args, io));
      } catch (error) {
        throw redacted(error, secretsInEnv(process.env));
      }
    },
  };
}

async function schedule(args: ScheduleArgs, io: Io): Promise<number> {
  const configFile = await loadConfig(args.config, io.cwd);
  const { config } = configFile;
  const times = scheduleOf(config, configFile.file);
  if (args.next !== undefined) {
    if (!(Number.isInteger(args.next) && args.next >= 1 && args.next <= 1000)) {
      throw new GazetteError('USAGE', `--next is ${String(args.next)}`, { fix: 'give how many run times to print, 1 to 1000' });
    }
    const { nextRuns, isoInZone } = await import('../../schedule/times.js');
    for (const at of nextRuns(times, args.next)) io.out(isoInZone(at, times.timezone));
    return 0;
  }

  // Everything a send needs, checked now rather than at the first tick, days away.
  const env = process.env;
  const { smtpSettings } = await import('../../send/transport.js');
  const smtp = smtpSettings(config, env, { insecure: args.insecure });
  const secret = unsubscribeSecret(env);
  const dkim = dkimKeyOf(configFile, env.GAZETTE_DKIM_PRIVATE_KEY);
  const retryBaseMs = retryBaseFromEnv(env.GAZETTE_RETRY_BASE_MS);
  const listFile = subscriberListOf(args, config, configFile.dir, io);
  const statePath = path.resolve(io.cwd, args.state ?? DEFAULT_STATE);
  const articlesDir = articlesDirOf(args.articles, configFile, io);
  await templatesOf(args.templates, configFile, io);

  const [{ runSchedule }, { sendNewIssue }, { describePlan }, { formatSendReport, ProgressReporter }, { readSubscribers }] = await Promise.all([
    import('../../schedule/index.js'),
    import('../../series/send-new.js'),
    import('../../series/plan.js'),
    import('../../send/progress.js'),
    import('../../send/subscribers.js'),
  ]);
  const secrets = secretsInEnv(env);
  const log = (text: string): void => {
    const stamp = new Date().toISOString();
    for (const line of secrets.redact(text).split('\n')) io.out(`${stamp} ${line}`);
  };
  const stopping = stopOnSignals((signal) => log(`${signal}: stopping; a send in flight finishes its messages in flight first (${signal} again stops at once)`));
  try {
    await runSchedule({
      schedule: times,
      statePath,
      log,
      signal: stopping.signal,
      tick: async ({ date, signal }) => {
        const progress = new ProgressReporter({ line: log });
        const { plan, report } = await sendNewIssue({
          config,
          date,
          statePath,
          articlesDir,
          // Read at each run, so that a template edited meanwhile is used.
          templates: await templatesOf(args.templates, configFile, io),
          includeUpdated: args.includeUpdated,
          subscribers: readSubscribers(listFile),
          smtp,
          secret,
          dkim,
          rate: args.rate,
          concurrency: args.concurrency,
          retryBaseMs,
          signal,
          onProgress: (p) => progress.update(p),
        });
        for (const warning of plan.warnings) log(`warning: ${warning.file ?? ''}${warning.line === undefined ? '' : `:${warning.line}`}: ${warning.message}`);
        for (const line of describePlan(plan)) log(line);
        if (!report) return;
        for (const line of formatSendReport(report)) log(line);
        if (report.stop) {
          const rest = `gazette send --resume --date ${date}${args.state === undefined ? '' : ` --state ${args.state}`} --yes`;
          const why = report.stop.kind === 'signal' ? 'stopped' : `stopped before the end of the list: ${report.stop.message}`;
          const message = `issue ${report.number} (${date}) ${why}; the next run today carries on with it, or finish it now with: ${rest}`;
          if (report.stop.kind === 'signal') log(message);
          else throw new GazetteError(report.stop.kind === 'fatal' ? report.stop.code : 'SEND_STOPPED', message);
        }
      },
    });
  } finally {
    stopping.dispose();
  }
  return 0;
}

/** The config's schedule, which this command cannot run without. */
function scheduleOf(config: Config, file: string): { cron: string; timezone: string } {
  if (!config.schedule) {
    throw new GazetteError('CONFIG_INVALID', 'the config has no "schedule"', {
      file,
      fix: 'add one, e.g. "schedule": { "cron": "0 8 * * 1", "timezone": "Europe/London", "to": "subscribers.csv" } for Mondays at 08:00',
    });
  }
  return { cron: config.schedule.cron, timezone: config.schedule.timezone };
}

/** --to (from where we run), else the config's schedule.to (from the config file's folder); it must exist now. */
function subscriberListOf(args: ScheduleArgs, config: Config, configDir: string, io: Io): string {
  const file = args.to !== undefined ? path.resolve(io.cwd, args.to) : config.schedule?.to !== undefined ? path.resolve(configDir, config.schedule.to) : undefined;
  if (file === undefined) {
    throw new GazetteError('USAGE', 'no subscriber list', { fix: 'pass --to FILE, or set "to" in the config\'s "schedule"' });
  }
  if (!existsSync(file)) throw new GazetteError('USAGE', `the subscriber list ${file} does not exist`, { fix: 'pass --to with the list the schedule sends to' });
  return file;
}
