import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GazetteError } from '../../src/errors.js';
import { importEach, type SourceOutcome } from '../../src/import/each.js';
import type { ImportedArticle } from '../../src/import/types.js';

const temps: string[] = [];
afterAll(async () => Promise.all(temps.map((d) => rm(d, { recursive: true, force: true }))));

const story = (n: number): ImportedArticle => ({
  title: `Harbour story number ${n}`,
  url: `https://news.example.org/harbour-${n}`,
  date: '2026-11-30',
  author: null,
  source: null,
  image: null,
  imageAlt: null,
  caption: null,
  credit: null,
  body: 'The harbour board froze fares on Tuesday after a long meeting with the ferry operators.',
});

describe('importEach', () => {
  it('reports every failure with its source and goes on with the next, whatever was thrown', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gazette-each-'));
    temps.push(dir);
    const read = async (source: string): Promise<ImportedArticle> => {
      if (source === 'bug.html') throw new RangeError('Maximum call stack size exceeded');
      if (source === 'bad.html') throw new GazetteError('IMPORT_EMPTY', 'no story text was found on the page', { file: source });
      return story(Number(source.replace(/\D/g, '')));
    };
    const outcomes: SourceOutcome[] = [];
    for await (const outcome of importEach(['bug.html', 'one1.html', 'bad.html', 'two2.html'], { dir, read })) outcomes.push(outcome);
    expect(outcomes.map((o) => [o.source, 'error' in o ? (o.error as Error).name : o.saved.status])).toEqual([
      ['bug.html', 'RangeError'],
      ['one1.html', 'written'],
      ['bad.html', 'GazetteError'],
      ['two2.html', 'written'],
    ]);
    expect(await readdir(dir)).toHaveLength(2);
  });
});
