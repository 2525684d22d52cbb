import { unsubscribeUrlOf } from '../render/view.js';
import { attr, collapse, visibleText, type Email, type Rule } from './email.js';
import type { Finding } from './types.js';

const UNSUBSCRIBE = /unsubscribe|opt[ -]?out|abmelden|d[ée]sabonner|darse de baja|cancelar/i;

/**
 * The HTML footer has what bulk-sender rules and anti-spam law require: a
 * visible unsubscribe link, and the postal address when the config names it.
 */
export const footer: Rule = (email) => {
  const findings: Finding[] = [];
  if (unsubscribeLink(email) === undefined) {
    findings.push({
      level: 'error',
      rule: 'footer',
      message: 'the HTML has no unsubscribe link: Gmail and Yahoo require one from bulk senders, and the law (CAN-SPAM, PECR) too',
      where: '<body>',
      fix: 'keep <a href="{{unsubscribeUrl}}">{{labels.unsubscribe}}</a> in the footer partial',
    });
  }
  const address = email.input.config?.postalAddress;
  if (address !== undefined && email.body && !visibleText(email.body).includes(collapse(address))) {
    findings.push({
      level: 'error',
      rule: 'footer',
      message: 'the HTML does not show the postal address, which anti-spam law (CAN-SPAM) requires in every email',
      where: `"${address}"`,
      fix: 'keep {{postalAddress}} in the footer partial',
    });
  }
  return findings;
};

/**
 * The footer's unsubscribe link: the config's address when the HTML links to
 * it, else the last link that says "unsubscribe" (in its text or address).
 */
export function unsubscribeLink(email: Email): string | undefined {
  const links = email.elements('a').flatMap((a) => {
    const href = attr(a, 'href')?.trim();
    return href ? [{ href, text: visibleText(a) }] : [];
  });
  const configured = email.input.config && unsubscribeUrlOf(email.input.config);
  if (configured && links.some((l) => sameUrl(l.href, configured))) return configured;
  return links.filter((l) => UNSUBSCRIBE.test(l.text) || UNSUBSCRIBE.test(l.href)).at(-1)?.href;
}

/** Equal as addresses ("https://x.org" and "https://x.org/" are). */
export function sameUrl(a: string, b: string): boolean {
  return normalUrl(a) === normalUrl(b);
}

export function normalUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}
