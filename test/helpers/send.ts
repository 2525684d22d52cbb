import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ParsedMail } from 'mailparser';
import { renderIssue } from '../../src/build.js';
import type { Config } from '../../src/config/schema.js';
import type { IssueContent } from '../../src/send/index.js';
import type { SubscriberRow } from '../../src/send/types.js';
import { fixtures } from './cli.js';

export const SECRET = 'test-unsubscribe-secret-4f9a';
export const DATE = '2026-11-30';

/** The fixture digest rendered once, as every send test uses it. */
export async function renderFixture(config: Config): Promise<IssueContent> {
  const { digest, template } = await renderIssue(config, { articlesDir: path.join(fixtures, 'digest/articles'), date: DATE });
  return { digest, template };
}

export interface Person {
  email: string;
  name: string | null;
  city?: string;
}

/** `count` subscribers, reader001@example.org… with names. */
export function people(count: number, prefix = 'reader'): Person[] {
  return Array.from({ length: count }, (_, i) => ({
    email: `${prefix}${String(i + 1).padStart(3, '0')}@example.org`,
    name: i % 7 === 3 ? null : `Reader ${String(i + 1).padStart(3, '0')} Smith`,
    city: `Port ${i % 5}`,
  }));
}

/** The same people as rows straight from a reader. */
export async function* rowsOf(list: readonly Person[]): AsyncGenerator<SubscriberRow> {
  for (const [i, p] of list.entries()) {
    yield { ok: true, line: i + 2, subscriber: { email: p.email, name: p.name, fields: p.city === undefined ? {} : { city: p.city } } };
  }
}

/** As a CSV file with a header row. */
export function csvOf(list: readonly Person[]): string {
  const quote = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return ['email,name,city', ...list.map((p) => [p.email, p.name ?? '', p.city ?? ''].map(quote).join(','))].join('\n') + '\n';
}

export async function scratchDir(
  prefix = 'gazette-send-',
): Promise<{ dir: string; file: (name: string, text?: string) => Promise<string>; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return {
    dir,
    file: async (name, text) => {
      const file = path.join(dir, name);
      if (text !== undefined) await writeFile(file, text);
      return file;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface DeliveryRowView {
  email: string;
  status: string;
  attempts: number;
  message_id: string | null;
  last_error: string | null;
}

/** The ledger's rows for an issue, read with a connection of our own. */
export function ledgerRows(statePath: string, issueKey?: string): DeliveryRowView[] {
  const db = new Database(statePath, { readonly: true });
  try {
    const sql = 'SELECT email, status, attempts, message_id, last_error FROM deliveries' + (issueKey ? ' WHERE issue_key = ?' : '') + ' ORDER BY id';
    return (issueKey ? db.prepare(sql).all(issueKey) : db.prepare(sql).all()) as DeliveryRowView[];
  } finally {
    db.close();
  }
}

/** Header lines of a raw message, unfolded. */
export function headerLines(raw: Buffer): string[] {
  const head = raw.toString('utf8').split('\r\n\r\n')[0] ?? '';
  return head.split(/\r\n(?![ \t])/).map((l) => l.replace(/\r\n[ \t]+/g, ' '));
}

export function headerValues(raw: Buffer, name: string): string[] {
  const prefix = `${name.toLowerCase()}:`;
  return headerLines(raw)
    .filter((l) => l.toLowerCase().startsWith(prefix))
    .map((l) => l.slice(prefix.length).trim());
}

export function textOf(mail: ParsedMail): string {
  return mail.text ?? '';
}

export function htmlOf(mail: ParsedMail): string {
  return typeof mail.html === 'string' ? mail.html : '';
}
