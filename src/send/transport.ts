import nodemailer from 'nodemailer';
import type { SMTPPoolOptions } from 'nodemailer/lib/smtp-pool';
import type { Config } from '../config/schema.js';
import { GazetteError } from '../errors.js';
import { classifySmtpError } from './classify.js';
import type { Secrets } from './secrets.js';
import type { Deliver } from './sender.js';

/**
 * Where messages go: the relay from GAZETTE_SMTP_URL (`smtp://` or
 * `smtps://`, credentials in the URL), else the config's `smtp` with
 * SMTP_USER and SMTP_PASS. TLS is required (implicit TLS on port 465 or for
 * `smtps://`, STARTTLS otherwise) except to this machine, or with
 * `insecure`, which also skips the certificate check.
 */
export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  requireTLS: boolean;
  ignoreTLS: boolean;
  rejectUnauthorized: boolean;
  auth?: { user: string; pass: string };
  /** How messages name the relay: `smtp://user@host:port`, never with the password. */
  display: string;
}

export interface SmtpEnv {
  GAZETTE_SMTP_URL?: string;
  SMTP_USER?: string;
  SMTP_PASS?: string;
}

const SETUP_FIX =
  'set GAZETTE_SMTP_URL, e.g. GAZETTE_SMTP_URL=smtps://user:password@smtp.example.org, or add "smtp": { "host": "smtp.example.org", "port": 587 } to the config with SMTP_USER and SMTP_PASS in the environment';

export function smtpSettings(config: Pick<Config, 'smtp'>, env: SmtpEnv, options: { insecure?: boolean } = {}): SmtpSettings {
  const fromUrl = env.GAZETTE_SMTP_URL?.trim() ? parseSmtpUrl(env.GAZETTE_SMTP_URL.trim()) : undefined;
  const target = fromUrl ?? (config.smtp ? { scheme: 'smtp', host: config.smtp.host, port: config.smtp.port, user: undefined, pass: undefined } : undefined);
  if (!target) throw new GazetteError('SMTP_CONFIG', 'no SMTP relay to send through', { fix: SETUP_FIX });
  const user = target.user ?? (env.SMTP_USER || undefined);
  const pass = target.pass ?? (env.SMTP_PASS || undefined);
  if ((user === undefined) !== (pass === undefined)) {
    throw new GazetteError('SMTP_CONFIG', user === undefined ? 'an SMTP password is set but no user' : 'an SMTP user is set but no password', {
      fix: 'give both, in GAZETTE_SMTP_URL (smtps://user:password@host) or as SMTP_USER and SMTP_PASS',
    });
  }
  const secure = target.scheme === 'smtps' || target.port === 465;
  const local = isLocalHost(target.host);
  const insecure = options.insecure === true;
  return {
    host: target.host,
    port: target.port,
    secure,
    requireTLS: !secure && !local && !insecure,
    // Cleartext is fine on this machine's loopback, and a local relay's self-signed certificate would fail the check.
    ignoreTLS: !secure && local,
    rejectUnauthorized: !insecure,
    auth: user !== undefined && pass !== undefined ? { user, pass } : undefined,
    display: `${target.scheme}://${user ? `${encodeURIComponent(user)}@` : ''}${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`,
  };
}

interface UrlTarget {
  scheme: 'smtp' | 'smtps';
  host: string;
  port: number;
  user: string | undefined;
  pass: string | undefined;
}

/** Parse GAZETTE_SMTP_URL without ever echoing it: it holds the password. */
function parseSmtpUrl(value: string): UrlTarget {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new GazetteError('SMTP_CONFIG', 'GAZETTE_SMTP_URL is not a URL', {
      fix: 'write it as smtp://user:password@host:port or smtps://… (percent-encode special characters in the password)',
    });
  }
  const scheme = url.protocol.replace(/:$/, '');
  if (scheme !== 'smtp' && scheme !== 'smtps') {
    throw new GazetteError('SMTP_CONFIG', `GAZETTE_SMTP_URL starts with "${scheme}:"`, { fix: 'use smtp:// (STARTTLS) or smtps:// (TLS from the start)' });
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!host) throw new GazetteError('SMTP_CONFIG', 'GAZETTE_SMTP_URL has no host', { fix: 'write it as smtp://user:password@host:port' });
  const decode = (part: string): string | undefined => {
    if (part === '') return undefined;
    try {
      return decodeURIComponent(part);
    } catch {
      throw new GazetteError('SMTP_CONFIG', 'GAZETTE_SMTP_URL has a badly percent-encoded user or password', { fix: 'encode % as %25, @ as %40, : as %3A' });
    }
  };
  return {
    scheme,
    host,
    port: url.port ? Number(url.port) : scheme === 'smtps' ? 465 : 587,
    user: decode(url.username),
    pass: decode(url.password),
  };
}

export function isLocalHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h);
}

/** The pool options for these settings: `maxRequeues: 0`, so that a dropped connection never makes nodemailer resend by itself. */
export function poolOptions(settings: SmtpSettings, concurrency: number): SMTPPoolOptions & { pool: true } {
  return {
    pool: true,
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    requireTLS: settings.requireTLS,
    ignoreTLS: settings.ignoreTLS,
    tls: { rejectUnauthorized: settings.rejectUnauthorized },
    auth: settings.auth,
    maxConnections: concurrency,
    maxMessages: 100,
    // We retry from the ledger; a requeue inside nodemailer could deliver a message twice behind our back.
    maxRequeues: 0,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
    logger: false,
    debug: false,
  };
}

export type Pool = ReturnType<typeof createPool>;

export function createPool(settings: SmtpSettings, concurrency: number) {
  return nodemailer.createTransport(poolOptions(settings, concurrency));
}

/** One connection for one message (`--test`). */
export function createSingle(settings: SmtpSettings) {
  const { pool: _pool, maxConnections: _c, maxMessages: _m, maxRequeues: _r, ...single } = poolOptions(settings, 1);
  return nodemailer.createTransport(single);
}

/** Where the sender hands its messages: a pool of connections to the relay. */
export interface Relay {
  deliver: Deliver;
  close: () => void;
}

/**
 * A pool to the relay, checked first: one connection is opened, secured and
 * logged in before any message is marked, so that a wrong password or a
 * missing TLS stops the run before anyone is sent anything.
 */
export async function openRelay(settings: SmtpSettings, concurrency: number, secrets: Secrets): Promise<Relay> {
  const pool = createPool(settings, concurrency);
  try {
    await pool.verify();
  } catch (error) {
    pool.close();
    throw relayError(error, settings, secrets);
  }
  return {
    deliver: async (message) => {
      const info = await pool.sendMail({ envelope: { from: message.envelope.from, to: [message.envelope.to] }, raw: message.raw });
      return { response: info.response, rejected: info.rejected.map(String), rejectedErrors: info.rejectedErrors };
    },
    close: () => pool.close(),
  };
}

/** A GazetteError for an SMTP error that stops everything, naming the relay but never its password. */
export function relayError(error: unknown, settings: SmtpSettings, secrets: Secrets): GazetteError {
  const verdict = classifySmtpError(error);
  const reason = secrets.redact(verdict.reason);
  switch (verdict.fatal) {
    case 'SMTP_AUTH':
      return new GazetteError('SMTP_AUTH', `${settings.display} refused the login: ${reason}`, {
        fix: 'check the user and password in GAZETTE_SMTP_URL (or SMTP_USER and SMTP_PASS)',
      });
    case 'SMTP_TLS':
      return new GazetteError('SMTP_TLS', `no secure connection to ${settings.display}: ${reason}`, {
        fix: settings.secure
          ? 'check the host and port (implicit TLS is port 465) and that its certificate is valid'
          : 'use a relay that offers STARTTLS, or smtps:// on port 465; --insecure allows cleartext (only on a network you trust)',
      });
    case 'SMTP_REFUSED':
      return new GazetteError('SMTP_REFUSED', `${settings.display} refused us: ${reason}`, {
        fix: 'check that the relay lets this account send from the config\'s "from" address',
      });
    default:
      return new GazetteError('SMTP_CONNECT', `cannot reach ${settings.display}: ${reason}`, { fix: 'check the host and port, and that the relay is up' });
  }
}
