import type { Config } from '../config/schema.js';
import { listIdOf } from '../send/message.js';
import { escapeHtml } from './layout.js';
import type { ArchivedIssue } from './types.js';
import { archiveUrl, feedUrl, issueUrl } from './urls.js';

/**
 * feed.xml: RSS 2.0 with an item per issue, newest first. Its bytes depend
 * only on the issues and the config (the build date is the newest issue's),
 * so serve and the static archive give the same file.
 *
 * Written here rather than with a feed library because the encoding of the
 * text elements is the point: the RSS Best Practices Profile says titles are
 * plain text, and readers disagree on whether to render them as HTML, so a
 * subject such as "<script>" must reach every reader as those characters.
 * The form that works in the most aggregators is hexadecimal character
 * references for "&", "<" and ">" and no CDATA; libraries wrap item titles in
 * CDATA, which the readers that render HTML take as markup.
 */
export function archiveFeed(config: Config, issues: readonly ArchivedIssue[]): string {
  const newest = issues[0];
  const image = config.logoUrl
    ? block('image', [element('title', plain(config.name)), element('url', plain(config.logoUrl)), element('link', plain(archiveUrl(config)))])
    : [];
  const channel = block('channel', [
    element('title', plain(config.name)),
    element('link', plain(archiveUrl(config))),
    element('description', plain(`Every issue of ${config.name}`)),
    element('lastBuildDate', (newest ? publishedAt(newest) : new Date(0)).toUTCString()),
    element('docs', 'https://www.rssboard.org/rss-specification'),
    element('generator', 'gazette'),
    element('language', plain(config.lang)),
    ...image,
    `<atom:link href="${plain(feedUrl(config))}" rel="self" type="application/rss+xml"/>`,
    ...issues.flatMap((issue) => block('item', item(config, issue))),
  ]);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">',
    ...indented(channel),
    '</rss>',
    '',
  ].join('\n');
}

function item(config: Config, issue: ArchivedIssue): string[] {
  return [
    element('title', plain(issue.subject)),
    element('link', plain(issueUrl(config, issue.number))),
    // Not the address, which moves if publicUrl does: the list and the number never change.
    `<guid isPermaLink="false">${plain(`urn:gazette:${listIdOf(config)}:issue:${issue.number}`)}</guid>`,
    element('pubDate', publishedAt(issue).toUTCString()),
    // The description is HTML by the spec: the preheader is text, so it is escaped as HTML first.
    element('description', cdata(escapeHtml(issue.preheader))),
    element('content:encoded', cdata(articleList(issue))),
  ];
}

/** When it went out: the end of its send, else the morning of its date (UTC). */
function publishedAt(issue: ArchivedIssue): Date {
  const sent = issue.sentAt === null ? Number.NaN : Date.parse(issue.sentAt);
  return new Date(Number.isNaN(sent) ? `${issue.date}T00:00:00Z` : sent);
}

function articleList(issue: ArchivedIssue): string {
  const items = issue.articles.map((a) => `<li><a href="${escapeHtml(a.url)}">${escapeHtml(a.title)}</a></li>`);
  return `<ul>${items.join('')}</ul>`;
}

function element(name: string, content: string): string {
  return `<${name}>${content}</${name}>`;
}

/** An element whose children are lines of their own, indented one step. */
function block(name: string, children: readonly string[]): string[] {
  return [`<${name}>`, ...indented(children), `</${name}>`];
}

function indented(lines: readonly string[]): string[] {
  return lines.map((line) => `    ${line}`);
}

/** Plain text as the profile asks: "&", "<" and ">" as hexadecimal references. */
function plain(text: string): string {
  return xmlChars(text).replace(/[&<>"]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}

/** HTML for the description and content: a CDATA section, split where the text holds its end marker. */
function cdata(html: string): string {
  return `<![CDATA[${xmlChars(html).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** Only the characters XML allows: no C0 controls but tab and newlines, no lone surrogates, no U+FFFE/FFFF. */
function xmlChars(text: string): string {
  return text.replace(NOT_XML, '');
}

const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
