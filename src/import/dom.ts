import { parseHTML } from 'linkedom';
import { boundDepth, checkElementCount } from './bounds.js';

/**
 * The part of the DOM the importer uses, typed here because the project is
 * compiled without the browser's DOM library (linkedom's own types lean on
 * it). linkedom's nodes satisfy these shapes.
 */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly parentNode: DomNode | null;
  readonly parentElement: DomElement | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly previousSibling: DomNode | null;
  readonly nextSibling: DomNode | null;
  textContent: string | null;
  remove(): void;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly localName: string;
  id: string;
  className: string;
  innerHTML: string;
  readonly outerHTML: string;
  readonly children: ArrayLike<DomElement>;
  readonly firstElementChild: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  readonly previousElementSibling: DomElement | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  hasAttribute(name: string): boolean;
  getAttributeNames(): string[];
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  matches(selector: string): boolean;
  contains(other: DomNode): boolean;
  append(...nodes: (DomNode | string)[]): void;
  replaceWith(...nodes: (DomNode | string)[]): void;
}

export interface DomDocument {
  readonly documentElement: DomElement;
  readonly head: DomElement | null;
  readonly body: DomElement | null;
  readonly title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  createElement(tag: string): DomElement;
  createTextNode(text: string): DomNode;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/**
 * Parse a page. A page without <html>, or a bare fragment, is wrapped so that
 * it has one root, a head and a body; one with too many elements is refused,
 * and one nested too deep is brought within bounds (bounds.ts).
 */
export function parseDocument(html: string): DomDocument {
  checkElementCount(html);
  let page = html;
  if (!/<html[\s>]/i.test(html)) {
    const doctype = /^\s*<!doctype[^>]*>/i.exec(html)?.[0] ?? '';
    const rest = html.slice(doctype.length);
    page = /<(?:head|body)[\s>]/i.test(rest) ? `<!doctype html><html>${rest}</html>` : `<!doctype html><html><head></head><body>${rest}</body></html>`;
  }
  const doc = parseHTML(page).document as unknown as DomDocument;
  boundDepth(doc.documentElement);
  return doc;
}

/** querySelectorAll as an array, so it can be filtered and mapped. */
export function all(root: DomDocument | DomElement, selector: string): DomElement[] {
  return Array.from(root.querySelectorAll(selector));
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** An element's text with runs of white space (including odd spaces) made single spaces. */
export function textOf(node: DomNode | null | undefined): string {
  return normaliseSpaces(node?.textContent ?? '');
}

/** Non-breaking, thin and other odd spaces become plain spaces; zero-width marks and soft hyphens go. */
export function normaliseSpaces(text: string): string {
  return text
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/gu, ' ')
    .trim();
}

/** Elements that start a new line of text. */
export const BLOCKS: ReadonlySet<string> = new Set(['br', 'p', 'div', 'li', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header', 'footer', 'address', 'blockquote', 'dd', 'dt']);

/** An element's text as it reads on screen, one line per line break or block: "By Ana Lopes<br>3 May" → "By Ana Lopes\n3 May". */
export function visibleLines(node: DomNode): string[] {
  return flowText(node, '\n').split('\n').map(normaliseSpaces).filter(Boolean);
}

/**
 * An element's text with `separator` around every block and line break,
 * leaving out the elements `skip` says to. Walked with a stack of its own, not
 * by recursion, so that no nesting of a page is too deep for it.
 */
export function flowText(root: DomNode, separator: string, skip: (el: DomElement) => boolean = () => false): string {
  let out = '';
  const pending: (DomNode | string)[] = [root];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (typeof item === 'string') out += item;
    else if (item.nodeType === TEXT_NODE) out += item.textContent ?? '';
    else if (isElement(item) && !skip(item)) {
      const breaks = BLOCKS.has(item.localName.toLowerCase());
      if (breaks) {
        out += separator;
        pending.push(separator);
      }
      for (const child of Array.from(item.childNodes).reverse()) pending.push(child);
    }
  }
  return out;
}

let scratch: DomElement | null = null;

/** Decode HTML character references ("&amp;", "&#8217;") in text that did not pass through the parser, such as JSON-LD strings. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  scratch ??= parseDocument('<p></p>').createElement('div');
  scratch.innerHTML = text.replace(/</g, '&lt;');
  return scratch.textContent ?? text;
}
