import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GazetteError, loadArticles } from '../../src/index.js';
import { addSpecialFiles } from '../helpers/special-files.js';

const fixtures = path.join(import.meta.dirname, '../fixtures');
const temps: string[] = [];
afterAll(async () => Promise.all(temps.map((d) => rm(d, { recursive: true, force: true }))));

async function folderWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gazette-load-'));
  temps.push(dir);
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return dir;
}

const article = (title: string, date: string, extra = ''): string =>
  `---\ntitle: ${title}\nurl: https://news.example.org/${encodeURIComponent(title)}\ndate: ${date}\n${extra}---\n\nBody of ${title}.\n`;

describe('loadArticles', () => {
  it('returns articles newest first, ties by slug', async () => {
    const dir = await folderWith({
      'b.md': article('B', '2026-11-20'),
      'a.md': article('A', '2026-11-20'),
      'c.md': article('C', '2026-11-28T09:00:00Z'),
      'notes.txt': 'not an article',
      'README.md': '# About this folder',
      '_draft-idea.md': 'not yet',
    });
    const { articles } = await loadArticles(dir);
    expect(articles.map((a) => a.slug)).toEqual(['c', 'a', 'b']);
  });

  it('filters with since and limit', async () => {
    const dir = await folderWith({ 'a.md': article('A', '2026-11-01'), 'b.md': article('B', '2026-11-15'), 'c.md': article('C', '2026-11-29') });
    expect((await loadArticles(dir, { since: '2026-11-15' })).articles.map((a) => a.slug)).toEqual(['c', 'b']);
    expect((await loadArticles(dir, { limit: 1 })).articles.map((a) => a.slug)).toEqual(['c']);
    await expect(loadArticles(dir, { since: 'last week' })).rejects.toMatchObject({ code: 'USAGE' });
    await expect(loadArticles(dir, { limit: 0 })).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('leaves drafts out', async () => {
    const dir = await folderWith({ 'a.md': article('A', '2026-11-01', 'draft: true\n'), 'b.md': article('B', '2026-11-02') });
    expect((await loadArticles(dir)).articles.map((a) => a.slug)).toEqual(['b']);
  });

  it('reports a duplicate slug naming both files', async () => {
    const error = await loadArticles(path.join(fixtures, 'bad/duplicate-slug')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GazetteError);
    expect(error).toMatchObject({ code: 'ARTICLE_DUPLICATE_SLUG', kind: 'content' });
    const dir = path.join(fixtures, 'bad/duplicate-slug');
    expect((error as GazetteError).message).toBe(
      `${dir}/harbour-fees-rise.md:5: slug "harbour-fees" is also used by ${dir}/harbour-fees-boat-owners-react.md:5: rename one of the files or give one a different "slug:" in its front matter`,
    );
  });

  it('names line 1 for a slug that comes from the file name', async () => {
    const dir = await folderWith({ 'ferry.md': article('Ferry', '2026-11-01'), 'later.md': article('Later', '2026-11-02', 'author: Ana\nslug: Ferry\n') });
    const error = (await loadArticles(dir).catch((e: unknown) => e)) as GazetteError;
    expect(error).toMatchObject({ code: 'ARTICLE_DUPLICATE_SLUG', file: path.join(dir, 'later.md'), line: 6 });
    expect(error.problem).toBe(`slug "ferry" is also used by ${path.join(dir, 'ferry.md')}:1`);
    const reversed = await folderWith({ 'a.md': article('A', '2026-11-01', 'slug: zed\n'), 'zed.md': article('Zed', '2026-11-02') });
    const other = (await loadArticles(reversed).catch((e: unknown) => e)) as GazetteError;
    expect(other).toMatchObject({ code: 'ARTICLE_DUPLICATE_SLUG', file: path.join(reversed, 'zed.md'), line: 1 });
    expect(other.problem).toBe(`slug "zed" is also used by ${path.join(reversed, 'a.md')}:5`);
  });

  it('reports links, folders, pipes, sockets and devices named *.md with the other bad articles, and reads a link to a file', async () => {
    const dir = await folderWith({ 'good.md': article('Good', '2026-11-01'), 'bad-date.md': article('Bad', 'next Tuesday') });
    const special = await addSpecialFiles(dir, article('Linked', '2026-11-02'));
    try {
      const error = (await loadArticles(dir).catch((e: unknown) => e)) as GazetteError;
      expect(error.code).toBe('ARTICLES_INVALID');
      expect(error.exitCode).toBe(2);
      const codes = Object.fromEntries(error.errors.map((e) => [path.basename(e.file ?? ''), e.code]));
      expect(codes).toEqual({ ...special.expected, 'bad-date.md': 'ARTICLE_BAD_DATE' });
      await rm(path.join(dir, 'bad-date.md'));
      for (const name of Object.keys(special.expected)) await rm(path.join(dir, name), { recursive: true, force: true });
      expect((await loadArticles(dir)).articles.map((a) => a.slug).sort()).toEqual(['good', special.goodLink]);
    } finally {
      await special.close();
    }
  });

  it('refuses an article over the size limit, with the others', async () => {
    const dir = await folderWith({ 'small.md': article('Small', '2026-11-01'), 'huge.md': article('Huge', '2026-11-02') + 'Word '.repeat(500) });
    const error = (await loadArticles(dir, { maxArticleBytes: 1024 }).catch((e: unknown) => e)) as GazetteError;
    expect(error).toMatchObject({ code: 'ARTICLE_TOO_LARGE', kind: 'content', file: path.join(dir, 'huge.md') });
    expect((await loadArticles(dir, { maxArticleBytes: 4096 })).articles).toHaveLength(2);
  });

  it('reports every bad article at once', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gazette-bad-'));
    temps.push(dir);
    await cp(path.join(fixtures, 'bad'), dir, { recursive: true });
    const error = (await loadArticles(dir).catch((e: unknown) => e)) as GazetteError;
    expect(error.code).toBe('ARTICLES_INVALID');
    expect(error.exitCode).toBe(2);
    const codes = Object.fromEntries(error.errors.map((e) => [path.basename(e.file ?? ''), e.code]));
    expect(codes).toEqual({
      'bad-date.md': 'ARTICLE_BAD_DATE',
      'bad-url.md': 'ARTICLE_BAD_URL',
      'empty-body.md': 'ARTICLE_EMPTY_BODY',
      'impossible-date.md': 'ARTICLE_BAD_DATE',
      'invalid-yaml.md': 'ARTICLE_YAML',
      'javascript-url.md': 'ARTICLE_BAD_URL',
      'latin1.md': 'ARTICLE_ENCODING',
      'missing-date.md': 'ARTICLE_MISSING_FIELD',
      'missing-title.md': 'ARTICLE_MISSING_FIELD',
      'missing-url.md': 'ARTICLE_MISSING_FIELD',
      'no-front-matter.md': 'ARTICLE_NO_FRONT_MATTER',
    });
    for (const e of error.errors) expect(error.message).toContain(e.message);
  });

  it('reports a missing folder as a usage error', async () => {
    await expect(loadArticles(path.join(fixtures, 'no-such-folder'))).rejects.toMatchObject({ code: 'ARTICLES_DIR_MISSING', kind: 'usage' });
  });
});
