import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fixtures, minimalConfig } from './cli.js';

/** The public address of the test project: the archive links and the unsubscribe page live under it. */
export const PUBLIC_URL = 'https://tide.example.org/newsletter/';

/** A project folder with the fixture articles and a config with a publicUrl (and `extra`, e.g. a schedule). */
export async function makeSeriesProject(dir: string, extra: Record<string, unknown> = {}): Promise<void> {
  const config = { ...minimalConfig, publicUrl: PUBLIC_URL, send: { rate: 10_000, concurrency: 3, confirmAbove: 10 }, ...extra };
  await writeFile(path.join(dir, 'gazette.config.json'), JSON.stringify(config, null, 2));
  await cp(path.join(fixtures, 'digest/articles'), path.join(dir, 'articles'), { recursive: true });
}

/** A small article of our own, `articles/<slug>.md`. */
export async function writeArticle(dir: string, slug: string, options: { title?: string; date?: string; body?: string } = {}): Promise<string> {
  const file = path.join(dir, 'articles', `${slug}.md`);
  const title = options.title ?? `The ${slug.replace(/-/g, ' ')} story`;
  const body =
    options.body ??
    `The harbour master said on Monday that the ${slug.replace(/-/g, ' ')} work would finish before the spring tides. "We are on schedule and on budget for once," she said.`;
  await writeFile(file, `---\ntitle: ${title}\nurl: https://news.example.org/2026/12/${slug}\ndate: ${options.date ?? '2026-12-01'}\n---\n\n${body}\n`);
  return file;
}
