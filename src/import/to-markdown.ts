import TurndownService from 'turndown';
import { all, normaliseSpaces, TEXT_NODE, type DomElement, type DomNode } from './dom.js';

/** Elements whose content is never story text. Images go too: the lead photo is already in the fields. */
const DROPPED = ['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'img', 'picture', 'figure', 'video', 'audio', 'svg', 'canvas', 'form', 'button', 'input', 'select', 'textarea', 'head'] as const;

let service: TurndownService | null = null;

/**
 * The story's HTML as markdown: `## ` for every subheading, `- ` and `1. `
 * lists, `> ` quotes, emphasis and links kept (links only to absolute
 * http(s) addresses; any other keeps its text alone), no images and no HTML.
 * A single <br> is a soft break and becomes a space; two in a row start a new
 * paragraph.
 */
export function toMarkdown(html: string): string {
  service ??= createService();
  return tidy(service.turndown(html));
}

function createService(): TurndownService {
  const turndown = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', emDelimiter: '*', strongDelimiter: '**', codeBlockStyle: 'fenced', hr: '' });
  turndown.remove([...DROPPED]);
  turndown.addRule('heading', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    replacement: (content: string) => {
      // A heading is bold already: emphasis inside it is noise.
      const text = normaliseSpaces(content.replace(/\n/g, ' ')).replace(/(\*\*|\*)(\S(?:.*?\S)?)\1/gu, '$2');
      return text ? `\n\n## ${text}\n\n` : '';
    },
  });
  turndown.addRule('link', {
    filter: 'a',
    replacement: (content: string, node: DomElement) => {
      const href = node.getAttribute('href') ?? '';
      const text = content.trim();
      if (!text) return content;
      if (!/^https?:\/\//i.test(href)) return content;
      // Spaces inside the link's text go outside it: "see [the report](…) today", not "see[ the report ](…)".
      const before = /^\s/.test(content) ? ' ' : '';
      const after = /\s$/.test(content) ? ' ' : '';
      return `${before}[${text}](${href.replace(/[()\s<>]/g, (c) => encodeURIComponent(c))})${after}`;
    },
  });
  turndown.addRule('lineBreak', {
    filter: 'br',
    replacement: (_content: string, node: DomElement) => {
      if (isBr(sibling(node, 'previousSibling'))) return '';
      return isBr(sibling(node, 'nextSibling')) ? '\n\n' : ' ';
    },
  });
  turndown.addRule('rule', { filter: 'hr', replacement: () => '\n\n' });
  // Browsers draw the quotation marks of <q>; pull quotes need them in the text.
  turndown.addRule('inlineQuote', { filter: 'q', replacement: (content: string) => `“${content}”` });
  turndown.addRule('tableCell', {
    filter: (node: DomElement) => (node.nodeName === 'TD' || node.nodeName === 'TH') && isDataTable(enclosingTable(node)),
    replacement: (content: string) => ` ${normaliseSpaces(content.replace(/\n/g, ' ')).replace(/\|/g, '\\|')} |`,
  });
  turndown.addRule('tableRow', {
    filter: (node: DomElement) => node.nodeName === 'TR' && isDataTable(enclosingTable(node)),
    replacement: (content: string, node: DomElement) => {
      const row = `|${content}\n`;
      const table = enclosingTable(node);
      if (!table || all(table, 'tr')[0] !== node) return row;
      return `${row}|${' --- |'.repeat(node.children.length)}\n`;
    },
  });
  turndown.addRule('dataTable', {
    filter: (node: DomElement) => node.nodeName === 'TABLE' && isDataTable(node),
    replacement: (content: string) => `\n\n${content.replace(/\n{2,}/g, '\n').trim()}\n\n`,
  });
  turndown.addRule('tableParts', {
    filter: (node: DomElement) => ['THEAD', 'TBODY', 'TFOOT'].includes(node.nodeName) && isDataTable(enclosingTable(node)),
    replacement: (content: string) => content,
  });
  turndown.addRule('listItem', {
    filter: 'li',
    replacement: (content: string, node: DomElement) => {
      const parent = node.parentNode as DomElement | null;
      let prefix = '- ';
      if (parent?.nodeName === 'OL') {
        const start = Number(parent.getAttribute('start') ?? '1');
        prefix = `${(Number.isFinite(start) ? start : 1) + Array.from(parent.children).indexOf(node)}. `;
      }
      const body = content.replace(/^\n+/, '').replace(/\n+$/, '').replace(/\n/g, `\n${' '.repeat(prefix.length)}`);
      return body.trim() ? `${prefix}${body}\n` : '';
    },
  });
  return turndown;
}

function enclosingTable(node: DomElement): DomElement | null {
  for (let parent = node.parentNode as DomElement | null; parent; parent = parent.parentNode as DomElement | null) {
    if (parent.nodeName === 'TABLE') return parent;
  }
  return null;
}

/**
 * A table of data (results, fares, times) rather than page layout: rows of
 * short cells with no paragraphs, lists or tables inside. Data tables become
 * markdown tables, which the article loader leaves out of the story text;
 * a layout table is read as the text it holds.
 */
function isDataTable(table: DomElement | null): boolean {
  if (!table) return false;
  const rows = all(table, 'tr');
  // Turndown's own DOM answers undefined, not null, when nothing matches.
  if (rows.length < 2 || table.querySelector('table, p, div, ul, ol, h1, h2, h3, h4, h5, h6, blockquote')) return false;
  const width = rows[0]?.children.length ?? 0;
  return width > 1 && rows.every((row) => row.children.length === width && Array.from(row.children).every((cell) => (cell.textContent ?? '').length <= 200));
}

/** The nearest sibling that is not white space. */
function sibling(node: DomNode, direction: 'previousSibling' | 'nextSibling'): DomNode | null {
  let next = node[direction];
  while (next && next.nodeType === TEXT_NODE && !(next.textContent ?? '').trim()) next = next[direction];
  return next;
}

function isBr(node: DomNode | null): boolean {
  return node?.nodeName === 'BR';
}

/** Odd spaces made plain, trailing spaces and runs of blank lines gone; indentation (nested lists) kept. */
function tidy(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => {
      const indent = /^ */.exec(line)?.[0] ?? '';
      const text = line.slice(indent.length);
      // "[the minutes](…) ." when the link's text ended with a space: the stop belongs to the link.
      return text.trim() ? indent + normaliseSpaces(text).replace(/(\]\([^)\s]*\)) (?=[.,;:!?])/g, '$1') : '';
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
