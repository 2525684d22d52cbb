import type { Config } from '../config/schema.js';
import type { Digest, DigestArticle } from '../types.js';
import { byline, quoteMarks } from './view.js';
import { formatDate } from '../text/dates.js';
import { TEXT_WIDTH, columns, wrap } from './wrap.js';

const RULE = '-'.repeat(TEXT_WIDTH);
const DOUBLE_RULE = '='.repeat(TEXT_WIDTH);

/**
 * The plain-text part, laid out for reading in a text mail client rather
 * than converted from the HTML: contents first, then each story with its
 * headline, summary, quote, photo caption and link, then the footer. Lines
 * stay within 78 columns except URLs, which are never broken.
 */
export function renderText(
  digest: Digest,
  config: Config,
  { greeting, unsubscribeUrl, archiveUrl = null }: { greeting: string; unsubscribeUrl: string; archiveUrl?: string | null },
): string {
  const marks = quoteMarks(config.lang);
  // The archive link comes first, as the HTML's does: a reader whose client shows the text part is the one who wants it.
  const browser = archiveUrl === null ? '' : `View in your browser: ${archiveUrl}\n\n`;
  const parts = [
    `${browser}${header(digest, config)}\n\n${greeting}\n\n${contents(digest.articles)}`,
    ...digest.articles.map((a, i) => story(a, i + 1, marks)),
    footer(digest, config, unsubscribeUrl),
  ];
  return `${parts.join(`\n\n${RULE}\n\n`)}\n`;
}

function header(digest: Digest, config: Config): string {
  return [DOUBLE_RULE, wrap(digest.title), formatDate(digest.date, config.lang), DOUBLE_RULE].join('\n');
}

function contents(articles: readonly DigestArticle[]): string {
  const width = String(articles.length).length;
  const lines = articles.map((a, i) => {
    const number = `${String(i + 1).padStart(width)}. `;
    return wrap(a.title, { firstIndent: number, indent: ' '.repeat(columns(number)) });
  });
  return ['In this issue:', '', ...lines].join('\n');
}

function story(article: DigestArticle, n: number, [open, close]: [string, string]): string {
  const number = `${n}. `;
  const title = wrap(article.title, { firstIndent: number, indent: ' '.repeat(columns(number)) });
  const longest = Math.max(...title.split('\n').map(columns));
  const lines = [title, '='.repeat(Math.min(longest, TEXT_WIDTH))];
  const by = byline(article);
  if (by) lines.push(wrap(by));
  lines.push('', wrap(article.summary.join(' ')));
  if (article.pullQuote) {
    const quote = article.pullQuote.excerpt ? article.pullQuote.text : `${open}${article.pullQuote.text}${close}`;
    lines.push('', wrap(quote, { indent: '    ', firstIndent: '    ' }));
    if (article.pullQuote.speaker) lines.push(wrap(`— ${article.pullQuote.speaker}`, { indent: '      ', firstIndent: '    ' }));
  }
  const photo = article.photo;
  if (photo && (photo.caption || photo.credit)) {
    const credit = photo.credit && !/^\p{L}[\p{L} ]*:/u.test(photo.credit) && photo.caption ? `(${photo.credit})` : photo.credit;
    lines.push('', wrap(['Pictured:', photo.caption, credit].filter(Boolean).join(' ')));
  }
  lines.push('', 'Read the full story:', article.url);
  return lines.join('\n');
}

function footer(digest: Digest, config: Config, unsubscribeUrl: string): string {
  return [
    wrap(`You are receiving this email because you subscribed to ${digest.title} (${config.siteUrl}).`),
    '',
    'Unsubscribe:',
    unsubscribeUrl,
    '',
    wrap(config.postalAddress),
  ].join('\n');
}
