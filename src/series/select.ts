import { GazetteError } from '../errors.js';
import type { Inclusion, IssueArticle } from '../send/ledger.js';
import type { Article } from '../types.js';
import { articleHash } from './article-hash.js';

/**
 * Which articles `send --new-only` puts in an issue:
 *
 *   continue  the day's issue exists: the articles it was created with, and
 *             no others, so a rerun finishes the same message (articles
 *             written since wait for the next issue)
 *   new       the articles no earlier issue of the list included (by slug),
 *             plus, with `includeUpdated`, those edited since they went out
 *   nothing   none of those
 */
export type Selection =
  | { kind: 'continue'; articles: Article[]; waiting: Article[] }
  | { kind: 'new'; articles: Article[]; fresh: Article[]; edited: Article[] }
  | { kind: 'nothing'; edited: Article[] };

export interface SelectInput {
  /** Every article of the folder, in digest order. */
  articles: readonly Article[];
  /** The articles of the day's issue, when it exists. */
  existing: { number: number; date: string; articles: readonly IssueArticle[] } | undefined;
  /** Where each slug last went out (issues other than the day's). */
  inclusions: ReadonlyMap<string, Inclusion>;
  includeUpdated: boolean;
}

export function selectArticles({ articles, existing, inclusions, includeUpdated }: SelectInput): Selection {
  const isNew = (a: Article): boolean => !inclusions.has(a.slug);
  const isEdited = (a: Article): boolean => {
    const sent = inclusions.get(a.slug);
    return sent !== undefined && sent.contentHash !== articleHash(a);
  };
  if (existing) return { kind: 'continue', articles: recorded(articles, existing), waiting: articles.filter((a) => isNew(a) && !existing.articles.some((r) => r.slug === a.slug)) };
  const fresh = articles.filter(isNew);
  const edited = articles.filter(isEdited);
  const chosen = articles.filter((a) => isNew(a) || (includeUpdated && isEdited(a)));
  if (chosen.length === 0) return { kind: 'nothing', edited };
  return { kind: 'new', articles: chosen, fresh, edited };
}

/** The issue's own articles, as they are now (an edit shows as changed content, which the send refuses once anyone has it). */
export function recorded(articles: readonly Article[], existing: NonNullable<SelectInput['existing']>): Article[] {
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const issue = `issue ${existing.number} (${existing.date})`;
  if (existing.articles.length === 0) {
    throw new GazetteError('SEND_CONTENT_CHANGED', `${issue} was made before gazette recorded the articles of an issue, so --new-only cannot tell what it holds`, {
      fix: `finish it without --new-only: gazette send --date ${existing.date} …`,
    });
  }
  const missing = existing.articles.filter((r) => !bySlug.has(r.slug));
  if (missing.length > 0) {
    throw new GazetteError('SEND_CONTENT_CHANGED', `${issue} was made with ${missing.map((m) => `"${m.slug}"`).join(', ')}, no longer among the articles`, {
      fix: 'put the article back (or take its draft: true out) to finish the issue',
    });
  }
  return existing.articles.map((r) => bySlug.get(r.slug)).filter((a): a is Article => a !== undefined);
}
