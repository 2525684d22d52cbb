import { all, type DomDocument, type DomElement } from './dom.js';

/** An absolute http(s) address for `href` (resolved against `base` when relative), or null. */
export function absoluteUrl(href: string | null | undefined, base: string | null): string | null {
  const value = href?.trim();
  if (!value) return null;
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The address relative links on the page are resolved against: the page's
 * own <base href> (itself relative to where the page came from), else where
 * it came from, else the address the page gives for itself.
 */
export function baseUrl(doc: DomDocument, fetchedFrom: string | null, selfUrl: string | null): string | null {
  const from = absoluteUrl(fetchedFrom, null) ?? absoluteUrl(selfUrl, null);
  const base = doc.querySelector('base[href]')?.getAttribute('href');
  return absoluteUrl(base, from) ?? from;
}

const LAZY_SOURCES = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-hi-res-src', 'data-full-src'];

/** The address an image really shows: lazy-loading sites keep it in a data- attribute or a srcset. */
export function imageSource(img: DomElement): string | null {
  for (const name of LAZY_SOURCES) {
    const value = img.getAttribute(name)?.trim();
    if (value && !value.startsWith('data:')) return value;
  }
  const srcset = largestFromSrcset(img.getAttribute('srcset') ?? img.getAttribute('data-srcset'));
  const src = img.getAttribute('src')?.trim();
  if (src && !src.startsWith('data:')) return src;
  return srcset;
}

/** The widest candidate of a srcset ("a.jpg 480w, b.jpg 1200w" → b.jpg). */
export function largestFromSrcset(srcset: string | null | undefined): string | null {
  if (!srcset) return null;
  let best: { url: string; size: number } | null = null;
  for (const candidate of srcset.split(/,\s+/)) {
    const [url, descriptor = '1x'] = candidate.trim().split(/\s+/);
    if (!url || url.startsWith('data:')) continue;
    const size = Number.parseFloat(descriptor) * (descriptor.endsWith('x') ? 1000 : 1);
    if (!best || size > best.size) best = { url, size: Number.isFinite(size) ? size : 0 };
  }
  return best?.url ?? null;
}

/**
 * Make every link absolute (or remove its target when it cannot be: a
 * javascript: or data: link, or a relative one with no base), so the
 * markdown only ever points at http(s) addresses.
 */
export function absolutiseLinks(root: DomElement, base: string | null): void {
  for (const a of all(root, 'a')) {
    const href = a.getAttribute('href');
    const url = href?.trim().startsWith('#') ? null : absoluteUrl(href, base);
    if (url) a.setAttribute('href', url);
    else a.removeAttribute('href');
  }
}
