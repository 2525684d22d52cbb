import yargs from 'yargs';
import { EXIT_CODES, GazetteError } from '../errors.js';
import { archiveCommand } from './commands/archive.js';
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { evalCommand } from './commands/eval.js';
import { importCommand, keepStdinArg } from './commands/import.js';
import { issuesCommand } from './commands/issues.js';
import { previewCommand } from './commands/preview.js';
import { scheduleCommand } from './commands/schedule.js';
import { sendCommand } from './commands/send.js';
import { serveCommand } from './commands/serve.js';
import { suppressCommand } from './commands/suppress.js';
import { processIo, type Io } from './io.js';
import { describeError } from './report.js';

/**
 * Parse arguments, run one command, and turn what happened into an exit
 * code: 0 ok, 1 usage or configuration, 2 content, 3 delivery. This is the
 * only place that maps errors to exit codes.
 */
export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  let code = EXIT_CODES.ok;
  const done = (c: number): void => {
    code = c;
  };
  const parser = yargs(keepStdinArg(argv))
    .scriptName('gazette')
    .usage('$0 <command> [options]\n\nTurn a folder of article markdown into a newsletter digest email.')
    .command(buildCommand(io, done))
    .command(checkCommand(io, done))
    .command(importCommand(io, done))
    .command(evalCommand(io, done))
    .command(previewCommand(io, done))
    .command(sendCommand(io, done))
    .command(scheduleCommand(io, done))
    .command(issuesCommand(io, done))
    .command(suppressCommand(io, done))
    .command(serveCommand(io, done))
    .command(archiveCommand(io, done))
    .demandCommand(1, 'Name a command: build, preview, check, send, schedule, issues, suppress, serve, archive, import or eval')
    .recommendCommands()
    .strict()
    .help()
    .alias('h', 'help')
    .version()
    .wrap(Math.min(100, process.stdout.columns || 80))
    .exitProcess(false)
    // A message without an error is yargs refusing the arguments: a usage error.
    // An error is one a command threw: passed on as it is.
    .fail((message: string | undefined, error: Error | undefined) => {
      if (error) throw error;
      throw new GazetteError('USAGE', message ?? 'invalid arguments', { fix: 'run "gazette --help" for the commands and their options' });
    });
  try {
    await parser.parseAsync();
    return code;
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: Io): number {
  const { message, code } = describeError(error);
  io.err(message);
  return code;
}
