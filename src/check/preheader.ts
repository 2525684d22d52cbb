import { columns } from '../render/wrap.js';
import { collapse, firstText, shorten, type Rule } from './email.js';
import type { Finding } from './types.js';

/** Inboxes show 40 to 130 characters of preview after the subject. */
export const PREHEADER_MIN = 40;
export const PREHEADER_MAX = 130;

/**
 * The preheader: hidden text that comes first in the body, so the inbox
 * preview shows it rather than whatever the layout starts with, and of a
 * length the preview has room for.
 */
export const preheader: Rule = ({ body, input }) => {
  const first = body ? firstText(body) : undefined;
  const expected = input.digest ? collapse(input.digest.preheader) : undefined;
  const findings: Finding[] = [];
  if (!first?.hiddenBy) {
    findings.push({
      level: 'warning',
      rule: 'preheader',
      message: `no hidden preheader before the first text of the body, so the inbox preview shows ${first ? `"${shorten(first.text, 50)}"` : 'nothing useful'}`,
      where: '<body>',
      fix: 'put <mj-preview>{{preheader}}</mj-preview> in <mj-head> of your template',
    });
  } else if (expected !== undefined && first.text !== expected) {
    findings.push({
      level: 'warning',
      rule: 'preheader',
      message: `the hidden text first in the body is "${shorten(first.text, 60)}", not the digest's preheader`,
      where: '<body>',
      fix: 'keep <mj-preview>{{preheader}}</mj-preview> the only hidden text before the content',
    });
  }
  const text = expected ?? (first?.hiddenBy ? first.text : undefined);
  if (text !== undefined) {
    const length = columns(text);
    if (length < PREHEADER_MIN || length > PREHEADER_MAX) {
      findings.push({
        level: 'warning',
        rule: 'preheader',
        message: `the preheader is ${length} characters; inboxes show ${PREHEADER_MIN} to ${PREHEADER_MAX}${length < PREHEADER_MIN ? ', and fill the rest with the start of the email' : ', and cut the rest'}`,
        where: `"${shorten(text, 60)}"`,
        fix: length < PREHEADER_MIN ? 'add to the issue (more articles), or write a longer preheader in your template' : 'shorten it in your template',
      });
    }
  }
  return findings;
};
