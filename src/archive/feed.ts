import { Feed } from 'feed';
import type { Config } from '../config/schema.js';
import { listIdOf } from '../send/message.js';
import { escapeHtml } from './layout.js';
import type { ArchivedIssue } from './types.js';
import { archiveUrl, feedUrl, issueUrl } from './urls.js';

/**
 * feed.xml: RSS 2.0 with an item per issue, newest first. Its bytes depend
 * only on the issues and the config (the build date is the newest issue's),
 * so serve and the static archive give the same file.
 */
export function archiveFeed(config: Config, issues: readonly ArchivedIssue[]): string {
  const newest = issues[0];
  const feed = new Feed({
    title: xmlSafe(config.name),
    description: xmlSafe(`Every issue of ${config.name}`),
    id: archiveUrl(config),
    link: archiveUrl(config),
    language: config.lang,
    feedLinks: { rss: feedUrl(config) },
    updated: newest ? publishedAt(newest) : new Date(0),
    generator: 'gazette',
    ...(config.logoUrl ? { image: config.logoUrl } : {}),
  });
  for (const issue of issues) {
    feed.addItem({
      title: xmlSafe(issue.subject),
      link: issueUrl(config, issue.number),
      // Not the address, which moves if publicUrl does: the list and the number never change.
      guid: `urn:gazette:${listIdOf(config)}:issue:${issue.number}`,
      date: publishedAt(issue),
      // Readers take an item's description as HTML: the preheader is text.
      description: escapeHtml(xmlSafe(issue.preheader)),
      content: articleList(issue),
    });
  }
  return feed.rss2();
}

/** When it went out: the end of its send, else the morning of its date (UTC). */
function publishedAt(issue: ArchivedIssue): Date {
  const sent = issue.sentAt === null ? Number.NaN : Date.parse(issue.sentAt);
  return new Date(Number.isNaN(sent) ? `${issue.date}T00:00:00Z` : sent);
}

function articleList(issue: ArchivedIssue): string {
  const items = issue.articles.map((a) => `<li><a href="${escapeHtml(a.url)}">${escapeHtml(xmlSafe(a.title))}</a></li>`);
  return `<ul>${items.join('')}</ul>`;
}

/**
 * Text that can go into the feed's CDATA sections: no characters XML forbids,
 * and no "]]>", which would end the section early.
 */
function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/]]>/g, ']] >');
}
