import { unsubscribeUrlOf } from '../render/view.js';
import { collapse, shorten, type Rule } from './email.js';
import { normalUrl, unsubscribeLink } from './footer.js';
import type { Finding } from './types.js';

/** URLs in plain text, without the punctuation that often follows one. */
export const TEXT_URL = /https?:\/\/[^\s<>"]+/g;

/**
 * The text part exists and carries what the HTML does: every article's
 * link, the footer's unsubscribe link and the postal address. Some readers
 * and spam filters only ever see this part.
 */
export const textPart: Rule = (email) => {
  const { text, digest, config } = email.input;
  if (text === undefined || text.trim() === '') {
    return [
      {
        level: 'error',
        rule: 'text-part',
        message: text === undefined ? 'no text part: some readers and spam filters only see the plain text' : 'the text part is empty',
        where: 'index.txt',
        fix: 'send the text part gazette renders (index.txt beside index.html)',
      },
    ];
  }
  // A URL as written and without the punctuation a sentence may put after it.
  const urls = new Set([...text.matchAll(TEXT_URL)].flatMap((m) => [normalUrl(m[0]), normalUrl(m[0].replace(/[.,;:!?)\]'"]+$/, ''))]));
  const findings: Finding[] = [];
  const missing = (digest?.articles ?? []).filter((a) => !urls.has(normalUrl(a.url)));
  if (missing.length > 0) {
    findings.push({
      level: 'error',
      rule: 'text-part',
      message: `the text part lacks the link to ${missing.length === 1 ? 'an article' : `${missing.length} articles`}: ${missing.map((a) => a.url).join(', ')}`,
      where: missing.map((a) => a.slug).join(', '),
      fix: 'keep "Read the full story:" and the article URL in the text part',
    });
  }
  const unsubscribe = unsubscribeLink(email) ?? (config && unsubscribeUrlOf(config));
  if (unsubscribe !== undefined && !urls.has(normalUrl(unsubscribe))) {
    findings.push({
      level: 'error',
      rule: 'text-part',
      message: `the text part lacks the unsubscribe link ${unsubscribe}, which bulk-sender rules require in both parts`,
      where: 'index.txt',
      fix: 'put the same unsubscribe URL as the HTML footer in the text footer',
    });
  }
  if (config && !collapse(text).includes(collapse(config.postalAddress))) {
    findings.push({
      level: 'error',
      rule: 'text-part',
      message: `the text part lacks the postal address "${shorten(config.postalAddress, 60)}", which anti-spam law requires`,
      where: 'index.txt',
      fix: 'put the postal address in the text footer',
    });
  }
  return findings;
};
