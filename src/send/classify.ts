/**
 * What an SMTP error means for the delivery it hit:
 *
 *   transient  try again later (4xx, a dropped or timed-out connection)
 *   permanent  record it and move on (5xx to RCPT TO or DATA); 550, 551 and
 *              553 also suppress the address, unless the enhanced code says
 *              it was policy (5.7.x) rather than the mailbox
 *   fatal      stop the run: no message can go through until someone fixes
 *              the settings (authentication, TLS, a relay that refuses our
 *              sender). Failing each subscriber instead would mark a whole
 *              list failed for one bad password.
 */

export type OutcomeKind = 'transient' | 'permanent' | 'fatal';

export interface Classified {
  kind: OutcomeKind;
  /** One line for the ledger and the report: the server's reply or what went wrong, never a secret. */
  reason: string;
  /** For `fatal`: why the run stopped, as an error code. */
  fatal?: 'SMTP_AUTH' | 'SMTP_TLS' | 'SMTP_REFUSED';
  /** Add the address to the suppression list. */
  suppress: boolean;
}

/** The fields of a nodemailer error we read; all optional, as nodemailer sets them by where the error came from. */
export interface SmtpErrorLike {
  message?: string;
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  originalCode?: string;
}

const AUTH_CODES = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2']);
const TLS_CODES = new Set(['ETLS', 'EREQUIRETLS']);
/** Replies that mean "who you are", not "whom you are writing to": 530 auth required, 535 bad credentials, 538 encryption required. */
const AUTH_REPLIES = new Set([530, 534, 535, 538]);
const SUPPRESSING = new Set([550, 551, 553]);

export function classifySmtpError(error: unknown): Classified {
  const e = asSmtpError(error);
  const reason = reasonOf(e);
  if (e.code && AUTH_CODES.has(e.code)) return { kind: 'fatal', fatal: 'SMTP_AUTH', reason, suppress: false };
  if ((e.code && TLS_CODES.has(e.code)) || isCertificateError(e)) return { kind: 'fatal', fatal: 'SMTP_TLS', reason, suppress: false };
  const reply = e.responseCode;
  if (reply !== undefined && reply >= 400 && reply < 600) {
    if (AUTH_REPLIES.has(reply)) return { kind: 'fatal', fatal: reply === 538 ? 'SMTP_TLS' : 'SMTP_AUTH', reason, suppress: false };
    // 503 is "bad sequence of commands": the session, not the message; a new connection fixes it.
    if (reply < 500 || reply === 503) return { kind: 'transient', reason, suppress: false };
    const perMessage = e.command === 'RCPT TO' || e.command === 'DATA';
    if (!perMessage) return { kind: 'fatal', fatal: 'SMTP_REFUSED', reason, suppress: false };
    const policy = /\b5\.7\.\d{1,3}\b/.test(e.response ?? '');
    return { kind: 'permanent', reason, suppress: SUPPRESSING.has(reply) && !policy };
  }
  // nodemailer's own refusal of an address it cannot put in an envelope: no retry will change it.
  if (e.code === 'EENVELOPE' && e.command === 'API') return { kind: 'permanent', reason, suppress: false };
  // ECONNECTION, ETIMEDOUT, ESOCKET, EPROTOCOL, EDNS and whatever else ended the connection.
  return { kind: 'transient', reason, suppress: false };
}

function asSmtpError(error: unknown): SmtpErrorLike {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const e = error as Record<string, unknown>;
  const text = (key: string): string | undefined => (typeof e[key] === 'string' ? e[key] : undefined);
  return {
    message: text('message'),
    code: text('code'),
    responseCode: typeof e.responseCode === 'number' ? e.responseCode : undefined,
    response: text('response'),
    command: text('command'),
    originalCode: text('originalCode'),
  };
}

/** Certificate problems arrive as ESOCKET with the TLS error's own code kept as originalCode. */
function isCertificateError(e: SmtpErrorLike): boolean {
  const original = e.originalCode ?? '';
  return /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL/.test(original) || /certificate/i.test(e.message ?? '');
}

/** "550 5.1.1 No such user (RCPT TO)" or "ECONNECTION: Connection closed unexpectedly", on one line. */
function reasonOf(e: SmtpErrorLike): string {
  const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();
  if (e.response) return `${oneLine(e.response)}${e.command && e.command !== 'API' ? ` (${e.command})` : ''}`;
  const message = oneLine(e.message ?? 'unknown error');
  return e.code && !message.startsWith(e.code) ? `${e.code}: ${message}` : message;
}

/**
 * A reason with the parts that differ between subscribers taken out
 * (addresses, queue ids), so that the report can group by it.
 */
export function groupReason(reason: string): string {
  return reason
    .replace(/<[^<>\s]*@[^<>\s]*>/g, '<…>')
    .replace(/[^\s<>"'()]+@[^\s<>"'()]+/g, '…')
    .replace(/\b[0-9A-F]{8,}\b/gi, '…')
    .slice(0, 160);
}
