import { Parser } from 'htmlparser2';
import type { Config } from '../config/schema.js';
import { formatDate } from '../text/dates.js';
import { escapeHtml, page } from './layout.js';
import type { ArchivedIssue } from './types.js';

/*
 * The archive's pages, the same bytes whether `gazette serve` answers with
 * them or `gazette archive` writes them to disk. Their links are relative
 * (`3/`, `../`, `../feed.xml`), so they work under any path and on any host.
 */

/** archive/: every issue, newest first, with its number, date, subject and preheader. */
export function archiveIndexPage(config: Config, issues: readonly ArchivedIssue[]): string {
  const items = issues.map(
    (issue) => `<li>
<a class="subject" href="${issue.number}/">${escapeHtml(issue.subject)}</a>
<span class="meta">No. ${issue.number} · <time datetime="${escapeHtml(issue.date)}">${escapeHtml(formatDate(issue.date, config.lang))}</time></span>
${issue.preheader ? `<p class="preheader">${escapeHtml(issue.preheader)}</p>\n` : ''}</li>`,
  );
  const list =
    items.length > 0 ? `<ol class="issues" reversed>\n${items.join('\n')}\n</ol>` : '<p>No issues yet: the first one appears here once it has been sent.</p>';
  return page(config, {
    title: `${config.name}: all issues`,
    head: `<link rel="alternate" type="application/rss+xml" title="${escapeHtml(config.name)}" href="../feed.xml">\n`,
    body: `<h1>${escapeHtml(config.name)}</h1>
<p class="meta">Every issue so far, newest first · <a href="../feed.xml">RSS feed</a></p>
${list}`,
  });
}

/**
 * archive/<n>/: the issue's HTML as archived, with a one-line banner at the
 * top of its body linking back to the list. The email is otherwise left
 * exactly as it is, so the page looks like the email.
 */
export function archiveIssuePage(config: Config, issue: ArchivedIssue): string {
  const banner =
    `<div style="font:14px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;background:#f4f4f5;color:#59636e;` +
    `padding:10px 16px;text-align:center;border-bottom:1px solid #d8dee4">` +
    `<a href="../" style="color:${config.brandColor}">← All issues of ${escapeHtml(config.name)}</a>` +
    ` · No. ${issue.number}, <time datetime="${escapeHtml(issue.date)}">${escapeHtml(formatDate(issue.date, config.lang))}</time>` +
    ` · <a href="../../feed.xml" style="color:${config.brandColor}">RSS</a></div>`;
  const at = bodyContentStart(issue.html);
  return at === undefined ? `${banner}\n${issue.html}` : `${issue.html.slice(0, at)}${banner}${issue.html.slice(at)}`;
}

/** The offset just after the <body …> start tag, found by a real HTML tokenizer (attributes may hold ">"). */
function bodyContentStart(html: string): number | undefined {
  let at: number | undefined;
  const parser = new Parser({
    onopentag(name) {
      if (name === 'body' && at === undefined) {
        at = parser.endIndex + 1;
        parser.pause();
      }
    },
  });
  parser.write(html);
  return at;
}
