/**
 * One error type for everything gazette reports to a person. Each error has a
 * string `code` from the table below; the table decides which kind of failure
 * it is, and the kind decides the CLI's exit code.
 */

export type ErrorKind = 'usage' | 'content' | 'delivery';

/** Exit codes of the CLI, by kind of failure. */
export const EXIT_CODES: Readonly<Record<ErrorKind | 'ok', number>> = {
  ok: 0,
  usage: 1,
  content: 2,
  delivery: 3,
};

const KINDS = {
  USAGE: 'usage',
  CONFIG_NOT_FOUND: 'usage',
  CONFIG_PARSE: 'usage',
  CONFIG_INVALID: 'usage',
  ARTICLES_DIR_MISSING: 'usage',
  TEMPLATES_MISSING: 'usage',
  EVAL_INPUT: 'usage',
  SMTP_CONFIG: 'usage',
  SECRET_MISSING: 'usage',
  SEND_NOT_CONFIRMED: 'usage',
  SEND_CONTENT_CHANGED: 'usage',
  SEND_NOTHING_TO_RESUME: 'usage',

  NO_ARTICLES: 'content',
  ARTICLES_INVALID: 'content',
  ARTICLE_UNREADABLE: 'content',
  ARTICLE_NOT_A_FILE: 'content',
  ARTICLE_TOO_LARGE: 'content',
  ARTICLE_ENCODING: 'content',
  ARTICLE_NO_FRONT_MATTER: 'content',
  ARTICLE_YAML: 'content',
  ARTICLE_MISSING_FIELD: 'content',
  ARTICLE_BAD_FIELD: 'content',
  ARTICLE_BAD_DATE: 'content',
  ARTICLE_BAD_URL: 'content',
  ARTICLE_EMPTY_BODY: 'content',
  ARTICLE_DUPLICATE_SLUG: 'content',
  TEMPLATE_ERROR: 'content',
  MJML_INVALID: 'content',
  IMPORT_SOURCE: 'content',
  IMPORT_FETCH: 'content',
  IMPORT_MISSING_FIELD: 'content',
  IMPORT_EMPTY: 'content',
  IMPORT_TOO_LARGE: 'content',
  IMPORT_NOT_TEXT: 'content',

  WRITE_FAILED: 'delivery',
  OUTPUT_NOT_OURS: 'delivery',
  STATE_FAILED: 'delivery',
  SEND_LOCKED: 'delivery',
  SCHEDULE_LOCKED: 'delivery',
  SEND_STOPPED: 'delivery',
  SMTP_AUTH: 'delivery',
  SMTP_TLS: 'delivery',
  SMTP_CONNECT: 'delivery',
  SMTP_REFUSED: 'delivery',
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof KINDS;

export interface GazetteErrorOptions {
  /** The file the problem is in, as the user named it. */
  file?: string;
  /** 1-based line in `file`. */
  line?: number;
  /** What to do about it, as an instruction. */
  fix?: string;
  /** For an error that gathers several (every bad article at once). */
  errors?: readonly GazetteError[];
  cause?: unknown;
}

export class GazetteError extends Error {
  override readonly name = 'GazetteError';
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly fix: string | undefined;
  readonly errors: readonly GazetteError[];
  /** The problem alone, without place or fix. */
  readonly problem: string;

  constructor(code: ErrorCode, problem: string, options: GazetteErrorOptions = {}) {
    super(formatMessage(problem, options), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.kind = KINDS[code];
    this.problem = problem;
    this.file = options.file;
    this.line = options.line;
    this.fix = options.fix;
    this.errors = options.errors ?? [];
  }

  get exitCode(): number {
    return EXIT_CODES[this.kind];
  }

  /** The same error placed in `file`, for a step that could not know which file it was reading; one that has a place keeps it. */
  inFile(file: string): GazetteError {
    if (this.file !== undefined) return this;
    return new GazetteError(this.code, this.problem, { file, fix: this.fix, errors: this.errors, cause: this });
  }
}

/** `file:line: problem: fix`, the shape compilers use, so editors can jump to it. */
function formatMessage(problem: string, { file, line, fix, errors }: GazetteErrorOptions): string {
  if (errors && errors.length > 0) {
    return [problem, ...errors.map((e) => `  ${e.message}`)].join('\n');
  }
  const where = file === undefined ? '' : line === undefined ? `${file}: ` : `${file}:${line}: `;
  return `${where}${problem}${fix ? `: ${fix}` : ''}`;
}

export function isGazetteError(value: unknown): value is GazetteError {
  return value instanceof GazetteError;
}
