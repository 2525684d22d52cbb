import { EXIT_CODES, GazetteError } from '../errors.js';

/**
 * The line the CLI prints for an error and the exit code it stands for. A
 * GazetteError already says what to do; anything else is a bug of ours,
 * printed with its stack so that it can be reported. `source`, when given,
 * is what was being worked on, for an error that does not name it.
 */
export function describeError(error: unknown, source?: string): { message: string; code: number } {
  if (error instanceof GazetteError) {
    return { message: `gazette: ${(source === undefined ? error : error.inFile(source)).message}`, code: error.exitCode };
  }
  const where = source === undefined ? '' : `${source}: `;
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { message: `gazette: ${where}internal error, please report it with the command you ran:\n${detail}`, code: EXIT_CODES.usage };
}
