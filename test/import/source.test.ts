import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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
});
