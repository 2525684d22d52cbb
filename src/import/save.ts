import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_ARTICLE_BYTES } from '../config/limits.js';
import { GazetteError } from '../errors.js';
import { writeFileAtomically } from '../files/write-file.js';
import { isHttpUrl } from '../load/front-matter.js';
import { parseArticle } from '../load/article.js';
import { parseDate } from '../load/date.js';
import { readArticleFile } from '../load/read.js';
import { slugify } from '../load/slug.js';
import { articleMarkdown, type CompleteArticle } from './markdown.js';
import type { ImportedArticle } from './types.js';

export interface SaveOptions {
  /** The folder articles are written to. */
  dir: string;
  /** Given on the command line: they win over what the source says. */
  url?: string;
  date?: string;
  /** Overwrite an earlier import of the same article. */
  force?: boolean;
}

export interface SaveResult {
  path: string;
  status: 'written' | 'overwritten' | 'exists';
}

/**
 * Complete an imported article with --url/--date, check that `gazette build`
 * will take it, and write it as `<date>-<slug>.md`. An article already in the
 * folder (same url) is not written twice unless `force`. The file appears
 * whole or not at all.
 */
export async function saveImported(imported: ImportedArticle, source: string, options: SaveOptions): Promise<SaveResult> {
  const article = complete(imported, source, options);
  const markdown = articleMarkdown(article);
  try {
    parseArticle(markdown, source);
  } catch (cause) {
    if (!(cause instanceof GazetteError)) throw cause;
    throw new GazetteError('IMPORT_EMPTY', `the imported article would not build (${cause.problem})`, {
      file: source,
      fix: 'check that the source holds the story itself, not a list or index page',
      cause,
    });
  }
  const earlier = await findByUrl(options.dir, article.url);
  if (earlier && !options.force) return { path: earlier, status: 'exists' };
  const target = earlier ?? (await freeName(options.dir, fileName(article), options.force === true));
  const existed = earlier !== undefined || (await exists(target));
  await writeFileAtomically(target, markdown, { what: 'the article', elsewhere: 'pass another --to' });
  return { path: target, status: existed ? 'overwritten' : 'written' };
}

function complete(article: ImportedArticle, source: string, options: SaveOptions): CompleteArticle {
  const url = options.url ?? article.url;
  const date = options.date ?? article.date;
  if (!article.title.trim()) {
    throw new GazetteError('IMPORT_EMPTY', 'no headline found', { file: source, fix: 'check that the source is a news article (a paste starts with its headline)' });
  }
  const absent = [url ? null : 'url', date ? null : 'date'].filter((f): f is string => f !== null);
  if (absent.length > 0) {
    throw new GazetteError('IMPORT_MISSING_FIELD', `the source has no ${absent.join(' and no ')}`, {
      file: source,
      fix: `pass ${absent.length > 1 ? 'them' : 'it'} with ${absent.map((f) => (f === 'url' ? '--url https://…' : '--date YYYY-MM-DD')).join(' and ')}`,
    });
  }
  if (!url || !isHttpUrl(url)) {
    throw new GazetteError('IMPORT_MISSING_FIELD', `the url "${url}" is not an http(s) address`, { file: source, fix: 'pass the story\'s address with --url https://…' });
  }
  if (!date || !parseDate(date)) {
    throw new GazetteError('IMPORT_MISSING_FIELD', `the date "${date}" is not a date`, { file: source, fix: 'pass the publication date with --date YYYY-MM-DD' });
  }
  return { ...article, url, date };
}

/** `2026-11-30-ferry-fares-frozen.md`, the slug cut at a word to stay readable. */
export function fileName(article: CompleteArticle): string {
  let slug = slugify(article.title);
  if (slug.length > 60) slug = slug.slice(0, 61).replace(/-[^-]*$/, '');
  return `${article.date.slice(0, 10)}-${slug}.md`;
}

async function freeName(dir: string, name: string, force: boolean): Promise<string> {
  const base = name.replace(/\.md$/, '');
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, n === 1 ? name : `${base}-${n}.md`);
    if (force || !(await exists(candidate))) return candidate;
  }
}

/** The article in `dir` that has this url in its front matter, if any. */
async function findByUrl(dir: string, url: string): Promise<string | undefined> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.(md|markdown)$/i.test(n)).sort();
  } catch {
    return undefined;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    // Read as build reads, so a pipe or a device named *.md cannot hang or flood the import; what build refuses is build's to report.
    const bytes = await readArticleFile(file, DEFAULT_ARTICLE_BYTES).catch(() => undefined);
    const front = bytes && /^\ufeff?---\r?\n([\s\S]*?)\r?\n---/.exec(bytes.toString('utf8'))?.[1];
    if (front === undefined) continue;
    try {
      const value: unknown = parse(front);
      if (typeof value === 'object' && value !== null && sameUrl((value as Record<string, unknown>).url, url)) return file;
    } catch {
      // a broken article is `build`'s to report, not import's
    }
  }
  return undefined;
}

function sameUrl(a: unknown, b: string): boolean {
  if (typeof a !== 'string') return false;
  const norm = (u: string): string => u.trim().replace(/#.*$/, '').replace(/\/+$/, '');
  return norm(a) === norm(b);
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
