import { describe, expect, it } from 'vitest';
import { classifySmtpError, groupReason } from '../../src/send/classify.js';

const smtpError = (code: string, response?: string, command?: string, extra: Record<string, unknown> = {}): Error =>
  Object.assign(new Error(`failed${response ? `: ${response}` : ''}`), {
    code,
    response,
    responseCode: response ? Number(/^\d+/.exec(response)?.[0]) : undefined,
    command,
    ...extra,
  });

describe('classifySmtpError', () => {
  it.each([
    ['452 to RCPT', smtpError('EENVELOPE', '452 4.2.2 Mailbox full', 'RCPT TO'), 'transient', false],
    ['421 closing', smtpError('EENVELOPE', '421 4.3.2 Service shutting down', 'RCPT TO'), 'transient', false],
    ['451 to DATA', smtpError('EMESSAGE', '451 4.3.0 Try again', 'DATA'), 'transient', false],
    ['503 bad sequence', smtpError('EENVELOPE', '503 5.5.1 Bad sequence', 'RCPT TO'), 'transient', false],
    ['a dropped connection', smtpError('ECONNECTION', undefined, 'CONN'), 'transient', false],
    ['a timeout', smtpError('ETIMEDOUT'), 'transient', false],
    ['a socket error', smtpError('ESOCKET', undefined, undefined, { originalCode: 'ECONNRESET' }), 'transient', false],
    ['550 no such user', smtpError('EENVELOPE', '550 5.1.1 No such user', 'RCPT TO'), 'permanent', true],
    ['551 not local', smtpError('EENVELOPE', '551 5.1.6 User not local', 'RCPT TO'), 'permanent', true],
    ['553 bad mailbox name', smtpError('EENVELOPE', '553 5.1.3 Bad address syntax', 'RCPT TO'), 'permanent', true],
    ['552 too big', smtpError('EMESSAGE', '552 5.3.4 Message too big', 'DATA'), 'permanent', false],
    ['550 policy (5.7.1) to DATA', smtpError('EMESSAGE', '550 5.7.1 Message rejected as spam', 'DATA'), 'permanent', false],
    ['nodemailer refusing an address', smtpError('EENVELOPE', undefined, 'API'), 'permanent', false],
  ])('%s is %s', (_name, error, kind, suppress) => {
    expect(classifySmtpError(error)).toMatchObject({ kind, suppress });
  });

  it.each([
    ['EAUTH', smtpError('EAUTH', '535 5.7.8 Authentication credentials invalid', 'AUTH PLAIN'), 'SMTP_AUTH'],
    ['no credentials', smtpError('ENOAUTH'), 'SMTP_AUTH'],
    ['530 auth required at MAIL FROM', smtpError('EENVELOPE', '530 5.7.0 Authentication required', 'MAIL FROM'), 'SMTP_AUTH'],
    ['ETLS', smtpError('ETLS', undefined, 'CONN'), 'SMTP_TLS'],
    ['a bad certificate', smtpError('ESOCKET', undefined, 'CONN', { originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), 'SMTP_TLS'],
    ['550 to MAIL FROM', smtpError('EENVELOPE', '550 5.7.1 Sender not allowed', 'MAIL FROM'), 'SMTP_REFUSED'],
    ['554 greeting', smtpError('EPROTOCOL', '554 No SMTP service here', 'CONN'), 'SMTP_REFUSED'],
  ])('%s stops the run (%s)', (_name, error, fatal) => {
    expect(classifySmtpError(error)).toMatchObject({ kind: 'fatal', fatal, suppress: false });
  });

  it('says what happened on one line, with the command', () => {
    expect(classifySmtpError(smtpError('EENVELOPE', '550 5.1.1 <a@b.example>:\r\n no such user', 'RCPT TO')).reason).toBe(
      '550 5.1.1 <a@b.example>: no such user (RCPT TO)',
    );
    expect(classifySmtpError(Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' })).reason).toBe(
      'ECONNECTION: Connection closed unexpectedly',
    );
    expect(classifySmtpError('weird').kind).toBe('transient');
  });

  it('groups reasons that differ only by address or queue id', () => {
    expect(groupReason('550 5.1.1 <ana@example.org>: no such user')).toBe(groupReason('550 5.1.1 <ben@example.org>: no such user'));
    expect(groupReason('452 4.2.2 ana@example.org over quota (id 7F3A9C21B0)')).toBe('452 4.2.2 … over quota (id …)');
  });
});
