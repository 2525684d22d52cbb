import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { CsvError, parse, type Info } from 'csv-parse';
import { GazetteError } from '../errors.js';
import type { Recipient } from '../render/personal.js';
import { addressProblem, cleanDisplayName, normaliseAddress } from './address.js';
import type { SubscriberRow } from './types.js';

/**
 * Reading the subscriber list: CSV (or TSV) with a header row, or JSON Lines.
 *
 * Rows are streamed one at a time, so 100,000 subscribers take the memory of
 * a few: the only buffers are the stream's and one row (at most
 * {@link MAX_ROW_BYTES}, so an unclosed quote cannot swallow the file).
 *
 * A row that cannot be sent to (a bad address, a ragged CSV row, a JSON line
 * that is not an object) comes back as `{ ok: false, line, value, reason }`
 * and reading goes on. What makes the whole list unreadable throws a
 * `GazetteError` with code USAGE: a missing file, a CSV header without an
 * email column, or broken CSV quoting (after which no row boundary can be
 * trusted, so carrying on would silently drop subscribers).
 *
 * Line breaks are read as LF whatever wrote the file (CRLF, CR), inside
 * quoted values too. Names are made one line (see `cleanDisplayName`); other
 * columns are kept as written, so whatever puts one into a header must clean
 * it (`personalise()` already flattens them in the body).
 *
 * Duplicates are not removed here: the sender dedupes through its ledger,
 * keyed by `addressKey()` (the address lowercased), so a list may hold
 * `Ana@example.org` and `ana@example.org` and Ana gets one message.
 */

export type SubscriberFormat = 'csv' | 'tsv' | 'jsonl';

/** The longest row (CSV record or JSON line) read; a longer one is an unclosed quote or not a subscriber list. */
export const MAX_ROW_BYTES = 1024 * 1024;
/** How much of a file is looked at to tell CSV from JSON Lines. */
const SNIFF_BYTES = 64 * 1024;
/** How much of a bad row is kept to show in the report. */
const MAX_VALUE_CHARS = 200;

/** The subscribers in `file`, its format told by the extension (`.csv`, `.tsv`, `.jsonl`, `.ndjson`) or else by its first line. */
export async function* readSubscribers(file: string): AsyncGenerator<SubscriberRow, void, undefined> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (cause) {
    throw unreadable(file, cause);
  }
  let stream: Readable;
  let format: SubscriberFormat;
  try {
    format = formatOf(file, await head(handle, file));
    stream = handle.createReadStream({ start: 0 });
  } catch (error) {
    await handle.close();
    throw error;
  }
  yield* readSubscribersFrom(stream, format, file);
}

/** The subscribers in `stream` (a file, stdin), in `format`; `name` is how errors name the source. */
export async function* readSubscribersFrom(stream: Readable, format: SubscriberFormat, name: string): AsyncGenerator<SubscriberRow, void, undefined> {
  if (format === 'jsonl') yield* readJsonLines(stream, name);
  else yield* readCsv(stream, format === 'tsv' ? '\t' : ',', name);
}

// ---------------------------------------------------------------- format

/** The first bytes of the file, read without moving on, to tell its format and encoding. */
async function head(handle: FileHandle, file: string): Promise<Buffer> {
  try {
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(SNIFF_BYTES), position: 0 });
    return buffer.subarray(0, bytesRead);
  } catch (cause) {
    throw unreadable(file, cause);
  }
}

function formatOf(file: string, start: Buffer): SubscriberFormat {
  if ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff)) {
    throw new GazetteError('USAGE', 'the subscriber list is UTF-16 text', {
      file,
      fix: 'save it as UTF-8 (in a spreadsheet, "CSV UTF-8"), which gazette reads',
    });
  }
  const byExtension: Record<string, SubscriberFormat> = { '.csv': 'csv', '.tsv': 'tsv', '.jsonl': 'jsonl', '.ndjson': 'jsonl' };
  const known = byExtension[path.extname(file).toLowerCase()];
  if (known) return known;
  const firstLine = start.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n|\r/).find((line) => line.trim() !== '') ?? '';
  const first = firstLine.trim()[0];
  if (first === '{') return 'jsonl';
  if (first === '[') {
    throw new GazetteError('USAGE', 'the subscriber list is a JSON array', {
      file,
      fix: 'write one JSON object per line (JSON Lines), or use CSV with a header row',
    });
  }
  return firstLine.includes('\t') && !firstLine.includes(',') ? 'tsv' : 'csv';
}

// ---------------------------------------------------------------- columns

/** Header spellings, compared lowercased without spaces, hyphens or underscores; earlier ones win. */
const EMAIL_HEADERS = ['email', 'emailaddress', 'mail'];
const NAME_HEADERS = ['name', 'fullname'];
const FIRST_NAME_HEADERS = ['firstname', 'givenname'];
const LAST_NAME_HEADERS = ['lastname', 'surname', 'familyname'];

/** Where a row's values are: column indexes for CSV, property names for JSON. */
interface Columns<K> {
  email: K;
  name: K | undefined;
  firstName: K | undefined;
  lastName: K | undefined;
  /** Every column but email and name, with its header as written (trimmed). */
  fields: ReadonlyArray<readonly [key: K, header: string]>;
}

const headerKey = (header: string): string => header.trim().toLowerCase().replace(/[\s_-]+/g, '');

/** The columns of a header, or the headers that claim the email column when none or several do. */
function columnsOf<K>(headers: ReadonlyArray<readonly [key: K, header: string]>): Columns<K> | { emails: string[] } {
  const find = (spellings: readonly string[]): Array<readonly [K, string]> => {
    for (const spelling of spellings) {
      const found = headers.filter(([, header]) => headerKey(header) === spelling);
      if (found.length > 0) return found;
    }
    return [];
  };
  const emails = find(EMAIL_HEADERS);
  const email = emails[0];
  if (!email || emails.length > 1) return { emails: emails.map(([, header]) => header) };
  const name = find(NAME_HEADERS)[0];
  const seen = new Set<string>();
  const fields: Array<readonly [K, string]> = [];
  for (const [key, header] of headers) {
    const label = header.trim();
    if (key === email[0] || key === name?.[0] || label === '' || seen.has(label)) continue;
    seen.add(label);
    fields.push([key, label]);
  }
  return { email: email[0], name: name?.[0], firstName: find(FIRST_NAME_HEADERS)[0]?.[0], lastName: find(LAST_NAME_HEADERS)[0]?.[0], fields };
}

/** One row, through the columns: a subscriber, or why it is not one. */
function rowOf<K>(line: number, columns: Columns<K>, valueOf: (key: K) => string | undefined, whole: () => string): SubscriberRow {
  const written = valueOf(columns.email) ?? '';
  const email = normaliseAddress(written);
  if (email === '') return { ok: false, line, value: shorten(whole()), reason: 'no email address' };
  const problem = addressProblem(email);
  if (problem !== null) return { ok: false, line, value: shorten(written), reason: `not an email address (${JSON.stringify(shorten(written))}): ${problem}` };
  const fullName = columns.name === undefined ? undefined : valueOf(columns.name);
  const joined = [columns.firstName, columns.lastName].map((key) => (key === undefined ? '' : (valueOf(key) ?? ''))).join(' ');
  const name = cleanDisplayName(fullName ?? '') ?? cleanDisplayName(joined);
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, header] of columns.fields) {
    const value = valueOf(key);
    if (value !== undefined) fields[header] = value;
  }
  const subscriber: Recipient = { email, name, fields };
  return { ok: true, line, subscriber };
}

function shorten(value: string): string {
  return value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value;
}

// ---------------------------------------------------------------- CSV

interface CsvRecord {
  record: string[];
  info: Info;
}

async function* readCsv(stream: Readable, delimiter: string, name: string): AsyncGenerator<SubscriberRow, void, undefined> {
  // Where the parser is, kept as it parses (ahead of the loop below), to place a syntax error.
  let parsed = { records: 0, lines: 0, emptyLines: 0 };
  let broken: { error: CsvError; line: number; after: number } | undefined;
  const parser = parse({
    delimiter,
    bom: true,
    info: true,
    trim: true,
    skip_empty_lines: true,
    // Ragged rows are reported one by one below, not thrown.
    relax_column_count: true,
    // `Ana "Nana" Lopes` unquoted is a name, not an error.
    relax_quotes: true,
    record_delimiter: '\n',
    max_record_size: MAX_ROW_BYTES,
    on_record: (record, { lines, empty_lines }) => {
      parsed = { records: parsed.records + 1, lines, emptyLines: empty_lines };
      return record;
    },
    // A syntax error is fatal, but as a skipped record rather than a stream
    // error, so that the rows parsed before it are still read in order first.
    on_skip: (error) => {
      if (!error || broken) return undefined;
      const emptyLines = typeof error.empty_lines === 'number' ? error.empty_lines : parsed.emptyLines;
      broken = { error, line: parsed.lines + 1 + emptyLines - parsed.emptyLines, after: parsed.records };
      return undefined;
    },
    skip_records_with_error: true,
  });
  pipeline(stream, unixLineBreaks, parser, () => {
    // Errors reach the loop below through the parser; an early return by the reader is not one.
  });
  let columns: Columns<number> | undefined;
  let width = 0;
  let read = 0;
  try {
    // With `info: true` and no `columns`, csv-parse emits exactly this shape.
    for await (const { record, info } of parser as AsyncIterable<CsvRecord>) {
      // After a syntax error the parser cannot know where rows begin: nothing it finds is trusted.
      if (broken && ++read > broken.after) break;
      const line = info.lines - lineBreaksIn(record);
      if (!columns) {
        const found = columnsOf(record.map((header, index) => [index, header] as const));
        if ('emails' in found) throw noEmailColumn(name, line, record, found.emails);
        columns = found;
        width = record.length;
        continue;
      }
      if (record.every((value) => value === '')) continue;
      if (record.length < width || record.slice(width).some((value) => value !== '')) {
        yield { ok: false, line, value: shorten(record.join(delimiter)), reason: `has ${record.length} fields where the header has ${width}` };
        continue;
      }
      yield rowOf(line, columns, (index) => record[index], () => record.join(delimiter));
    }
  } catch (error) {
    throw csvError(error, name, parsed.lines + 1);
  }
  if (broken) throw csvError(broken.error, name, broken.line);
  if (!columns) {
    throw new GazetteError('USAGE', 'the subscriber list is empty: it has no header row', {
      file: name,
      fix: 'start it with a header row naming the columns, e.g. email,name',
    });
  }
}

/**
 * CRLF and lone CR become LF before parsing: csv-parse counts a CRLF inside
 * a quoted field as two lines, and one kind of line break keeps the line
 * numbers (and the values) the same whatever wrote the file.
 */
async function* unixLineBreaks(source: AsyncIterable<unknown>): AsyncGenerator<string, void, undefined> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  for await (const chunk of source) {
    const text = carry + (typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk as Uint8Array)));
    // A CR at the end of a chunk may be half of a CRLF: wait for the next one.
    carry = text.endsWith('\r') ? '\r' : '';
    const unix = (carry ? text.slice(0, -1) : text).replace(/\r\n?/g, '\n');
    if (unix) yield unix;
  }
  const rest = (carry + decoder.end()).replace(/\r\n?/g, '\n');
  if (rest) yield rest;
}

function lineBreaksIn(record: readonly string[]): number {
  let count = 0;
  for (const value of record) for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) count++;
  return count;
}

function noEmailColumn(file: string, line: number, headers: readonly string[], emails: readonly string[]): GazetteError {
  if (emails.length > 1) {
    return new GazetteError('USAGE', `the header row has ${emails.length} email columns (${emails.map((e) => JSON.stringify(e)).join(', ')})`, {
      file,
      line,
      fix: 'keep one column of addresses, or rename the others',
    });
  }
  const has = headers.some((h) => h !== '') ? ` (it has ${headers.map((h) => JSON.stringify(shorten(h))).join(', ')})` : '';
  // Spreadsheets in many locales export "CSV" separated by semicolons.
  const separator = headers.length === 1 ? /[;|]/.exec(headers[0] ?? '')?.[0] : undefined;
  const fix = separator
    ? `its columns are separated by "${separator}": export the list as comma-separated CSV, or tab-separated as .tsv`
    : 'name the column of addresses "email" (also accepted: "e-mail", "email address", "mail"); the first row must be the header';
  return new GazetteError('USAGE', `the header row has no email column${has}`, { file, line, fix });
}

/** A CSV that cannot be read on: what went wrong in the row starting at `line`, and what to do about it. */
function csvError(error: unknown, file: string, line: number): unknown {
  if (error instanceof GazetteError) return error;
  if (!(error instanceof CsvError)) return unreadable(file, error);
  const fix = 'put a field holding commas, quotes or line breaks in double quotes, and double each quote inside it: "Ana ""Nana"" Lopes"';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new GazetteError('USAGE', 'a quoted field is never closed', { file, line, fix, cause: error });
    case 'CSV_MAX_RECORD_SIZE':
      return new GazetteError('USAGE', `the row starting here runs on for over ${MAX_ROW_BYTES / 1024 / 1024} MiB, so a quote in it is probably never closed`, {
        file,
        line,
        fix,
        cause: error,
      });
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new GazetteError('USAGE', 'a quoted field has text after its closing quote', { file, line, fix, cause: error });
    default:
      return new GazetteError('USAGE', `cannot read it as CSV (${error.message})`, { file, line, fix, cause: error });
  }
}

// ---------------------------------------------------------------- JSON Lines

async function* readJsonLines(stream: Readable, name: string): AsyncGenerator<SubscriberRow, void, undefined> {
  try {
    for await (const { line, text } of linesOf(stream)) {
      if (text === null) {
        yield { ok: false, line, value: '', reason: `the line is longer than ${MAX_ROW_BYTES / 1024 / 1024} MiB` };
        continue;
      }
      if (text.trim() === '') continue;
      yield jsonRow(line, text);
    }
  } catch (error) {
    throw error instanceof GazetteError ? error : unreadable(name, error);
  }
}

function jsonRow(line: number, text: string): SubscriberRow {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Not V8's message, which quotes the line back and changes between versions.
    return { ok: false, line, value: shorten(text), reason: 'not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const what = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return { ok: false, line, value: shorten(text), reason: `not a JSON object but ${what}` };
  }
  const object = value as Record<string, unknown>;
  const found = columnsOf(Object.keys(object).map((key) => [key, key] as const));
  if ('emails' in found) {
    const reason = found.emails.length > 1 ? `more than one email field (${found.emails.map((e) => JSON.stringify(e)).join(', ')})` : 'no "email" field';
    return { ok: false, line, value: shorten(text), reason };
  }
  const email = object[found.email];
  if (typeof email !== 'string') {
    return { ok: false, line, value: shorten(text), reason: `"${found.email}" is ${email === null ? 'null' : `a ${typeof email}`}, not an email address` };
  }
  const valueOf = (key: string): string | undefined => {
    const field = object[key];
    return typeof field === 'string' ? field : typeof field === 'number' || typeof field === 'boolean' ? String(field) : undefined;
  };
  return rowOf(line, found, valueOf, () => text);
}

/**
 * The lines of a stream with their numbers, one at a time. Unlike readline,
 * a line too long to be a subscriber is skipped (`text: null`) instead of
 * being held whole in memory.
 */
async function* linesOf(stream: Readable): AsyncGenerator<{ line: number; text: string | null }, void, undefined> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let tooLong = false;
  let line = 0;
  const lineOf = (text: string): { line: number; text: string | null } => {
    line++;
    const clean = (line === 1 ? text.replace(/^\uFEFF/, '') : text).replace(/\r$/, '');
    return { line, text: tooLong ? null : clean };
  };
  for await (const chunk of stream as AsyncIterable<unknown>) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk as Uint8Array));
    let start = 0;
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n', start)) {
      yield lineOf(pending.slice(start, end));
      tooLong = false;
      start = end + 1;
    }
    pending = pending.slice(start);
    if (pending.length > MAX_ROW_BYTES) {
      tooLong = true;
      pending = '';
    }
  }
  pending += decoder.end();
  if (pending !== '' || tooLong) yield lineOf(pending);
}

// ---------------------------------------------------------------- errors

function unreadable(file: string, cause: unknown): GazetteError {
  const code = cause instanceof Error && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
  const problem =
    code === 'ENOENT'
      ? 'the subscriber list does not exist'
      : code === 'EISDIR'
        ? 'the subscriber list is a folder, not a file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'the subscriber list cannot be read (permission denied)'
          : `the subscriber list cannot be read (${code ?? (cause instanceof Error ? cause.message : String(cause))})`;
  return new GazetteError('USAGE', problem, { file, fix: 'check the path given to --to: a CSV or JSON Lines file of subscribers', cause });
}
