import { existsSync } from 'node:fs';
import { renderArticles, type RenderedIssue } from '../build.js';
import type { Config } from '../config/schema.js';
import { GazetteError } from '../errors.js';
import { loadArticles } from '../load/articles.js';
import type { TemplateSet } from '../render/templates.js';
import { Ledger, type Inclusion, type IssueArticle } from '../send/ledger.js';
import { listIdOf } from '../send/message.js';
import type { Article, Warning } from '../types.js';
import { issueArticlesOf } from './article-hash.js';
import { recorded, selectArticles } from './select.js';

/**
 * The issue `send --new-only` would send today, worked out before anything is
 * sent: read the folder, ask the ledger what the series has had, choose the
 * articles (select.ts), and render them with the issue's number (for its
 * archive link). Reads the ledger but never writes it; with no ledger yet,
 * this is issue 1 of everything.
 */

export interface PlanOptions {
  articlesDir: string;
  date: string;
  statePath: string;
  templates?: TemplateSet;
  /** Also send articles edited since an earlier issue had them. */
  includeUpdated?: boolean;
}

interface PlanBase {
  issueKey: string;
  /** The newest other issue of the list, for "nothing new since issue 12 (2026-11-23)". */
  latest: { number: number; date: string } | null;
  /** Articles an earlier issue had, edited since (not sent again without includeUpdated). */
  edited: Article[];
  warnings: Warning[];
}

export type IssuePlan =
  | (PlanBase & { kind: 'nothing' })
  | (PlanBase & {
      kind: 'new' | 'continue';
      number: number;
      rendered: Omit<RenderedIssue, 'warnings'>;
      /** What the ledger records of the articles, in the digest's order. */
      articles: IssueArticle[];
      /** New articles: all of them for a new issue; for a continued one, those written since it was created, left for the next. */
      fresh: Article[];
    });

export async function planNewIssue(config: Config, options: PlanOptions): Promise<IssuePlan> {
  const listId = listIdOf(config);
  const issueKey = `${listId}/${options.date}`;
  const { articles, warnings } = await loadArticles(options.articlesDir, { maxArticleBytes: config.limits.articleBytes });
  const series = readSeries(options.statePath, listId, issueKey);
  const selection = selectArticles({ articles, existing: series.existing, inclusions: series.inclusions, includeUpdated: options.includeUpdated === true });
  const base: PlanBase = { issueKey, latest: series.latest, edited: selection.kind === 'continue' ? [] : selection.edited, warnings };
  if (selection.kind === 'nothing') return { ...base, kind: 'nothing' };
  const number = series.existing?.number ?? series.nextNumber;
  const rendered = await renderArticles(selection.articles, config, { date: options.date, templates: options.templates, number });
  return {
    ...base,
    kind: selection.kind,
    number,
    rendered,
    articles: issueArticlesOf(selection.articles, rendered.digest.articles),
    fresh: selection.kind === 'continue' ? selection.waiting : selection.fresh,
  };
}

/**
 * The issue a plain `send` sends: every article of the folder, except that
 * once anyone has been sent the day's issue, a rerun keeps to the articles
 * it was made with (so that `--resume` finishes a `--new-only` issue as it
 * began, and an article written since waits for the next issue).
 */
export async function planFullIssue(config: Config, options: Omit<PlanOptions, 'includeUpdated'>): Promise<IssuePlan & { kind: 'new' | 'continue' }> {
  const listId = listIdOf(config);
  const issueKey = `${listId}/${options.date}`;
  const { articles, warnings } = await loadArticles(options.articlesDir, { maxArticleBytes: config.limits.articleBytes });
  if (articles.length === 0) {
    throw new GazetteError('NO_ARTICLES', `no articles to send in ${options.articlesDir}`, { fix: 'add *.md files with front matter (see the README)' });
  }
  const series = readSeries(options.statePath, listId, issueKey);
  const keep = series.existing?.started === true && series.existing.articles.length > 0 ? series.existing : undefined;
  const chosen = keep ? recorded(articles, keep) : articles;
  const number = series.existing?.number ?? series.nextNumber;
  const rendered = await renderArticles(chosen, config, { date: options.date, templates: options.templates, number });
  return {
    issueKey,
    latest: series.latest,
    edited: [],
    warnings,
    kind: keep ? 'continue' : 'new',
    number,
    rendered,
    articles: issueArticlesOf(chosen, rendered.digest.articles),
    fresh: keep ? articles.filter((a) => !keep.articles.some((r) => r.slug === a.slug)) : [],
  };
}

interface SeriesSoFar {
  /** The day's issue; `started` once anyone has been sent it (or a send failed for them). */
  existing: { number: number; date: string; articles: IssueArticle[]; started: boolean } | undefined;
  inclusions: Map<string, Inclusion>;
  latest: { number: number; date: string } | null;
  nextNumber: number;
}

function readSeries(statePath: string, listId: string, issueKey: string): SeriesSoFar {
  if (!existsSync(statePath)) return { existing: undefined, inclusions: new Map(), latest: null, nextNumber: 1 };
  const ledger = Ledger.open(statePath);
  try {
    const record = ledger.issue(issueKey);
    const latest = ledger.latestIssue(listId, issueKey);
    return {
      existing: record && { number: record.number, date: record.date, articles: ledger.issueArticles(issueKey), started: hasStarted(ledger.counts(issueKey)) },
      inclusions: ledger.inclusions(listId, issueKey),
      latest: latest ? { number: latest.number, date: latest.date } : null,
      nextNumber: ledger.nextNumber(listId),
    };
  } finally {
    ledger.close();
  }
}

function hasStarted(counts: Record<'queued' | 'sending' | 'sent' | 'failed', number>): boolean {
  return counts.sent + counts.failed + counts.sending > 0;
}

/** What the plan means, in a line or two, before the send's own report. */
export function describePlan(plan: IssuePlan): string[] {
  const since = plan.latest ? ` since issue ${plan.latest.number} (${plan.latest.date})` : '';
  const edited =
    plan.edited.length === 0
      ? []
      : [
          `note: ${count(plan.edited.length, 'article')} edited since an earlier issue had ${plan.edited.length === 1 ? 'it' : 'them'} (${slugs(plan.edited)}): ${
            plan.kind === 'nothing' || !plan.edited.every((e) => plan.articles.some((a) => a.slug === e.slug)) ? 'not sent again without --include-updated' : 'sent again (--include-updated)'
          }`,
        ];
  if (plan.kind === 'nothing') return [`Nothing new${since}: no email sent.`, ...edited];
  const what = `Issue ${plan.number} (${plan.rendered.digest.date}): ${count(plan.articles.length, 'article')}, ${slugs(plan.articles)}`;
  if (plan.kind === 'continue') {
    const lines = [`${what}: the day's issue again, with the articles it was made with.`];
    if (plan.fresh.length > 0)
      lines.push(`note: ${count(plan.fresh.length, 'article')} written since (${slugs(plan.fresh)}) will go in the next issue, not this one.`);
    return lines;
  }
  const resent = plan.articles.length - plan.fresh.length;
  if (!since) return [`${what}.`, ...edited];
  return [resent === 0 ? `${what}, new${since}.` : `${what}: ${plan.fresh.length} new and ${resent} edited${since}.`, ...edited];
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function slugs(list: readonly { slug: string }[]): string {
  const shown = list.slice(0, 5).map((a) => a.slug);
  return `${shown.join(', ')}${list.length > shown.length ? `, … ${list.length - shown.length} more` : ''}`;
}
