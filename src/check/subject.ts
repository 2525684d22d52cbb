import { visibleText, type Rule } from './email.js';
import { columns } from '../render/wrap.js';

/** Inboxes cut subjects at 40 to 80 characters, and RFC 5322 advises header lines of at most 78. */
export const SUBJECT_MAX = 78;

/** The subject: the digest's, or else the HTML's <title>, which gazette sets to it. */
export const subject: Rule = (email) => {
  const fromDigest = email.input.digest?.subject;
  const titleElement = email.elements('title')[0];
  const value = (fromDigest ?? (titleElement ? visibleText(titleElement) : '')).trim();
  const where = fromDigest === undefined ? '<title>' : 'digest subject';
  if (value === '') {
    return [{ level: 'error', rule: 'subject', message: 'the subject is empty', where, fix: 'set "subject" in the config, e.g. "{{name}}: {{firstTitle}}"' }];
  }
  const length = columns(value);
  if (length <= SUBJECT_MAX) return [];
  return [
    {
      level: 'warning',
      rule: 'subject',
      message: `the subject is ${length} characters; inboxes cut it after about ${SUBJECT_MAX}: "${value}"`,
      where,
      fix: 'shorten the first headline, or the "subject" pattern in the config',
    },
  ];
};
