import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_ARTICLE_BYTES } from '../config/limits.js';
import { GazetteError } from '../errors.js';
import type { Article, Warning } from '../types.js';
import { parseArticle } from './article.js';
import { parseDate } from './date.js';
import { readArticleFile } from './read.js';

export interface LoadOptions {
  /** Only articles published on or after this date (YYYY-MM-DD). */
  since?: string;
  /** At most this many articles, the newest. */
  limit?: number;
  /** A larger file is refused (the config's `limits.articleBytes`; 2 MB by default). */
  maxArticleBytes?: number;
}

export interface LoadResult {
  /** Newest first; ties broken by slug so the order never depends on the file system. */
  articles: Article[];
  warnings: Warning[];
}

const ARTICLE_FILE = /\.(md|markdown)$/i;

/**
 * Read every article in a folder. All files are checked before anything is
 * returned, and every bad one is reported at once, so one run shows the whole
 * list of fixes.
 */
export async function loadArticles(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const since = options.since === undefined ? undefined : parseDate(options.since);
  if (options.since !== undefined && !since) {
    throw new GazetteError('USAGE', `--since is ${JSON.stringify(options.since)}`, { fix: 'use YYYY-MM-DD' });
  }
  if (options.limit !== undefined && (!Number.isInteger(options.limit) || options.limit < 1)) {
    throw new GazetteError('USAGE', `--limit is ${options.limit}`, { fix: 'use a whole number of 1 or more' });
  }
  const names = await listArticleFiles(dir);
  const articles: Article[] = [];
  const warnings: Warning[] = [];
  const errors: GazetteError[] = [];
  const bySlug = new Map<string, { file: string; line: number }>();
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const parsed = parseArticle(await readArticleFile(file, options.maxArticleBytes ?? DEFAULT_ARTICLE_BYTES), file);
      warnings.push(...parsed.warnings);
      const other = bySlug.get(parsed.article.slug);
      if (other !== undefined) {
        throw new GazetteError('ARTICLE_DUPLICATE_SLUG', `slug "${parsed.article.slug}" is also used by ${other.file}:${other.line}`, {
          file,
          line: parsed.slugLine,
          fix: 'rename one of the files or give one a different "slug:" in its front matter',
        });
      }
      bySlug.set(parsed.article.slug, { file, line: parsed.slugLine });
      if (!parsed.draft) articles.push(parsed.article);
    } catch (error) {
      if (!(error instanceof GazetteError)) throw error;
      errors.push(error);
    }
  }
  const first = errors[0];
  if (errors.length === 1 && first) throw first;
  if (errors.length > 1) {
    throw new GazetteError('ARTICLES_INVALID', `${errors.length} articles in ${dir} need fixing:`, { errors });
  }
  const selected = articles
    .filter((a) => !since || a.date >= since.date)
    .sort((a, b) => b.timestamp - a.timestamp || a.slug.localeCompare(b.slug, 'en'));
  return { articles: options.limit === undefined ? selected : selected.slice(0, options.limit), warnings };
}

async function listArticleFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (cause) {
    throw new GazetteError('ARTICLES_DIR_MISSING', `cannot read the articles folder ${dir} (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, {
      fix: 'pass the folder that holds your *.md articles with --articles DIR',
      cause,
    });
  }
  return names
    .filter((name) => ARTICLE_FILE.test(name) && !name.startsWith('.') && !name.startsWith('_') && !/^readme\./i.test(name))
    .sort();
}
