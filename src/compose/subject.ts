import Handlebars from 'handlebars';
import { GazetteError } from '../errors.js';
import { formatDate } from '../text/dates.js';
import type { DigestArticle } from '../types.js';

export interface SubjectVariables {
  name: string;
  date: string;
  isoDate: string;
  firstTitle: string;
  count: number;
  moreCount: number;
}

const engine = Handlebars.create();

export function subjectVariables(name: string, isoDate: string, lang: string, articles: readonly DigestArticle[]): SubjectVariables {
  return {
    name,
    date: formatDate(isoDate, lang),
    isoDate,
    firstTitle: articles[0]?.title ?? '',
    count: articles.length,
    moreCount: Math.max(0, articles.length - 1),
  };
}

/**
 * Fill the config's subject pattern. The result goes into a mail header, so
 * line breaks from article titles are flattened here, once.
 */
export function renderSubject(pattern: string, variables: SubjectVariables): string {
  let render: Handlebars.TemplateDelegate<SubjectVariables>;
  try {
    render = engine.compile(pattern, { noEscape: true, strict: true, knownHelpersOnly: true });
    return oneLine(render(variables));
  } catch (cause) {
    throw new GazetteError('CONFIG_INVALID', `the "subject" pattern ${JSON.stringify(pattern)} cannot be filled (${(cause as Error).message.split('\n')[0]})`, {
      fix: `use only ${Object.keys(variables).map((k) => `{{${k}}}`).join(' ')}`,
      cause,
    });
  }
}

export function oneLine(text: string): string {
  return text.replace(/[\s\u0000-\u001f\u007f\u2028\u2029]+/gu, ' ').trim();
}
