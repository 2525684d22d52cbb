import { escapeHtml, page } from '../archive/layout.js';
import type { Config } from '../config/schema.js';

/*
 * The unsubscribe pages and the error pages. Short, in the archive's frame,
 * and never holding the whole address: only its masked form (see maskAddress).
 */

/** GET unsubscribe?t=…: what will happen, and a button that POSTs (to this same address, token and all). */
export function confirmPage(config: Config, masked: string): string {
  return page(config, {
    title: `Unsubscribe from ${config.name}`,
    body: `<div class="card">
<h1>Unsubscribe from ${escapeHtml(config.name)}?</h1>
<p>${escapeHtml(masked)} will get no more issues.</p>
<form method="post">
<input type="hidden" name="confirm" value="page">
<button type="submit">Unsubscribe</button>
</form>
<p class="meta" style="margin-top:20px">Changed your mind? Close this page: nothing changes until you press the button.</p>
</div>`,
  });
}

/** After a POST, the first time or again. */
export function unsubscribedPage(config: Config, masked: string, already: boolean): string {
  return page(config, {
    title: `Unsubscribed from ${config.name}`,
    body: `<div class="card">
<h1>You are unsubscribed</h1>
<p>${escapeHtml(masked)} ${already ? 'was already unsubscribed from' : 'will get no more issues of'} ${escapeHtml(config.name)}.</p>
<p class="meta">Unsubscribed by mistake? Write to <a href="mailto:${escapeHtml(config.from.address)}">${escapeHtml(config.from.address)}</a>.</p>
</div>`,
  });
}

/** GET on an address that is already on the suppression list: nothing to confirm. */
export function alreadyPage(config: Config, masked: string): string {
  return unsubscribedPage(config, masked, true);
}

/** A token that is missing, cut short or not ours (400). */
export function badLinkPage(config: Config, problem: string): string {
  return page(config, {
    title: 'This unsubscribe link does not work',
    body: `<div class="card">
<h1>This unsubscribe link does not work</h1>
<p>${escapeHtml(problem)}</p>
<p>Use the Unsubscribe link at the bottom of any issue of ${escapeHtml(config.name)}, or write to
<a href="mailto:${escapeHtml(config.from.address)}">${escapeHtml(config.from.address)}</a> and we will take you off the list.</p>
</div>`,
  });
}

/** Anything else that goes wrong, as a page: 404, 405, 413, 500. */
export function problemPage(config: Config, heading: string, detail: string, archiveHref: string): string {
  return page(config, {
    title: heading,
    body: `<div class="card">
<h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(detail)}</p>
<p class="meta"><a href="${escapeHtml(archiveHref)}">All issues of ${escapeHtml(config.name)}</a></p>
</div>`,
  });
}

/**
 * "r•••1@example.org": enough for its owner to recognise, not enough for
 * someone looking over their shoulder (or at a screenshot) to copy.
 */
export function maskAddress(email: string): string {
  const at = email.lastIndexOf('@');
  const local = at < 0 ? email : email.slice(0, at);
  const domain = at < 0 ? '' : email.slice(at);
  const chars = [...local];
  const shown = chars.length <= 2 ? `${chars[0] ?? ''}•••` : `${chars[0] ?? ''}•••${chars[chars.length - 1] ?? ''}`;
  return `${shown}${domain}`;
}
