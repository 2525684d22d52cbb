import type { AnyNode, Document, Element } from 'domhandler';
import { DomUtils, ElementType, parseDocument } from 'htmlparser2';
import type { CheckInput, Finding } from './types.js';

/** A rule: one file each, named for it; `index.ts` runs them in order. */
export type Rule = (email: Email) => Finding[];

/**
 * The email under check, parsed once and shared by every rule: the HTML as a
 * DOM with source offsets, and what the rules keep asking of it.
 */
export interface Email {
  input: CheckInput;
  document: Document;
  /** `<html>`, `<head>` and `<body>`, when the document has them. */
  root: Element | null;
  head: Element | null;
  body: Element | null;
  /** Every element with this tag name, in document order. */
  elements(tag: string): Element[];
  /** 1-based line and column of a node's start in the HTML, as caniemail counts them. */
  position(node: AnyNode): { line: number; column: number } | undefined;
  /** Compatibility findings accepted by the user (the config's check.allow). */
  allow: readonly string[];
}

export function parseEmail(input: CheckInput, allow: readonly string[] = []): Email {
  const document = parseDocument(input.html, { withStartIndices: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const byTag = new Map<string, Element[]>();
  const elements = (tag: string): Element[] => {
    let found = byTag.get(tag);
    if (!found) {
      found = DomUtils.getElementsByTagName(tag, document.children, true);
      byTag.set(tag, found);
    }
    return found;
  };
  const lineStarts = lineStartsOf(input.html);
  return {
    input,
    document,
    root: elements('html')[0] ?? null,
    head: elements('head')[0] ?? null,
    body: elements('body')[0] ?? null,
    elements,
    position: (node) => (node.startIndex === null ? undefined : locate(lineStarts, node.startIndex)),
    allow,
  };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function locate(lineStarts: readonly number[], index: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= index) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: index - (lineStarts[low] ?? 0) + 1 };
}

/** An attribute's value, or undefined when the element does not have it. */
export function attr(element: Element, name: string): string | undefined {
  return element.attribs[name];
}

/** The declarations of an inline `style` attribute, property names lowercased. */
export function inlineStyle(element: Element): Map<string, string> {
  const style = new Map<string, string>();
  for (const declaration of (attr(element, 'style') ?? '').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon === -1) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim().replace(/\s*!important$/i, '');
    if (property) style.set(property, value.toLowerCase());
  }
  return style;
}

/** Hidden by its own inline style or the `hidden` attribute: the ways emails hide a preheader. */
export function isHidden(element: Element): boolean {
  if (attr(element, 'hidden') !== undefined) return true;
  const style = inlineStyle(element);
  const zero = (property: string): boolean => /^0(?:px|em|rem|%)?$/.test(style.get(property) ?? '');
  return (
    style.get('display') === 'none' ||
    style.get('visibility') === 'hidden' ||
    (zero('max-height') && style.get('overflow') === 'hidden') ||
    zero('opacity')
  );
}

/** The text a reader sees in a node: no comments, styles or scripts; whitespace collapsed. */
export function visibleText(node: AnyNode | readonly AnyNode[]): string {
  const parts: string[] = [];
  const walk = (n: AnyNode): void => {
    if (n.type === ElementType.Text) parts.push(n.data);
    else if (n.type === ElementType.Tag) n.children.forEach(walk);
  };
  (Array.isArray(node) ? node : [node]).forEach(walk);
  return collapse(parts.join(''));
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The first text a reader's inbox would show from the body, and the element
 * that hides it when it is hidden (the preheader).
 */
export function firstText(body: Element): { text: string; hiddenBy: Element | null } | undefined {
  let found: { text: string; hiddenBy: Element | null } | undefined;
  const walk = (n: AnyNode, hiddenBy: Element | null): boolean => {
    if (n.type === ElementType.Text) {
      const text = collapse(n.data);
      if (!text) return false;
      found = { text: hiddenBy ? visibleText(hiddenBy) : text, hiddenBy };
      return true;
    }
    if (n.type !== ElementType.Tag) return false;
    const hider = hiddenBy ?? (isHidden(n) ? n : null);
    return n.children.some((child) => walk(child, hider));
  };
  body.children.some((child) => walk(child, null));
  return found;
}

/** A short description of an element for messages: its tag and the attribute that identifies it. */
export function describe(element: Element, key?: string): string {
  const name = key ?? (element.name === 'img' ? 'src' : element.name === 'a' ? 'href' : undefined);
  const value = name === undefined ? undefined : attr(element, name);
  const shown = value === undefined ? '' : ` ${name}="${shorten(value, 70)}"`;
  return `<${element.name}${shown}>`;
}

export function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** "<img src=…> (line 14)": where a finding is, for a person reading the HTML. */
export function whereIs(email: Email, element: Element, key?: string): string {
  const at = email.position(element);
  return at ? `${describe(element, key)} (line ${at.line})` : describe(element, key);
}
