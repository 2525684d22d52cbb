import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GazetteError, parseArticle } from '../../src/index.js';
import { articleMarkdown } from '../../src/import/markdown.js';
import { saveImported } from '../../src/import/save.js';
import type { ImportedArticle } from '../../src/import/types.js';
import { addSpecialFiles } from '../helpers/special-files.js';

const temps: string[] = [];
afterAll(async () => Promise.all(temps.map((d) => rm(d, { recursive: true, force: true }))));
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gazette-import-'));
  temps.push(dir);
  return dir;
}

const imported: ImportedArticle = {
  title: 'Ferry fares frozen: what it means for commuters',
  url: 'https://news.example.org/ferry-fares',
  date: '2026-11-30',
  author: 'Ana Lopes',
  source: 'The Harbour Herald',
  image: 'https://media.example.org/ferry.jpg',
  imageAlt: null,
  caption: 'The ferry leaves Pier 4 at dawn.',
  credit: 'Photo: Sam Ito/Tide Wire',
  body: 'The harbour board froze fares on Tuesday.\n\n"This is a good day for every family who crosses the bay to work," said Mayor Ana Ribeiro.',
};

describe('articleMarkdown', () => {
  it('writes front matter that the loader reads back exactly', () => {
    const { article } = parseArticle(articleMarkdown({ ...imported, url: imported.url ?? '', date: '2026-11-30' }), 'x.md');
    expect(article).toMatchObject({
      title: imported.title,
      url: imported.url,
      date: '2026-11-30',
      author: 'Ana Lopes',
      source: 'The Harbour Herald',
      image: imported.image,
      caption: imported.caption,
      credit: imported.credit,
    });
    expect(article.blocks).toHaveLength(2);
  });

  it('quotes values YAML would misread', () => {
    const md = articleMarkdown({ ...imported, title: 'Yes: "no" # maybe', url: 'https://x.example.org/a', date: '2026-11-30', author: '- dash' });
    expect(parseArticle(md, 'x.md').article).toMatchObject({ title: 'Yes: "no" # maybe', author: '- dash' });
  });
});

describe('saveImported', () => {
  it('writes <date>-<slug>.md', async () => {
    const dir = await tempDir();
    const result = await saveImported(imported, 'paste.txt', { dir });
    expect(result).toEqual({ path: path.join(dir, '2026-11-30-ferry-fares-frozen-what-it-means-for-commuters.md'), status: 'written' });
  });

  it('does not import the same article twice, unless forced', async () => {
    const dir = await tempDir();
    const first = await saveImported(imported, 'paste.txt', { dir });
    const again = await saveImported({ ...imported, title: 'A changed headline' }, 'paste.txt', { dir });
    expect(again).toEqual({ path: first.path, status: 'exists' });
    expect(await readdir(dir)).toHaveLength(1);
    const forced = await saveImported({ ...imported, title: 'A changed headline' }, 'paste.txt', { dir, force: true });
    expect(forced).toEqual({ path: first.path, status: 'overwritten' });
    expect(await readFile(first.path, 'utf8')).toContain('title: A changed headline');
  });

  it('takes --url and --date over the source, and fills them where it has none', async () => {
    const dir = await tempDir();
    const result = await saveImported({ ...imported, url: null, date: null }, 'paste.txt', { dir, url: 'https://news.example.org/other', date: '2026-12-01' });
    expect(path.basename(result.path)).toMatch(/^2026-12-01-/);
    expect(parseArticle(await readFile(result.path), result.path).article.url).toBe('https://news.example.org/other');
  });

  it('keeps a different article with the same file name', async () => {
    const dir = await tempDir();
    await saveImported(imported, 'a.txt', { dir });
    const other = await saveImported({ ...imported, url: 'https://news.example.org/elsewhere' }, 'b.txt', { dir });
    expect(path.basename(other.path)).toBe('2026-11-30-ferry-fares-frozen-what-it-means-for-commuters-2.md');
  });

  it.each([
    ['url', { url: null }, 'no url: pass it with --url https://'],
    ['date', { date: null }, 'no date: pass it with --date YYYY-MM-DD'],
    ['url and date', { url: null, date: null }, 'no url and no date: pass them with --url https://… and --date YYYY-MM-DD'],
  ])('exits 2 naming the missing %s and the option that supplies it, writing nothing', async (_field, change, message) => {
    const dir = await tempDir();
    const error = await saveImported({ ...imported, ...change }, 'paste.txt', { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GazetteError);
    expect(error).toMatchObject({ code: 'IMPORT_MISSING_FIELD', exitCode: 2, file: 'paste.txt' });
    expect((error as GazetteError).message).toContain(`the source has ${message}`);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses an article that would not build', async () => {
    const dir = await tempDir();
    await expect(saveImported({ ...imported, body: '' }, 'empty.html', { dir })).rejects.toMatchObject({ code: 'IMPORT_EMPTY' });
    await expect(saveImported({ ...imported, title: ' ' }, 'empty.html', { dir })).rejects.toMatchObject({ code: 'IMPORT_EMPTY' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('ignores broken files already in the folder when looking for duplicates', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'broken.md'), '---\ntitle: "unclosed\n---\n');
    expect((await saveImported(imported, 'a.txt', { dir })).status).toBe('written');
  });

  it('passes over links, folders, pipes, sockets and devices named *.md without hanging', async () => {
    const dir = await tempDir();
    const special = await addSpecialFiles(dir, articleMarkdown({ ...imported, url: imported.url ?? '', date: '2026-11-30' }));
    try {
      expect(await saveImported(imported, 'a.txt', { dir })).toEqual({ path: path.join(dir, `${special.goodLink}.md`), status: 'exists' });
      expect((await saveImported({ ...imported, url: 'https://news.example.org/other' }, 'b.txt', { dir })).status).toBe('written');
    } finally {
      await special.close();
    }
  });
});

