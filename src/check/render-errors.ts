import { GazetteError, type ErrorCode } from '../errors.js';
import type { Finding } from './types.js';

/**
 * A render that failed on content (an invalid template, MJML that does not
 * validate, a bad article) as error findings, one per problem, so `check`
 * reports it in the same table or JSON as everything else. Anything else
 * (usage, configuration, a bug) is not a finding: undefined.
 */
export function findingsFromError(error: unknown): Finding[] | undefined {
  if (!(error instanceof GazetteError) || error.kind !== 'content') return undefined;
  // A partial renders once per article, so one template mistake can fail many times over: report it once, counted.
  const seen = new Map<string, { finding: Finding; count: number }>();
  for (const e of error.errors.length > 0 ? error.errors : [error]) {
    const finding: Finding = {
      level: 'error',
      rule: ruleOf(e.code),
      message: e.problem,
      where: e.file === undefined ? undefined : e.line === undefined ? e.file : `${e.file}:${e.line}`,
      fix: e.fix,
    };
    const key = `${finding.rule}\u0000${finding.message}\u0000${finding.where ?? ''}`;
    const entry = seen.get(key);
    if (entry) entry.count++;
    else seen.set(key, { finding, count: 1 });
  }
  return [...seen.values()].map(({ finding, count }) => (count === 1 ? finding : { ...finding, message: `${finding.message} (${count} times)` }));
}

function ruleOf(code: ErrorCode): string {
  if (code === 'MJML_INVALID') return 'mjml';
  if (code === 'TEMPLATE_ERROR') return 'template';
  if (code === 'NO_ARTICLES' || code.startsWith('ARTICLE')) return 'articles';
  return 'render';
}
