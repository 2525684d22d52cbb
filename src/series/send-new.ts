import { sendIssue, type SendIssueOptions, type SendReport } from '../send/index.js';
import { planNewIssue, type IssuePlan, type PlanOptions } from './plan.js';

export type SendNewOptions = Omit<SendIssueOptions, 'issue' | 'number' | 'articles' | 'resume'> & Omit<PlanOptions, 'statePath' | 'date'>;

export interface SendNewResult {
  plan: IssuePlan;
  /** Null when there was nothing new, and so nothing sent. */
  report: SendReport | null;
}

/**
 * `send --new-only` as a library call, what each tick of `gazette schedule`
 * does: plan the issue (planNewIssue) and, unless there is nothing new, send
 * it through the ledger.
 */
export async function sendNewIssue(options: SendNewOptions): Promise<SendNewResult> {
  const plan = await planNewIssue(options.config, {
    articlesDir: options.articlesDir,
    date: options.date,
    statePath: options.statePath,
    templates: options.templates,
    includeUpdated: options.includeUpdated,
  });
  if (plan.kind === 'nothing') return { plan, report: null };
  const report = await sendIssue({
    ...options,
    issue: { digest: plan.rendered.digest, template: plan.rendered.template },
    number: plan.number,
    articles: plan.articles,
  });
  return { plan, report };
}
