import { createHash } from 'node:crypto';
import DKIM from 'nodemailer/lib/dkim';
import MailComposer from 'nodemailer/lib/mail-composer';
import { encodeWord } from 'nodemailer/lib/mime-funcs';
import type { Config } from '../config/schema.js';
import { slugify } from '../load/slug.js';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';
import { escapeHtml, greetingFor, holeValue, type PersonalTemplate, type PersonalValues, type Piece, type Recipient } from '../render/personal.js';
import { unsubscribeUrlOf } from '../render/view.js';
import type { Digest } from '../types.js';
import { unsubscribeLink, unsubscribeToken } from './unsubscribe.js';

/** What every message of one issue shares; built once per issue. */
export interface IssueMessages {
  config: Config;
  digest: Digest;
  template: PersonalTemplate;
  /** Names the issue for Message-IDs (and the ledger): the same key, the same Message-ID per subscriber. */
  issueKey: string;
  listId: string;
  /** The Date header. */
  date: Date;
  /** For the unsubscribe tokens. */
  secret: string;
  /** "[TEST] " for a test send. */
  subjectPrefix?: string;
  dkim?: { domainName: string; keySelector: string; privateKey: string };
}

export interface ComposedMessage {
  messageId: string;
  envelope: { from: string; to: string };
  raw: Buffer;
}

/**
 * The List-Id of the newsletter: the config's, or "<name>.<site host>", which
 * is unique to the list and stable across issues, as RFC 2919 asks.
 */
export function listIdOf(config: Config): string {
  return config.listId ?? `${slugify(config.name)}.${new URL(config.siteUrl).hostname}`;
}

/** A Message-ID derived from the issue and the address, so a resend can be recognised as the same message. */
export function messageIdFor(issueKey: string, email: string, fromAddress: string): string {
  const hash = createHash('sha256').update(`${issueKey}\n${email.toLowerCase()}`).digest('hex').slice(0, 32);
  return `<${hash}@${fromAddress.split('@')[1] ?? 'gazette.invalid'}>`;
}

/**
 * One subscriber's message: the rendered issue with their greeting, columns
 * and unsubscribe link filled in, as multipart/alternative (text first, HTML
 * last), with the one-click unsubscribe headers of RFC 8058 and a List-Id.
 * The bytes depend only on the issue and the subscriber: the MIME boundary is
 * derived from the Message-ID rather than drawn at random.
 */
export async function composeMessage(issue: IssueMessages, recipient: Recipient): Promise<ComposedMessage> {
  const { config } = issue;
  const unsubscribe = unsubscribeLink(unsubscribeUrlOf(config), unsubscribeToken(issue.secret, issue.listId, recipient.email));
  const values: PersonalValues = { greeting: greetingFor(config, recipient), unsubscribeUrl: unsubscribe, fields: recipient.fields };
  const encoded = encodedParts(issue.template);
  const messageId = messageIdFor(issue.issueKey, recipient.email, config.from.address);
  const from = { name: config.from.name ?? config.name, address: config.from.address };
  const composer = new MailComposer({
    from,
    to: { name: displayName(recipient.name), address: recipient.email },
    subject: `${issue.subjectPrefix ?? ''}${issue.digest.subject}`,
    date: issue.date,
    messageId,
    text: { raw: fill(encoded.text, values, (v) => v) },
    html: { raw: fill(encoded.html, values, escapeHtml) },
    baseBoundary: messageId.slice(1, 17),
    headers: {
      // Prepared, so that only the name is encoded: the <id> must stay plain for filters to match it.
      'List-Id': { prepared: true, value: `${phrase(config.name)} <${issue.listId}>` },
      'List-Unsubscribe': `<${unsubscribe}>`,
      // nodemailer's `list` option would wrap this in <…>: RFC 8058 wants the exact string.
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  });
  let raw = await build(composer);
  if (issue.dkim) raw = await sign(raw, issue.dkim);
  return { messageId, envelope: { from: config.from.address, to: recipient.email }, raw };
}

/**
 * The text and HTML parts, quoted-printable encoded once per issue. Only the
 * holes are encoded per message, each on lines of its own (between soft line
 * breaks, which decode to nothing), so every line stays within 76 octets and
 * the decoded part is exactly the personalised text.
 */
interface EncodedPart {
  head: Buffer;
  pieces: (Buffer | { key: string })[];
}

const encodedCache = new WeakMap<PersonalTemplate, { text: EncodedPart; html: EncodedPart }>();

function encodedParts(template: PersonalTemplate): { text: EncodedPart; html: EncodedPart } {
  let parts = encodedCache.get(template);
  if (!parts) {
    parts = { text: encodePart('text/plain', template.text), html: encodePart('text/html', template.html) };
    encodedCache.set(template, parts);
  }
  return parts;
}

function encodePart(type: string, pieces: readonly Piece[]): EncodedPart {
  return {
    head: Buffer.from(`Content-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`),
    pieces: pieces.map((p) => (typeof p === 'string' ? Buffer.from(qp(p)) : p)),
  };
}

const SOFT_BREAK = Buffer.from('=\r\n');

function fill(part: EncodedPart, values: PersonalValues, escape: (value: string) => string): Buffer {
  const chunks: Buffer[] = [part.head];
  for (const piece of part.pieces) {
    if (Buffer.isBuffer(piece)) chunks.push(piece);
    else chunks.push(SOFT_BREAK, Buffer.from(qp(escape(holeValue(values, piece.key)))), SOFT_BREAK);
  }
  return Buffer.concat(chunks);
}

function qp(text: string): string {
  return qpWrap(qpEncode(text.replace(/\r?\n/g, '\r\n')), 76);
}

function build(composer: MailComposer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    composer.compile().build((error, message) => (error ? reject(error) : resolve(message)));
  });
}

/** The signed header list names both List-Unsubscribe headers, which nodemailer's default list lacks. */
const SIGNED_HEADERS = 'From:To:Subject:Date:Message-ID:MIME-Version:Content-Type:List-Id:List-Unsubscribe:List-Unsubscribe-Post';

async function sign(raw: Buffer, key: NonNullable<IssueMessages['dkim']>): Promise<Buffer> {
  const signer = new DKIM({ ...key, headerFieldNames: SIGNED_HEADERS });
  const chunks: Buffer[] = [];
  for await (const chunk of signer.sign(raw)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A display name with no line breaks or control characters, or none. */
function displayName(name: string | null): string {
  return (name ?? '').replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}

/** The list name as a header phrase: quoted, or RFC 2047-encoded when it is not ASCII. */
function phrase(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  return /^[\x20-\x7e]*$/.test(flat) ? `"${flat.replace(/[\\"]/g, '\\$&')}"` : encodeWord(flat, 'Q', 52);
}
