import type { Config } from './config/schema.js';
import { composeDigest } from './compose/digest.js';
import { writeIssue } from './deliver/write.js';
import { enrichArticle } from './enrich/index.js';
import { GazetteError } from './errors.js';
import { loadArticles, type LoadOptions } from './load/articles.js';
import { renderDigestTemplate } from './render/index.js';
import { genericValues, personalise, type PersonalTemplate } from './render/personal.js';
import { unsubscribeUrlOf } from './render/view.js';
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

export interface RenderArticlesOptions {
  date: string;
  templates?: TemplateSet;
  pretty?: boolean;
  /** Passed to renderDigest: the footer's unsubscribe link. */
  unsubscribeUrl?: string;
  /** The issue's number in the series: with the config's `publicUrl`, the email links to its archive page. */
  number?: number;
}

export interface RenderIssueOptions extends LoadOptions, RenderArticlesOptions {
  articlesDir: string;
}

export interface RenderedIssue {
  /** The articles the issue is made of, as loaded. */
  articles: Article[];
  digest: Digest;
  /** As a reader who is nobody in particular sees it: what `build` writes. */
  rendered: RenderedDigest;
  /** The same, with holes for each subscriber's greeting, unsubscribe link and columns. */
  template: PersonalTemplate;
  warnings: Warning[];
}

/** Load, enrich, compose and render, all in memory: what `build`, `preview` and `check` share. */
export async function renderIssue(config: Config, options: RenderIssueOptions): Promise<RenderedIssue> {
  const { articles, warnings } = await loadArticles(options.articlesDir, { ...options, maxArticleBytes: options.maxArticleBytes ?? config.limits.articleBytes });
  if (articles.length === 0) {
    throw new GazetteError('NO_ARTICLES', `no articles to build in ${options.articlesDir}${options.since ? ` since ${options.since}` : ''}`, {
      fix: 'add *.md files with front matter (see the README), or widen --since',
    });
  }
  return { ...(await renderArticles(articles, config, options)), warnings };
}

/** Enrich, compose and render articles already loaded (the send's selection of what is new). */
export async function renderArticles(articles: readonly Article[], config: Config, options: RenderArticlesOptions): Promise<Omit<RenderedIssue, 'warnings'>> {
  const digest = buildDigest(articles, config, { date: options.date });
  const template = await renderDigestTemplate(digest, config, { templates: options.templates, pretty: options.pretty, number: options.number });
  const rendered = personalise(template, genericValues(config, options.unsubscribeUrl ?? unsubscribeUrlOf(config)));
  return { articles: [...articles], digest, rendered, template };
}

export interface BuildOptions extends RenderIssueOptions {
  outDir: string;
}

export interface BuildResult extends RenderedIssue {
  files: { path: string; bytes: number }[];
}

/** The whole pipeline, from a folder of articles to the files of one issue. */
export async function buildIssue(config: Config, options: BuildOptions): Promise<BuildResult> {
  const issue = await renderIssue(config, options);
  const contents = {
    'index.html': issue.rendered.html,
    'index.txt': issue.rendered.text,
    'digest.json': `${JSON.stringify(issue.digest, null, 2)}\n`,
    'digest.mjml': issue.rendered.mjml,
  };
  const paths = await writeIssue(options.outDir, contents);
  const files = paths.map((path, i) => ({ path, bytes: Buffer.byteLength(Object.values(contents)[i] ?? '') }));
  return { ...issue, files };
}
