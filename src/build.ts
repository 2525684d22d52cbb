import type { Config } from './config/schema.js';
import { composeDigest } from './compose/digest.js';
import { writeFilesAtomically } from './deliver/write.js';
import { enrichArticle } from './enrich/index.js';
import { GazetteError } from './errors.js';
import { loadArticles, type LoadOptions } from './load/articles.js';
import { renderDigest } from './render/index.js';
import type { TemplateSet } from './render/templates.js';
import type { Article, Digest, RenderedDigest, Warning } from './types.js';

/**
 * The pipeline, in the one place its order is written:
 *
 *   load     articles/*.md            → Article[]        (load/)
 *   enrich   summary, quote, photo    → DigestArticle[]  (enrich/)
 *   compose  subject, preheader, date → Digest           (compose/)
 *   render   templates → MJML → HTML, and the text part  (render/)
 *   deliver  out/<date>/…                                (deliver/)
 */

/** Enrich and compose: pure, for tests and for callers with their own articles. */
export function buildDigest(articles: readonly Article[], config: Config, options: { date: string }): Digest {
  return composeDigest(
    articles.map((a) => enrichArticle(a, config)),
    config,
    options.date,
  );
}

export interface BuildOptions extends LoadOptions {
  articlesDir: string;
  outDir: string;
  date: string;
  templates?: TemplateSet;
  pretty?: boolean;
}

export interface BuildResult {
  digest: Digest;
  rendered: RenderedDigest;
  files: { path: string; bytes: number }[];
  warnings: Warning[];
}

/** The whole pipeline, from a folder of articles to the files of one issue. */
export async function buildIssue(config: Config, options: BuildOptions): Promise<BuildResult> {
  const { articles, warnings } = await loadArticles(options.articlesDir, options);
  if (articles.length === 0) {
    throw new GazetteError('NO_ARTICLES', `no articles to build in ${options.articlesDir}${options.since ? ` since ${options.since}` : ''}`, {
      fix: 'add *.md files with front matter (see the README), or widen --since',
    });
  }
  const digest = buildDigest(articles, config, { date: options.date });
  const rendered = await renderDigest(digest, config, { templates: options.templates, pretty: options.pretty });
  const contents = {
    'index.html': rendered.html,
    'index.txt': rendered.text,
    'digest.json': `${JSON.stringify(digest, null, 2)}\n`,
    'digest.mjml': rendered.mjml,
  };
  const paths = await writeFilesAtomically(options.outDir, contents);
  const files = paths.map((path, i) => ({ path, bytes: Buffer.byteLength(Object.values(contents)[i] ?? '') }));
  return { digest, rendered, files, warnings };
}
