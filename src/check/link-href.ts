import type { Element } from 'domhandler';
import { attr, whereIs, type Rule } from './email.js';
import type { Finding, Level } from './types.js';

interface Problem {
  level: Level;
  message: string;
  fix: string;
}

const SCRIPT_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:']);

/**
 * Links go somewhere a reader can follow from an inbox: https (http with a
 * warning) or mailto. Script and data links are what phishing filters look
 * for; empty, `#` and relative links lead nowhere from an email.
 */
export const linkHref: Rule = (email) => {
  const seen = new Map<string, { problem: Problem; first: Element; count: number }>();
  for (const a of email.elements('a')) {
    const href = attr(a, 'href');
    if (href === undefined) continue; // a named anchor, not a link
    const problem = hrefProblem(href);
    if (!problem) continue;
    const key = `${problem.message}\u0000${href}`;
    const entry = seen.get(key);
    if (entry) entry.count++;
    else seen.set(key, { problem, first: a, count: 1 });
  }
  return [...seen.values()].map(({ problem, first, count }): Finding => ({
    level: problem.level,
    rule: 'link-href',
    message: problem.message,
    where: `${whereIs(email, first)}${count > 1 ? ` and ${count - 1} more` : ''}`,
    fix: problem.fix,
  }));
};

/** What is wrong with an href, as a browser would read it. */
export function hrefProblem(raw: string): Problem | undefined {
  // Browsers drop tabs and newlines anywhere in a URL and trim spaces and controls, so "java\tscript:" is javascript:.
  const href = raw.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (href === '') return { level: 'error', message: 'link with an empty href', fix: 'link to the full https:// address, or remove the link' };
  if (href.startsWith('#')) {
    return { level: 'error', message: `link to "${href}", which goes nowhere from an inbox`, fix: 'link to the full https:// address, or remove the link' };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    return { level: 'error', message: `relative link "${href}", which an inbox cannot resolve`, fix: 'use a full https:// address' };
  }
  if (SCRIPT_SCHEMES.has(`${scheme}:`)) {
    return { level: 'error', message: `${scheme}: link: mail clients strip it and spam filters flag the email`, fix: 'link to an https:// page instead' };
  }
  if (scheme === 'mailto') return undefined;
  if (scheme !== 'http' && scheme !== 'https') {
    return { level: 'error', message: `${scheme}: link: only https:, http: and mailto: links work across mail clients`, fix: 'link to an https:// page instead' };
  }
  try {
    new URL(href);
  } catch {
    return { level: 'error', message: 'link with a malformed address', fix: 'correct the address' };
  }
  if (scheme === 'http') {
    return { level: 'warning', message: 'link over plain http: browsers mark the page "not secure"', fix: 'use the https:// address if the site has one' };
  }
  return undefined;
}
