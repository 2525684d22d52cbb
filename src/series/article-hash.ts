import { createHash } from 'node:crypto';
import type { IssueArticle } from '../send/ledger.js';
import type { Article } from '../types.js';

/**
 * What tells an edited article from the one that was sent: a SHA-256 of its
 * parsed fields and body, not of the file's bytes. So re-saving a file with
 * other line endings, reordering or commenting its front matter, or renaming
 * a file whose front matter names its slug is not an edit; changing a word of
 * the title, the body, the url, the date or the photo is. (The bytes would
 * count all of the former as edits, and `--include-updated` would send those
 * articles again for nothing.) The file name and the line numbers, which say
 * where the article is rather than what it says, are left out.
 */
export function articleHash(article: Article): string {
  const { file: _file, blocks, ...fields } = article;
  const body = blocks.map(({ line: _line, ...block }) => block);
  return createHash('sha256')
    .update(JSON.stringify({ ...fields, blocks: body }))
    .digest('hex');
}

/** The articles of an issue as the ledger records them, in the digest's order. */
export function issueArticlesOf(articles: readonly Article[], order: readonly { slug: string }[]): IssueArticle[] {
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  return order.flatMap(({ slug }) => {
    const article = bySlug.get(slug);
    return article ? [{ slug, contentHash: articleHash(article), url: article.url, title: article.title }] : [];
  });
}
