import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/** A reply the test server gives instead of accepting: a code (452, 550, 421…) and its text. */
export interface Reply {
  code: number;
  message?: string;
}

export interface TestSmtpOptions {
  /** Answer RCPT TO for `address` (lowercased) on its `attempt`th try (from 1); undefined accepts. */
  rcpt?: (address: string, attempt: number) => Reply | undefined;
  /** After reading a message: 'drop' closes the connection without a reply (the client cannot know), a Reply refuses it. */
  data?: (to: string, attempt: number) => 'drop' | Reply | undefined;
  /** Wait this long before answering DATA, so that several messages are in flight. */
  delayMs?: number;
  /** Require this login (over cleartext: a test server). */
  auth?: { user: string; pass: string };
  /** Called as a message is accepted, just before its 250 goes out. */
  onAccept?: (message: Received) => void;
  /** Hold the reply to a message (after the delay) until this settles. */
  hold?: (message: Received) => Promise<unknown> | undefined;
  /** Refuse STARTTLS (the default: the test server has no certificate to offer). */
  tls?: false;
}

export interface Received {
  /** The envelope recipient, lowercased. */
  to: string;
  from: string;
  raw: Buffer;
  /** Order of arrival, from 1. */
  seq: number;
}

export interface TestSmtp {
  port: number;
  /** smtp://127.0.0.1:PORT, for GAZETTE_SMTP_URL. */
  url: string;
  /** Messages the server answered 250 to. */
  accepted: Received[];
  /** Messages read whole and then dropped without a reply. */
  dropped: Received[];
  /** RCPT TO commands refused, with the code. */
  refused: { to: string; code: number }[];
  logins: { user: string; ok: boolean }[];
  /** Accepted messages per recipient. */
  countsByRecipient: () => Map<string, number>;
  parse: (message: Received) => Promise<ParsedMail>;
  close: () => Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 and an ephemeral port, with no TLS and no
 * reverse DNS, that keeps what it accepts and misbehaves on request.
 */
export async function startSmtp(options: TestSmtpOptions = {}): Promise<TestSmtp> {
  const accepted: Received[] = [];
  const dropped: Received[] = [];
  const refused: { to: string; code: number }[] = [];
  const logins: { user: string; ok: boolean }[] = [];
  const rcptAttempts = new Map<string, number>();
  const dataAttempts = new Map<string, number>();
  let seq = 0;

  const server: SMTPServer = new SMTPServer({
    disableReverseLookup: true,
    authOptional: options.auth === undefined,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    maxClients: 100,
    onAuth(auth, _session, callback) {
      const ok = auth.username === options.auth?.user && auth.password === options.auth?.pass;
      logins.push({ user: auth.username ?? '', ok });
      if (ok) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      const attempt = (rcptAttempts.get(to) ?? 0) + 1;
      rcptAttempts.set(to, attempt);
      const reply = options.rcpt?.(to, attempt);
      if (reply) {
        refused.push({ to, code: reply.code });
        callback(Object.assign(new Error(reply.message ?? `refused ${to}`), { responseCode: reply.code }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase()).join(',');
        const mailFrom = session.envelope.mailFrom;
        const message: Received = { to, from: mailFrom ? mailFrom.address : '', raw: Buffer.concat(chunks), seq: ++seq };
        const attempt = (dataAttempts.get(to) ?? 0) + 1;
        dataAttempts.set(to, attempt);
        const verdict = options.data?.(to, attempt);
        if (verdict === 'drop') {
          dropped.push(message);
          socketOf(server, session)?.destroy();
          return;
        }
        const answer = async (): Promise<void> => {
          await options.hold?.(message);
          if (verdict) {
            callback(Object.assign(new Error(verdict.message ?? 'refused'), { responseCode: verdict.code }));
            return;
          }
          accepted.push(message);
          options.onAccept?.(message);
          callback(null, `OK queued as ${message.seq}`);
        };
        if (options.delayMs) setTimeout(() => void answer(), options.delayMs);
        else void answer();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    dropped,
    refused,
    logins,
    countsByRecipient: () => {
      const counts = new Map<string, number>();
      for (const m of accepted) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
      return counts;
    },
    parse: (message) => simpleParser(message.raw),
    close: () =>
      new Promise<void>((resolve) => {
        for (const connection of server.connections) connection._socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function socketOf(server: SMTPServer, session: SMTPServerSession): { destroy: () => void } | undefined {
  for (const connection of server.connections) if (connection.session.id === session.id) return connection._socket;
  return undefined;
}
