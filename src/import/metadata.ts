import { cleanByline, visibleByline } from './byline.js';
import { normaliseDate } from './date.js';
import { all, normaliseSpaces, textOf, type DomDocument, type DomElement } from './dom.js';
import { AWAY_FROM_STORY, insideFurniture } from './furniture.js';
import { readJsonLd } from './json-ld.js';
import { cleanTitle } from './title.js';
import type { ImportedArticle } from './types.js';
import { absoluteUrl, baseUrl } from './urls.js';

/** What a page says about its article, each field from the best source that has it; null when none does. */
export interface PageMetadata extends Omit<ImportedArticle, 'title' | 'caption' | 'credit' | 'body'> {
  title: string | null;
  /** A caption and credit for the lead image given in the metadata itself (JSON-LD ImageObject). */
  imageCaption: string | null;
  imageCredit: string | null;
  /** The address relative links on the page resolve against, if any is known. */
  base: string | null;
}

/**
 * Read a page's metadata, preferring in turn: JSON-LD (the article node),
 * OpenGraph and `article:*` meta tags (and their Twitter, Dublin Core and
 * CMS cousins), `<link rel=canonical>`, and what the page shows (the byline,
 * `<time datetime>`, a printed date, the <title> and <h1>). `options.url` is
 * where the page was fetched from: it resolves relative addresses and is the
 * url of last resort.
 */
export function readMetadata(doc: DomDocument, options: { url?: string } = {}): PageMetadata {
  const ld = readJsonLd(doc);
  const meta = metaTags(doc);
  const fetchedFrom = absoluteUrl(options.url, null);

  const urlCandidates = [ld?.url, meta.get('og:url'), doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'), meta.get('twitter:url')];
  const selfUrls = urlCandidates.map((u) => withoutFragment(absoluteUrl(u, fetchedFrom))).filter((u): u is string => u !== null);
  const url = selfUrls.find((u) => new URL(u).pathname.length > 1) ?? selfUrls[0] ?? fetchedFrom;
  const base = baseUrl(doc, fetchedFrom, url);

  // An organisation credited as author is the outlet itself: the source of last resort, never the byline.
  const siteName = first(ld?.publisher, meta.get('og:site_name'), meta.get('application-name'), meta.get('al:android:app_name'), ld?.authorOrganizations[0]);
  const headings = all(doc, 'h1, [itemprop="headline"]').map(textOf);
  let title: string | null = null;
  let titleSite: string | null = null;
  if (ld?.headline) ({ title, siteName: titleSite } = cleanTitle(ld.headline, { siteName, headings, guess: false }));
  const pageTitle = first(meta.get('og:title'), meta.get('twitter:title'), meta.get('dc.title'), textOf(all(doc, 'title').find((t) => !t.closest('svg'))));
  if (!title && pageTitle) ({ title, siteName: titleSite } = cleanTitle(pageTitle, { siteName, headings, guess: true }));
  title ??= headings.find(Boolean) ?? null;

  const imageUrl = absoluteUrl(
    first(ld?.image, meta.get('og:image:secure_url'), meta.get('og:image'), meta.get('og:image:url'), meta.get('twitter:image'), meta.get('twitter:image:src'), doc.querySelector('link[rel="image_src"]')?.getAttribute('href')),
    base,
  );
  const image = imageUrl && !isSiteImage(imageUrl) ? imageUrl : null;

  return {
    title: title || null,
    url,
    date: publishedDate(doc, ld?.datePublished ?? null, meta),
    author: pageAuthor(doc, ld?.authors ?? [], meta, [siteName, titleSite, ld?.publisher, ...(ld?.authorOrganizations ?? [])]),
    source: siteName ?? titleSite,
    image,
    imageAlt: image ? first(meta.get('og:image:alt'), meta.get('twitter:image:alt')) : null,
    imageCaption: ld?.image && image === absoluteUrl(ld.image, base) ? ld.imageCaption : null,
    imageCredit: ld?.image && image === absoluteUrl(ld.image, base) ? ld.imageCredit : null,
    base,
  };
}

/** All <meta> tags by lower-cased property, name or itemprop; the first value wins. */
function metaTags(doc: DomDocument): Map<string, string> {
  const tags = new Map<string, string>();
  for (const el of all(doc, 'meta')) {
    const content = normaliseSpaces(el.getAttribute('content') ?? '');
    if (!content) continue;
    for (const key of ['property', 'name', 'itemprop']) {
      const name = el.getAttribute(key)?.trim().toLowerCase();
      if (name && !tags.has(name)) tags.set(name, content);
    }
  }
  return tags;
}

const DATE_META = ['article:published_time', 'og:article:published_time', 'og:published_time', 'article:published', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'published_time', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created', 'date', 'sailthru.date', 'parsely-pub-date', 'citation_publication_date'];

function publishedDate(doc: DomDocument, fromJsonLd: string | null, meta: Map<string, string>): string | null {
  const fromMeta = [fromJsonLd, ...DATE_META.map((k) => meta.get(k))].map(normaliseDate).find(Boolean);
  if (fromMeta) return fromMeta;
  const times = all(doc, 'time, [itemprop="datePublished"]').filter((el) => !insideFurniture(el, AWAY_FROM_STORY) && !isModified(el));
  const ranked = [...times.filter((el) => el.getAttribute('itemprop') === 'datePublished' || el.hasAttribute('pubdate') || /publish/i.test(el.className)), ...times];
  for (const el of ranked) {
    const date = normaliseDate(el.getAttribute('datetime') ?? el.getAttribute('content')) ?? normaliseDate(textOf(el));
    if (date) return date;
  }
  const printed = all(doc, '[class*="date"], [class*="published"], [class*="byline"], [class*="meta"], [class*="Date"]').filter(
    (el) => !insideFurniture(el, AWAY_FROM_STORY) && !isModified(el) && textOf(el).length <= 120,
  );
  for (const el of printed) {
    const date = normaliseDate(textOf(el));
    if (date) return date;
  }
  return null;
}

/** Update and modification dates are not the publication date: marked so, or introduced by "Updated". */
function isModified(el: DomElement): boolean {
  if (/modif|updated/i.test(`${el.getAttribute('itemprop') ?? ''} ${el.className} ${el.parentElement?.className ?? ''}`)) return true;
  const before = el.previousSibling?.textContent ?? '';
  return /\b(?:updated|modified)\b[\s:]*(?:on|at)?\s*$/i.test(before);
}

/** The byline: JSON-LD's people, else the author meta tags, else the byline printed on the page; never the outlet's own name. */
function pageAuthor(doc: DomDocument, fromJsonLd: readonly string[], meta: Map<string, string>, outlets: readonly (string | null | undefined)[]): string | null {
  const outlet = new Set(outlets.filter((o): o is string => Boolean(o)).map(nameKey));
  const person = (name: string | null): name is string => name !== null && !outlet.has(nameKey(name));
  const names = fromJsonLd.map((n) => cleanByline(n) ?? n).filter(person);
  if (names.length > 0) return [...new Set(names)].join(', ');
  for (const key of ['article:author', 'author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'byl']) {
    const value = meta.get(key);
    if (!value || /^https?:\/\/|^www\./i.test(value)) continue;
    const name = cleanByline(value);
    if (person(name)) return name;
  }
  const shown = visibleByline(doc);
  return person(shown) ? shown : null;
}

/** A name as compared with the outlet's: "The Kestrel Bay Courier" and "kestrel-bay courier." are the same. */
function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/ /g, '');
}

const SITE_IMAGE_WORDS = new Set(['logo', 'logos', 'icon', 'favicon', 'placeholder', 'fallback', 'default', 'avatar', 'sprite', 'blank', 'spacer', 'brand', 'branding']);

/** The picture a site shares for every page that has none of its own: its logo, or a default card. */
function isSiteImage(url: string): boolean {
  const words = (new URL(url).pathname.split('/').pop() ?? '').toLowerCase().split(/[^a-z]+/);
  return words.some((w) => SITE_IMAGE_WORDS.has(w));
}

function first(...values: (string | null | undefined)[]): string | null {
  for (const value of values) {
    const text = value ? normaliseSpaces(value) : '';
    if (text) return text;
  }
  return null;
}

function withoutFragment(url: string | null): string | null {
  if (!url) return null;
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}
