import { attr, whereIs, type Rule } from './email.js';
import type { Finding } from './types.js';

/**
 * Every image loads from an absolute https address: a relative path has
 * nothing to resolve against in an inbox, and clients block or warn about
 * plain http and `data:` images.
 */
export const imgSrc: Rule = (email) => {
  const findings: Finding[] = [];
  for (const img of email.elements('img')) {
    const problem = srcProblem(attr(img, 'src'));
    if (problem) {
      findings.push({
        level: 'error',
        rule: 'img-src',
        message: `image ${problem}`,
        where: whereIs(email, img),
        fix: 'use a full https:// address (set imageBaseUrl in the config for images given as relative paths)',
      });
    }
  }
  return findings;
};

function srcProblem(src: string | undefined): string | undefined {
  const value = src?.trim();
  if (!value) return 'without a src';
  if (/^data:/i.test(value)) return 'embedded as a data: URL, which Gmail and Outlook do not show';
  if (value.startsWith('//')) return 'with a protocol-relative address, which has no protocol to borrow in an inbox';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `with a relative address "${value}", which an inbox cannot resolve`;
  }
  if (url.protocol === 'http:') return 'loaded over plain http, which clients block or flag as insecure';
  if (url.protocol !== 'https:') return `with a ${url.protocol} address`;
  return undefined;
}
