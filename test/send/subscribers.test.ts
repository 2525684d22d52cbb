import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { GazetteError } from '../../src/errors.js';
import { readSubscribers, readSubscribersFrom, type SubscriberFormat } from '../../src/send/subscribers.js';
import type { SubscriberRow } from '../../src/send/types.js';

const fixtures = path.join(import.meta.dirname, '../fixtures/subscribers');
const temps: string[] = [];
afterAll(async () => Promise.all(temps.map((d) => rm(d, { recursive: true, force: true }))));

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gazette-subscribers-'));
  temps.push(dir);
  return dir;
}

async function fixtureInput(name: string): Promise<string> {
  const dir = path.join(fixtures, name);
  const input = (await readdir(dir)).find((f) => f.startsWith('input.'));
  if (!input) throw new Error(`no input file in ${dir}`);
  return path.join(dir, input);
}

/** Every row, and the error that ended the reading if one did. */
async function readAll(rows: AsyncIterable<SubscriberRow>): Promise<{ rows: SubscriberRow[]; error: GazetteError | null }> {
  const out: SubscriberRow[] = [];
  try {
    for await (const row of rows) out.push(row);
  } catch (error) {
    if (error instanceof GazetteError) return { rows: out, error };
    throw error;
  }
  return { rows: out, error: null };
}

const fromText = (text: string, format: SubscriberFormat): Promise<{ rows: SubscriberRow[]; error: GazetteError | null }> =>
  readAll(readSubscribersFrom(Readable.from([text]), format, 'list'));

const okRows = (rows: readonly SubscriberRow[]) => rows.flatMap((r) => (r.ok ? [r] : []));
const badRows = (rows: readonly SubscriberRow[]) => rows.flatMap((r) => (r.ok ? [] : [r]));

describe('readSubscribers: fixtures', () => {
  // Each folder holds input.<ext> and expected.json; regenerate on purpose with `vitest -u`.
  const cases = [
    'excel',
    'first-last',
    'tabs',
    'jsonl',
    'sniffed-jsonl',
    'sniffed-tsv',
    'no-email-column',
    'two-email-columns',
    'unclosed-quote',
    'utf16',
    'json-array',
  ];
  it.each(cases)('%s', async (name) => {
    const { rows, error } = await readAll(readSubscribers(await fixtureInput(name)));
    const result = { rows, error: error && { code: error.code, line: error.line ?? null, message: error.message.replaceAll(fixtures, '<fixtures>') } };
    await expect(`${JSON.stringify(result, null, 2)}\n`).toMatchFileSnapshot(path.join(fixtures, name, 'expected.json'));
  });
});

describe('readSubscribers: CSV', () => {
  it('reads a spreadsheet export: BOM, CRLF, header variants, quoted commas and line breaks', async () => {
    const file = await fixtureInput('excel');
    const bytes = await readFile(file);
    // The fixture must keep its BOM and CRLFs through git, or this test proves nothing.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes('\r\n')).toBe(true);

    const { rows, error } = await readAll(readSubscribers(file));
    expect(error).toBeNull();
    const ok = okRows(rows);
    expect(ok[0]).toEqual({
      ok: true,
      line: 2,
      subscriber: { email: 'ana.lopes@example.org', name: 'Lopes, Ana', fields: { City: 'Porto', Plan: 'weekly', Notes: '' } },
    });
    const bea = ok.find((r) => r.subscriber.email === 'bea.kowalski@example.com');
    expect(bea?.line).toBe(3);
    expect(bea?.subscriber.fields).toEqual({ City: 'Kraków, Małopolska', Plan: 'monthly', Notes: 'first line\nsecond line' });
  });

  it('gives the line each record starts on, counting quoted line breaks and blank lines', async () => {
    const { rows } = await readAll(readSubscribers(await fixtureInput('excel')));
    const lineOf = (needle: string) => rows.find((r) => (r.ok ? r.subscriber.email : r.value).includes(needle))?.line;
    expect(lineOf('ana.lopes@')).toBe(2);
    expect(lineOf('bea.kowalski@')).toBe(3); // spans lines 3-4; line 5 is blank
    expect(lineOf('chidi@')).toBe(6); // its quoted name spans lines 6-7
    expect(lineOf('dana(at)')).toBe(8);
    expect(lineOf('eli@')).toBe(9);
  });

  it('cleans a CR/LF out of a name, so it can never start a header', async () => {
    const { rows } = await readAll(readSubscribers(await fixtureInput('excel')));
    const chidi = okRows(rows).find((r) => r.subscriber.email === 'chidi@example.net');
    expect(chidi?.subscriber.name).toBe('Chidi Bcc: everyone@example.org');
    for (const row of okRows(rows)) {
      expect(row.subscriber.name ?? '').not.toMatch(/[\r\n\u0000-\u001f\u007f]/);
      expect(row.subscriber.email).not.toMatch(/[\s\u0000-\u001f\u007f]/);
    }
  });

  it('reports invalid, empty and ragged rows with their lines and reasons, and reads on', async () => {
    const { rows } = await readAll(readSubscribers(await fixtureInput('excel')));
    expect(badRows(rows)).toEqual([
      { ok: false, line: 8, value: 'dana(at)example.org', reason: 'not an email address ("dana(at)example.org"): it has no @' },
      { ok: false, line: 9, value: 'eli@example.org,Eli Sato,Osaka', reason: 'has 3 fields where the header has 5' },
      { ok: false, line: 10, value: ',No Address,Nowhere,weekly,', reason: 'no email address' },
      { ok: false, line: 14, value: 'hana@example.org,Hana Novak,Brno,weekly,,unexpected', reason: 'has 6 fields where the header has 5' },
      { ok: false, line: 17, value: 'jo@example', reason: 'not an email address ("jo@example"): the domain "example" has no dot' },
    ]);
    // A row of empty cells (line 11) is a blank line, and the rows after a bad one are still read.
    expect(okRows(rows).map((r) => r.line)).toEqual([2, 3, 6, 12, 13, 15, 16]);
  });

  it('trims unquoted values, keeps quoted spaces and empty values, and allows empty trailing cells', async () => {
    const { rows } = await readAll(readSubscribers(await fixtureInput('excel')));
    const femi = okRows(rows).find((r) => r.line === 12);
    expect(femi?.subscriber).toEqual({ email: 'femi.ade@example.org', name: 'Femi Ade', fields: { City: 'Abuja', Plan: 'weekly', Notes: '  kept  ' } });
    const gus = okRows(rows).find((r) => r.line === 13);
    expect(gus?.subscriber.name).toBe('Gus "Goose" Moreau');
  });

  it('keeps duplicates (the sender dedupes) and lowercases only the domain', async () => {
    const { rows } = await readAll(readSubscribers(await fixtureInput('excel')));
    const emails = okRows(rows).map((r) => r.subscriber.email);
    expect(emails).toContain('ana.lopes@example.org');
    expect(emails).toContain('Ana.Lopes@example.org');
    expect(emails).toContain('ivo@bücher.example');
  });

  it('joins first and last names when there is no name column, and keeps them as fields', async () => {
    const { rows } = await readAll(readSubscribers(await fixtureInput('first-last')));
    expect(rows.map((r) => (r.ok ? [r.line, r.subscriber.name] : r.reason))).toEqual([
      [2, 'Kai Lind'],
      [3, 'Léa'],
      [4, null],
      [5, 'Nia Rose Okafor'],
    ]);
    expect(rows[0]).toMatchObject({ subscriber: { fields: { first_name: 'Kai', last_name: 'Lind', Company: 'Lind & Co' } } });
  });

  it.each([
    ['email', 'Email'],
    ['EMAIL', 'EMAIL'],
    ['e-mail', 'e-mail'],
    ['E_Mail', 'E_Mail'],
    ['Email Address', 'Email Address'],
    ['email_address', 'email_address'],
    ['Mail', 'Mail'],
    [' email ', 'email'],
  ])('accepts the email header %j', async (header) => {
    const { rows, error } = await fromText(`${header},Full Name,Plan\nana@example.org,Ana Lopes,weekly\n`, 'csv');
    expect(error).toBeNull();
    expect(rows).toEqual([{ ok: true, line: 2, subscriber: { email: 'ana@example.org', name: 'Ana Lopes', fields: { Plan: 'weekly' } } }]);
  });

  it('prefers "email" over "mail", which is then a field', async () => {
    const { rows } = await fromText('mail,email\nold@example.org,new@example.org\n', 'csv');
    expect(rows).toEqual([{ ok: true, line: 2, subscriber: { email: 'new@example.org', name: null, fields: { mail: 'old@example.org' } } }]);
  });

  it('keeps the first of two columns with one header, and leaves out columns without a header', async () => {
    const { rows } = await fromText('email,city,,city\nana@example.org,Porto,x,Lisbon\n', 'csv');
    expect(rows).toEqual([{ ok: true, line: 2, subscriber: { email: 'ana@example.org', name: null, fields: { city: 'Porto' } } }]);
  });

  it('takes a column named __proto__ as a plain field', async () => {
    const { rows } = await fromText('email,__proto__,toString\nana@example.org,x,y\n', 'csv');
    const fields = rows[0]?.ok ? rows[0].subscriber.fields : {};
    expect(Object.entries(fields)).toEqual([
      ['__proto__', 'x'],
      ['toString', 'y'],
    ]);
    expect(fields['constructor']).toBeUndefined();
  });

  it('reads CRLFs split across chunks, lone CRs and a last line without a line break', async () => {
    const chunks = ['email,name\r', '\nana@example.org,"Ana\r', '\nLopes"\r', '\rbea@example.org,Bea\rcarl@example.org,Carl'];
    const { rows } = await readAll(readSubscribersFrom(Readable.from(chunks), 'csv', 'list'));
    expect(rows.map((r) => (r.ok ? [r.line, r.subscriber.email, r.subscriber.name] : r.reason))).toEqual([
      [2, 'ana@example.org', 'Ana Lopes'],
      [5, 'bea@example.org', 'Bea'],
      [6, 'carl@example.org', 'Carl'],
    ]);
  });

  it('reads a multibyte character split across chunks', async () => {
    const bytes = Buffer.from('email,name\nzoe@example.org,Zoë Kraków\n');
    const cut = bytes.indexOf(Buffer.from('ë')) + 1;
    const { rows } = await readAll(readSubscribersFrom(Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]), 'csv', 'list'));
    expect(rows).toMatchObject([{ ok: true, subscriber: { name: 'Zoë Kraków' } }]);
  });

  it('reads a header-only list as no subscribers', async () => {
    expect(await fromText('email,name\n', 'csv')).toEqual({ rows: [], error: null });
  });

  it('stops with a GazetteError naming the file, the line and the fix when the email column is missing', async () => {
    const file = await fixtureInput('no-email-column');
    const { rows, error } = await readAll(readSubscribers(file));
    expect(rows).toEqual([]);
    expect(error).toMatchObject({ code: 'USAGE', kind: 'usage', file, line: 1, exitCode: 1 });
    expect(error?.message).toBe(
      `${file}:1: the header row has no email column (it has "Name", "Address", "City"): ` +
        'name the column of addresses "email" (also accepted: "e-mail", "email address", "mail"); the first row must be the header',
    );
  });

  it('says so when the columns are separated by semicolons', async () => {
    const { error } = await fromText('email;name\nana@example.org;Ana\n', 'csv');
    expect(error).toMatchObject({ code: 'USAGE', line: 1, fix: expect.stringContaining('separated by ";"') });
  });

  it('stops on two email columns rather than guess', async () => {
    const { error } = await readAll(readSubscribers(await fixtureInput('two-email-columns')));
    expect(error).toMatchObject({ code: 'USAGE', line: 1 });
    expect(error?.message).toContain('the header row has 2 email columns ("Email", "e-mail")');
  });

  it('stops at an unclosed quote, naming the row it opens in, after the rows before it', async () => {
    const file = await fixtureInput('unclosed-quote');
    const { rows, error } = await readAll(readSubscribers(file));
    expect(rows).toMatchObject([{ ok: true, line: 2, subscriber: { email: 'hal@example.org' } }]);
    expect(error).toMatchObject({ code: 'USAGE', file, line: 4 });
    expect(error?.message).toMatch(/:4: a quoted field is never closed: .*double quotes/);
  });

  it('stops at text after a closing quote', async () => {
    const { rows, error } = await fromText('email,name\nana@example.org,Ana\nbea@example.org,"Bea" Kowalski\ncarl@example.org,Carl\n', 'csv');
    expect(rows).toHaveLength(1);
    expect(error).toMatchObject({ code: 'USAGE', line: 3, file: 'list' });
  });

  it('reads a quote inside an unquoted field as a character', async () => {
    const { rows } = await fromText('email,name\nana@example.org,Ana "Nana" Lopes\n', 'csv');
    expect(rows).toMatchObject([{ ok: true, subscriber: { name: 'Ana "Nana" Lopes' } }]);
  });

  it('stops on a row longer than 1 MiB instead of holding it', async () => {
    const { error } = await fromText(`email,name\nana@example.org,"${'x'.repeat(1_100_000)}\n`, 'csv');
    expect(error).toMatchObject({ code: 'USAGE', line: 2 });
    expect(error?.message).toContain('a quote in it is probably never closed');
  });

  it('stops on an empty file', async () => {
    const { error } = await fromText('', 'csv');
    expect(error).toMatchObject({ code: 'USAGE', file: 'list' });
    expect(error?.message).toContain('no header row');
  });

  it('reads TSV by extension, keeping commas inside values', async () => {
    const { rows } = await readAll(readSubscribers(await fixtureInput('tabs')));
    expect(rows).toEqual([
      { ok: true, line: 2, subscriber: { email: 'omar@example.org', name: 'Omar Haddad', fields: { Team: 'news, sport' } } },
      { ok: true, line: 3, subscriber: { email: 'pia@example.org', name: null, fields: { Team: 'desk' } } },
      { ok: false, line: 4, value: 'quinn@example', reason: 'not an email address ("quinn@example"): the domain "example" has no dot' },
    ]);
  });
});

describe('readSubscribers: JSON Lines', () => {
  it('reads objects, turning numbers and booleans into strings and leaving out the rest', async () => {
    const { rows, error } = await readAll(readSubscribers(await fixtureInput('jsonl')));
    expect(error).toBeNull();
    expect(rows[0]).toEqual({
      ok: true,
      line: 1,
      subscriber: { email: 'rosa@example.org', name: 'Rosa Díaz', fields: { age: '34', vip: 'true' } },
    });
    expect(rows[1]).toEqual({
      ok: true,
      line: 4,
      subscriber: { email: 'sam@example.net', name: 'Sam Ito', fields: { first_name: 'Sam', last_name: 'Ito' } },
    });
  });

  it('reports each bad line with its number and reason, and skips blank ones', async () => {
    const { rows } = await readAll(readSubscribers(await fixtureInput('jsonl')));
    const bad = badRows(rows);
    expect(bad.map((r) => [r.line, r.reason])).toEqual([
      [5, 'not valid JSON'],
      [6, 'not a JSON object but an array'],
      [7, 'not a JSON object but a string'],
      [8, 'no "email" field'],
      [9, '"email" is a number, not an email address'],
      [10, 'not an email address ("xena at example.org"): it contains a space, line break or control character'],
      [12, 'more than one email field ("email", "Email")'],
      [13, 'not valid JSON'],
    ]);
    expect(bad[0]?.value).toBe('not json at all');
  });

  it('cleans a CR/LF out of a name and trims the address', async () => {
    const { rows } = await readAll(readSubscribers(await fixtureInput('jsonl')));
    const ok = okRows(rows);
    expect(ok.find((r) => r.line === 11)?.subscriber.name).toBe('Yuri Bcc: all@example.org');
    expect(ok.find((r) => r.line === 14)?.subscriber).toEqual({ email: 'ben@example.com', name: null, fields: {} });
  });

  it('skips a line longer than 1 MiB without holding it, and reads on', async () => {
    const long = `{"email":"ana@example.org","notes":"${'x'.repeat(600_000)}`;
    const chunks = ['{"email":"bea@example.org"}\n', long, long, '"}\n', '{"email":"carl@example.org"}'];
    const { rows } = await readAll(readSubscribersFrom(Readable.from(chunks), 'jsonl', 'list'));
    expect(rows.map((r) => (r.ok ? [r.line, r.subscriber.email] : [r.line, r.reason]))).toEqual([
      [1, 'bea@example.org'],
      [2, 'the line is longer than 1 MiB'],
      [3, 'carl@example.org'],
    ]);
  });
});

describe('readSubscribers: the file', () => {
  it('tells JSON Lines and TSV from the first line when the extension does not', async () => {
    expect(okRows((await readAll(readSubscribers(await fixtureInput('sniffed-jsonl')))).rows).map((r) => [r.line, r.subscriber.email])).toEqual([
      [3, 'cleo@example.org'],
      [4, 'dev@example.org'],
    ]);
    expect((await readAll(readSubscribers(await fixtureInput('sniffed-tsv')))).rows).toEqual([
      { ok: true, line: 2, subscriber: { email: 'ed@example.org', name: 'Ed Marsh', fields: {} } },
    ]);
  });

  it('refuses UTF-16 and JSON arrays with the fix', async () => {
    const utf16 = (await readAll(readSubscribers(await fixtureInput('utf16')))).error;
    expect(utf16).toMatchObject({ code: 'USAGE', problem: 'the subscriber list is UTF-16 text' });
    expect(utf16?.fix).toContain('UTF-8');
    const array = (await readAll(readSubscribers(await fixtureInput('json-array')))).error;
    expect(array).toMatchObject({ code: 'USAGE', problem: 'the subscriber list is a JSON array' });
  });

  it('reports a missing file or a folder as a usage error naming it', async () => {
    const dir = await tempDir();
    const missing = path.join(dir, 'nobody.csv');
    const gone = (await readAll(readSubscribers(missing))).error;
    expect(gone).toMatchObject({ code: 'USAGE', file: missing, exitCode: 1, problem: 'the subscriber list does not exist' });
    expect(gone?.message).toContain('check the path given to --to');
    expect((await readAll(readSubscribers(dir))).error).toMatchObject({ code: 'USAGE', problem: 'the subscriber list is a folder, not a file' });
  });

  it.each(['csv', 'jsonl'] as const)('turns a %s read failing mid-way into a usage error', async (format) => {
    const source = new Readable({ read() {} });
    source.push(format === 'csv' ? 'email\nana@example.org\n' : '{"email":"ana@example.org"}\n');
    setTimeout(() => source.destroy(Object.assign(new Error('i/o error'), { code: 'EIO' })), 20);
    const { error } = await readAll(readSubscribersFrom(source, format, 'list'));
    expect(error).toMatchObject({ code: 'USAGE', file: 'list', problem: 'the subscriber list cannot be read (EIO)' });
  });

  it('opens nothing until read, and closes the file when the reader stops early', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'list.csv');
    await writeFile(file, `email\n${Array.from({ length: 50_000 }, (_, i) => `s${i}@example.org`).join('\n')}\n`);
    // Linux shows what each descriptor is open on; elsewhere only the reading is checked.
    const linux = process.platform === 'linux';
    const isOpen = async (): Promise<boolean> => {
      const targets = await Promise.all((await readdir('/proc/self/fd')).map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
      return targets.includes(file);
    };
    const rows = readSubscribers(file);
    if (linux) expect(await isOpen()).toBe(false);
    for await (const row of rows) {
      expect(row).toMatchObject({ ok: true, line: 2 });
      if (linux) expect(await isOpen()).toBe(true);
      break;
    }
    if (linux) {
      for (let i = 0; i < 100 && (await isOpen()); i++) await new Promise((r) => setTimeout(r, 10));
      expect(await isOpen()).toBe(false);
    }
  });
});

describe('readSubscribers: streaming', () => {
  const row = (i: number): string => `reader${i}@example.org,Reader ${i},Town ${i % 97},weekly\n`;

  it('yields the first of 100,000 rows before most of them have been read, and reads them all', async () => {
    let produced = 0;
    function* source(): Generator<string> {
      yield 'email,name,town,plan\n';
      for (let i = 0; i < 100_000; i++) {
        produced++;
        yield row(i);
      }
    }
    let count = 0;
    let producedAtFirst = -1;
    for await (const r of readSubscribersFrom(Readable.from(source()), 'csv', 'generated')) {
      if (count === 0) producedAtFirst = produced;
      if (!r.ok) throw new Error(`row ${r.line}: ${r.reason}`);
      count++;
      if (count === 100_000) expect(r).toMatchObject({ line: 100_001, subscriber: { email: 'reader99999@example.org' } });
    }
    expect(count).toBe(100_000);
    // Only the stream buffers are read ahead: a reader holding the list would have taken it all first.
    expect(producedAtFirst).toBeGreaterThan(0);
    expect(producedAtFirst).toBeLessThan(5_000);
  }, 60_000);

  /**
   * Heap growth measured after a full GC every few thousand rows, so that
   * only what the reader keeps counts, not garbage awaiting collection. The
   * figure for 100,000 rows is compared with 1,000 with a 4 MB allowance: a
   * reader that held the rows, their keys or the file text (about 6 MB of
   * CSV) would go well over. Skipped where V8 will not give us `gc`.
   */
  const gc = exposeGc();
  it.skipIf(!gc)('takes no more memory for 100,000 rows from a file than for 1,000', async () => {
    const collect = gc ?? (() => {});
    const dir = await tempDir();
    const write = async (name: string, rows: number): Promise<string> => {
      const file = path.join(dir, name);
      const out = createWriteStream(file);
      out.write('email,name,town,plan\n');
      for (let i = 0; i < rows; i += 1000) {
        const block = Array.from({ length: Math.min(1000, rows - i) }, (_, j) => row(i + j)).join('');
        if (!out.write(block)) await once(out, 'drain');
      }
      out.end();
      await finished(out);
      return file;
    };
    const measure = async (file: string, every: number): Promise<{ count: number; growth: number }> => {
      collect();
      const base = process.memoryUsage().heapUsed;
      let growth = 0;
      let count = 0;
      for await (const r of readSubscribers(file)) {
        if (r.ok) count++;
        if (count % every === 0) {
          collect();
          growth = Math.max(growth, process.memoryUsage().heapUsed - base);
        }
      }
      return { count, growth };
    };
    const small = await write('small.csv', 1_000);
    const large = await write('large.csv', 100_000);
    await measure(small, 100); // warm up: compiled code and caches are not the reader's memory
    const few = await measure(small, 100);
    const many = await measure(large, 5_000);
    expect(few.count).toBe(1_000);
    expect(many.count).toBe(100_000);
    expect(many.growth).toBeLessThan(few.growth + 4 * 1024 * 1024);
  }, 120_000);
});

/** V8's `gc()`, which vitest's workers are not started with; null when it cannot be had. */
function exposeGc(): (() => void) | null {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    return typeof gc === 'function' ? () => void gc() : null;
  } catch {
    return null;
  }
}
