import { GazetteError } from '../errors.js';

/** Where the output goes and how to send it elsewhere, for the messages of every writer. */
export interface OutputNames {
  /** What is written, for messages: "the issue", "the dry run". */
  what: string;
  /** How the user writes it somewhere else instead: "pass another --out". */
  elsewhere: string;
}

/** A write that failed on the file system: exit 3, with the system's reason. */
export function writeFailed(target: string, names: OutputNames, cause: unknown): GazetteError {
  const reason = (cause as NodeJS.ErrnoException).code ?? (cause instanceof Error ? cause.message : String(cause));
  return new GazetteError('WRITE_FAILED', `cannot write ${names.what} to ${target} (${reason})`, {
    fix: `check that the folder is writable and the disk has space, or ${names.elsewhere}; what was there before is unchanged`,
    cause,
  });
}
