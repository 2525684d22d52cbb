import { GazetteError } from '../errors.js';
import type { DomElement } from './dom.js';

/**
 * How deep elements may nest below <html>. News pages nest 20 to 40 levels
 * (Lighthouse flags a page past 32), so 128 leaves room for any real one,
 * while a page nested thousands deep (broken markup, or markup made to
 * break parsers) would overflow the stack of every recursive walk of it,
 * ours and the libraries' (Readability and turndown recurse), and slow them
 * down with the square or the cube of its depth.
 */
export const MAX_DEPTH = 128;

/**
 * How many elements a page may have. Heavy news pages have 5,000 to 15,000;
 * reading a page takes about a second per 10,000, and parsing alone far more
 * memory than the page's size, so a larger one is refused before it is parsed.
 */
export const MAX_ELEMENTS = 50_000;

/** Refuse a page with more elements than gazette reads, counting its start tags, before the parser builds them. */
export function checkElementCount(html: string): void {
  let tags = 0;
  for (const _ of html.matchAll(/<[a-z]/gi)) {
    if (++tags > MAX_ELEMENTS) {
      throw new GazetteError('IMPORT_TOO_LARGE', `the page has more than ${MAX_ELEMENTS.toLocaleString('en')} elements, more than any article page`, {
        fix: 'check that it is one article and not an archive, a live blog or a whole site; or paste the story as text',
      });
    }
  }
}

/**
 * Bring a page within `maxDepth` levels by unwrapping the elements in the
 * middle of any path that is too long: the top half of the levels (the
 * page's layout, where its landmarks and furniture are) and the bottom half
 * (the paragraphs and what is inside them) stay as they are; a wrapper in
 * between gives its children to its parent. Nothing is lost and the words
 * keep their order; only those wrappers' boundaries go.
 */
export function boundDepth(root: DomElement, maxDepth = MAX_DEPTH): void {
  const keepTop = Math.floor(maxDepth / 2);
  const keepBottom = maxDepth - keepTop;
  // Depth first with a stack of our own: recursion is what a deep page breaks.
  const order: { el: DomElement; depth: number }[] = [];
  const pending = [{ el: root, depth: 1 }];
  let deepest = 0;
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    order.push(item);
    deepest = Math.max(deepest, item.depth);
    for (const child of Array.from(item.el.children)) pending.push({ el: child, depth: item.depth + 1 });
  }
  if (deepest <= maxDepth) return;
  // Levels from each element down to its deepest descendant; children come after their parent in `order`.
  const height = new Map<DomElement, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i]?.el;
    if (!el) continue;
    const parent = el.parentElement;
    const own = height.get(el) ?? 1;
    if (parent && (height.get(parent) ?? 1) < own + 1) height.set(parent, own + 1);
  }
  for (const { el, depth } of order) {
    if (depth > keepTop && (height.get(el) ?? 1) > keepBottom) el.replaceWith(...Array.from(el.childNodes));
  }
}
