import path from 'node:path';
import { GazetteError } from '../errors.js';

/** One thing to fix, as the page and the error page show it. */
export interface PreviewProblem {
  /** The file, relative to the folder the preview runs from when it is inside it. */
  file?: string;
  line?: number;
  problem: string;
  fix?: string;
}

/** Why the latest render failed: every problem, not just the first. */
export interface PreviewError {
  code: string;
  /** The whole message, as `gazette build` would print it. */
  message: string;
  problems: PreviewProblem[];
}

/**
 * Turn what a rebuild threw into something to show. A GazetteError that
 * gathers several (every bad article at once) becomes one problem each; any
 * other error is a bug in gazette, shown with its stack so it can be reported.
 */
export function describeError(error: unknown, cwd: string): PreviewError {
  if (error instanceof GazetteError) {
    return { code: error.code, message: error.message, problems: flatten(error).map((e) => problemOf(e, cwd)) };
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return {
    code: 'INTERNAL',
    message,
    problems: [{ problem: `internal error: ${message}`, fix: 'please report it with the files that caused it' }],
  };
}

function flatten(error: GazetteError): GazetteError[] {
  return error.errors.length === 0 ? [error] : error.errors.flatMap(flatten);
}

function problemOf(error: GazetteError, cwd: string): PreviewProblem {
  const problem: PreviewProblem = { problem: error.problem };
  if (error.file !== undefined) problem.file = displayPath(error.file, cwd);
  if (error.line !== undefined) problem.line = error.line;
  if (error.fix !== undefined) problem.fix = error.fix;
  return problem;
}

/** `articles/ferry.md` rather than a long absolute path, when the file is under `cwd`. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** `file:line: problem: fix`, the shape `gazette build` prints. */
export function formatProblem(p: PreviewProblem): string {
  const where = p.file === undefined ? '' : p.line === undefined ? `${p.file}: ` : `${p.file}:${p.line}: `;
  return `${where}${p.problem}${p.fix ? `: ${p.fix}` : ''}`;
}
