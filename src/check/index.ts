import type { RenderOptions } from '../render/index.js';
import { measureArticleCosts } from './article-costs.js';
import { compat } from './compat.js';
import { parseEmail, type Rule } from './email.js';
import { footer } from './footer.js';
import { imgAlt } from './img-alt.js';
import { imgSrc } from './img-src.js';
import { lang } from './lang.js';
import { linkHref } from './link-href.js';
import { outlook } from './outlook.js';
import { preheader } from './preheader.js';
import { SIZE_WARNING, size } from './size.js';
import { subject } from './subject.js';
import { tableRole } from './table-role.js';
import { textPart } from './text-part.js';
import { textWidth } from './text-width.js';
import { title } from './title.js';
import { width } from './width.js';
import type { CheckInput, CheckReport, Finding } from './types.js';

export type { ArticleCost, CheckInput, CheckReport, Finding, Level } from './types.js';
export { ALLOWED, type AllowEntry } from './allow.js';
export { measureArticleCosts } from './article-costs.js';
export { findingsFromError } from './render-errors.js';
export { checkOnline, type OnlineOptions } from './online.js';

/**
 * The rules, in the order they run and report:
 *
 *   size        HTML against Gmail's clipping (80 KB warning, 100 KB error)
 *   lang        <html lang> set, not "und"; dir="rtl" when the config says so
 *   title       <title> present
 *   subject     not empty, at most 78 characters
 *   preheader   hidden and first in the body; 40–130 characters
 *   width       a max-width:600px container
 *   table-role  layout tables role="presentation"
 *   outlook     Outlook conditional comments kept
 *   img-alt     every image has alt text ("" only for spacers)
 *   img-src     every image from an absolute https address
 *   link-href   links https (http warned) or mailto; no script, data, empty, # or relative
 *   footer      an unsubscribe link, and the postal address
 *   text-part   the text part exists, with every article link, the unsubscribe link and the address
 *   text-width  text lines within 78 columns, URLs excepted
 *   compat      client support from caniemail, less the reviewed allow-list
 */
const RULES: readonly Rule[] = [size, lang, title, subject, preheader, width, tableRole, outlook, imgAlt, imgSrc, linkHref, footer, textPart, textWidth, compat];

/**
 * Check a rendered email offline. Pure. `allow` adds compatibility features
 * the user has reviewed (the config's check.allow, which is also read from
 * `input.config`).
 */
export function checkEmail(input: CheckInput, options: { allow?: readonly string[] } = {}): CheckReport {
  const allow = [...new Set([...(options.allow ?? []), ...(input.config?.check.allow ?? [])])];
  const email = parseEmail(input, allow);
  return reportOf(
    RULES.flatMap((rule) => rule(email)),
    Buffer.byteLength(input.html),
  );
}

/**
 * `checkEmail`, after measuring what each article costs when the HTML is
 * over the size warning and the digest and config are known, so the size
 * finding can name the costliest articles.
 */
export async function checkIssue(input: CheckInput, options: { allow?: readonly string[]; render?: RenderOptions } = {}): Promise<CheckReport> {
  const measured =
    input.digest && input.config && !input.articleCosts && Buffer.byteLength(input.html) > SIZE_WARNING
      ? { ...input, articleCosts: await measureArticleCosts(input.digest, input.config, options.render) }
      : input;
  return checkEmail(measured, options);
}

/** A report of findings: counted, for an HTML part of `htmlBytes` (0 when it did not render). */
export function reportOf(findings: Finding[], htmlBytes: number): CheckReport {
  return {
    findings,
    errors: findings.filter((f) => f.level === 'error').length,
    warnings: findings.filter((f) => f.level === 'warning').length,
    htmlBytes,
  };
}
