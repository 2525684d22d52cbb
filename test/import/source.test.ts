import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GazetteError } from '../../src/errors.js';
import { readSource } from '../../src/import/source.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'gazette-source-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>): Promise<GazetteError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GazetteError);
  return error as GazetteError;
}

describe('readSource', () => {
  it('names the source and the fix in every error of the importers', async () => {
    const index = path.join(dir, 'index-page.html');
    await writeFile(index, '<html><head><title>Front page</title></head><body><nav><a href="/">Home</a></nav></body></html>');
    const untitled = path.join(dir, 'untitled.html');
    await writeFile(untitled, `<html><body><div>${'<p>The harbour board met on Tuesday to talk about the winter fares again.</p>'.repeat(4)}</div></body></html>`);
    for (const [file, problem] of [
      [index, 'no story text was found on the page'],
      [untitled, 'the page has no headline'],
    ] as const) {
      const error = await failure(readSource(file));
      expect(error).toMatchObject({ file, exitCode: 2 });
      expect(error.message).toMatch(new RegExp(`^${file.replace(/[.\\/]/g, '\\$&')}: ${problem}.*: check that`));
    }
  });

  it('reads a UTF-16 paste with its byte-order mark as the text it is', async () => {
    const file = path.join(dir, 'notepad.txt');
    await writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(paste, 'utf16le')]));
    const article = await readSource(file);
    expect(article.title).toBe('Ferry fares frozen for the winter');
    expect(article.body).toContain('“We will not let families pay more');
  });

  it('refuses a file that is not text, naming it, whatever its name says', async () => {
    const file = path.join(dir, 'photo.txt');
    await writeFile(file, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]));
    const error = await failure(readSource(file));
    expect(error).toMatchObject({ code: 'IMPORT_NOT_TEXT', file, exitCode: 2 });
    expect(error.message).toContain(`${file}: it is a JPEG image`);
    const binary = path.join(dir, 'data.html');
    await writeFile(binary, Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31 + 7) % 256)));
    expect((await failure(readSource(binary))).code).toBe('IMPORT_NOT_TEXT');
  });

  it('stops reading a file source at the size limit, even one that reports no size', async () => {
    const error = await failure(readSource('/dev/zero'));
    expect(error).toMatchObject({ code: 'IMPORT_TOO_LARGE', file: '/dev/zero', exitCode: 2 });
  });

  it('reads - from standard input as a paste, and names it "standard input" in errors', async () => {
    const stdin = Readable.from([Buffer.from(paste.slice(0, 40)), Buffer.from(paste.slice(40))]);
    const article = await readSource('-', { stdin });
    expect(article.title).toBe('Ferry fares frozen for the winter');
    const error = await failure(readSource('-', { stdin: Readable.from([Buffer.from('%PDF-1.7\n')]) }));
    expect(error.file).toBe('standard input');
  });
});

const paste = `Ferry fares frozen for the winter

The harbour board voted on Tuesday to freeze ferry fares for the winter, the chair said in a statement.

“We will not let families pay more to cross the bay this year, not while I chair this board,” said Ana Ribeiro.
`;
