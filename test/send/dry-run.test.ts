import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dryRun, fileNameOf } from '../../src/send/dry-run.js';
import type { IssueContent } from '../../src/send/index.js';
import { readSubscribers } from '../../src/send/subscribers.js';
import { testConfig } from '../helpers/config.js';
import { contentsOf } from '../helpers/contents.js';
import { DATE, people, renderFixture, rowsOf, scratchDir, SECRET } from '../helpers/send.js';

const config = testConfig();
let issue: IssueContent;
let scratch: Awaited<ReturnType<typeof scratchDir>>;

beforeAll(async () => {
  issue = await renderFixture(config);
  scratch = await scratchDir('gazette-dry-');
});
afterAll(async () => scratch.remove());

async function scratchDbs(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((name) => name.startsWith(`gazette-dry-run-${process.pid}-`));
}

describe('dryRun', { timeout: 30_000 }, () => {
  it('writes one .eml per subscriber in list order, byte-identical between runs, dropping duplicates', async () => {
    const csv = await scratch.file(
      'list.csv',
      [
        'email,name',
        'ana.lopes@example.org,Ana Lopes',
        'bad address,Nobody',
        'ben+news@Example.org,Ben',
        'ANA.LOPES@example.org,Ana Again',
        'cleo@example.org,',
      ].join('\n'),
    );
    const dir = path.join(scratch.dir, 'out');
    const first = await dryRun({ config, issue, date: DATE, subscribers: readSubscribers(csv), dir, secret: SECRET });
    expect(first).toMatchObject({ dir, written: 3, skipped: { invalid: { count: 1 }, duplicates: { count: 1 } } });
    const names = (await readdir(dir)).sort();
    expect(names).toEqual(['0001-ana_lopes_at_example.org.eml', '0002-ben_news_at_example.org.eml', '0003-cleo_at_example.org.eml']);
    const bytes = await Promise.all(names.map((n) => readFile(path.join(dir, n))));

    const second = await dryRun({ config, issue, date: DATE, subscribers: readSubscribers(csv), dir, secret: SECRET });
    expect(second.written).toBe(3);
    expect((await readdir(dir)).sort()).toEqual(names);
    for (const [i, name] of names.entries()) expect(Buffer.compare(await readFile(path.join(dir, name)), bytes[i] ?? Buffer.alloc(0)), name).toBe(0);

    const mail = await simpleParser(bytes[0] ?? Buffer.alloc(0));
    expect(mail.date?.toISOString()).toBe(`${DATE}T00:00:00.000Z`);
    expect(mail.text).toContain('Hi Ana,');
    expect(await scratchDbs()).toEqual([]);
  });

  it('replaces the files of a longer earlier dry run', async () => {
    const dir = path.join(scratch.dir, 'shrink');
    await dryRun({ config, issue, date: DATE, subscribers: rowsOf(people(5)), dir, secret: SECRET });
    await dryRun({ config, issue, date: DATE, subscribers: rowsOf(people(2)), dir, secret: SECRET });
    expect(await readdir(dir)).toHaveLength(2);
  });

  it('refuses a folder holding other files (exit 3) and changes nothing', async () => {
    const dir = path.join(scratch.dir, 'mixed');
    await dryRun({ config, issue, date: DATE, subscribers: rowsOf(people(2)), dir, secret: SECRET });
    await writeFile(path.join(dir, 'list.csv'), 'email\n');
    const failed = dryRun({ config, issue, date: DATE, subscribers: rowsOf(people(3)), dir, secret: SECRET });
    await expect(failed).rejects.toMatchObject({ code: 'OUTPUT_NOT_OURS', exitCode: 3, problem: `${dir} holds a file gazette did not write (list.csv)` });
    expect((await readdir(dir)).sort()).toEqual(['0001-reader001_at_example.org.eml', '0002-reader002_at_example.org.eml', 'list.csv']);
  });

  it('leaves the earlier dry run whole when it cannot be replaced', async () => {
    const dir = path.join(scratch.dir, 'kept');
    await dryRun({ config, issue, date: DATE, subscribers: rowsOf(people(3)), dir, secret: SECRET });
    // A folder with a message's name: deleting the earlier files one by one, the first two would already be gone.
    await rm(path.join(dir, '0003-reader003_at_example.org.eml'));
    await mkdir(path.join(dir, '0003-reader003_at_example.org.eml', 'inside'), { recursive: true });
    const before = await contentsOf(dir);
    await expect(dryRun({ config, issue, date: DATE, subscribers: rowsOf(people(5)), dir, secret: SECRET })).rejects.toMatchObject({ exitCode: 3 });
    expect(await contentsOf(dir)).toEqual(before);
    expect((await readdir(scratch.dir)).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('streams into a sink instead of a folder', async () => {
    const seen: string[] = [];
    const report = await dryRun({
      config,
      issue,
      date: DATE,
      subscribers: rowsOf(people(12)),
      sink: (name, raw) => void seen.push(`${name}:${raw.length > 1000}`),
      secret: SECRET,
    });
    expect(report).toMatchObject({ dir: null, written: 12 });
    expect(seen[0]).toBe('0001-reader001_at_example.org.eml:true');
    expect(seen).toHaveLength(12);
  });

  it('names files after the address, safely', () => {
    expect(fileNameOf('Ana.Lopes@Example.org')).toBe('ana_lopes_at_example.org');
    expect(fileNameOf("o'brien+x@mail.example.co.uk")).toBe('o_brien_x_at_mail.example.co.uk');
    expect(fileNameOf('"a/b"@example.org')).toBe('_a_b__at_example.org');
  });
});
