import type { Nodes, Paragraph, PhrasingContent, Root, RootContent, Yaml } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { Parser } from 'htmlparser2';
import type { Block } from '../types.js';

export interface ParsedMarkdown {
  /** The YAML front matter and the line its first key is on, or null when there is none. */
  frontMatter: { source: string; line: number } | null;
  blocks: Block[];
  /** The line the body starts on (after the front matter). */
  bodyLine: number;
}

/**
 * Parse article markdown into front matter and plain-text blocks. Formatting
 * is dropped, raw HTML keeps only its visible text, and images become blocks
 * of their own so the photo step can find them and their captions.
 */
export function parseMarkdown(source: string): ParsedMarkdown {
  const tree: Root = fromMarkdown(source, {
    extensions: [frontmatter(['yaml']), gfm()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmFromMarkdown()],
  });
  let frontMatter: ParsedMarkdown['frontMatter'] = null;
  let bodyLine = 1;
  const blocks: Block[] = [];
  for (const node of tree.children) {
    if (node.type === 'yaml') {
      frontMatter = { source: (node as Yaml).value, line: (node.position?.start.line ?? 1) + 1 };
      bodyLine = (node.position?.end.line ?? 0) + 1;
      continue;
    }
    collect(node, blocks);
  }
  return { frontMatter, blocks, bodyLine };
}

function collect(node: RootContent, blocks: Block[]): void {
  const line = node.position?.start.line ?? 1;
  switch (node.type) {
    case 'paragraph':
      paragraphBlocks(node, blocks);
      return;
    case 'heading': {
      const text = clean(inlineText(node.children));
      if (text) blocks.push({ kind: 'heading', text, line });
      return;
    }
    case 'blockquote':
      nested(node.children, 'quote', blocks, line);
      return;
    case 'list':
      for (const item of node.children) nested(item.children, 'item', blocks, line);
      return;
    case 'html':
      blocks.push(...htmlBlocks(node.value, line));
      return;
    default:
      // Code, tables, rules and definitions are not story text.
      return;
  }
}

/** Paragraphs inside a block quote or list item become `kind` blocks; anything else is collected as usual. */
function nested(children: readonly RootContent[], kind: 'quote' | 'item', blocks: Block[], line: number): void {
  for (const child of children) {
    if (child.type !== 'paragraph') {
      collect(child, blocks);
      continue;
    }
    const text = clean(inlineText(child.children));
    if (text) blocks.push({ kind, text, line: child.position?.start.line ?? line });
  }
}

/**
 * A paragraph may hold an image alone, an image and its caption on the next
 * line, or text. Images become their own blocks, in order.
 */
function paragraphBlocks(node: Paragraph, blocks: Block[]): void {
  let run: PhrasingContent[] = [];
  let runLine = node.position?.start.line ?? 1;
  const flush = (): void => {
    const text = clean(inlineText(run));
    if (text) blocks.push({ kind: 'paragraph', text, line: runLine, ...(isWhollyEmphasis(run) ? { emphasis: true } : {}) });
    run = [];
  };
  for (const child of node.children) {
    if (child.type === 'image') {
      flush();
      blocks.push({ kind: 'image', src: child.url, alt: clean(child.alt ?? ''), title: child.title ? clean(child.title) : null, line: child.position?.start.line ?? runLine });
      runLine = child.position?.end.line ?? runLine;
      continue;
    }
    const blank = (child.type === 'text' && !child.value.trim()) || child.type === 'break';
    if (!blank && run.every((n) => (n.type === 'text' && !n.value.trim()) || n.type === 'break')) {
      runLine = child.position?.start.line ?? runLine;
    }
    run.push(child);
  }
  flush();
}

/** True when the visible text is all inside one emphasis run: the usual markdown caption. */
function isWhollyEmphasis(nodes: PhrasingContent[]): boolean {
  const visible = nodes.filter((n) => !(n.type === 'text' && !n.value.trim()) && n.type !== 'break' && n.type !== 'html');
  return visible.length === 1 && visible[0]?.type === 'emphasis';
}

function inlineText(nodes: readonly Nodes[]): string {
  let out = '';
  // Inline HTML arrives as separate tag nodes around ordinary text nodes, so
  // the text between <script> and </script> must be skipped by hand.
  let hiddenUntil: string | null = null;
  for (const node of nodes) {
    if (hiddenUntil !== null) {
      if (node.type === 'html' && node.value.toLowerCase().startsWith(`</${hiddenUntil}`)) hiddenUntil = null;
      continue;
    }
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        out += node.value;
        break;
      case 'break':
        out += '\n';
        break;
      case 'html': {
        const open = /^<([a-z][a-z0-9-]*)\b[^>]*>$/i.exec(node.value.trim());
        const name = open?.[1]?.toLowerCase();
        if (name && INVISIBLE.has(name) && !node.value.includes(`</${name}`) && !node.value.trim().endsWith('/>')) hiddenUntil = name;
        break;
      }
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        break;
      default:
        if ('children' in node) out += inlineText(node.children as Nodes[]);
    }
  }
  return out;
}

const INVISIBLE = new Set(['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'svg', 'head', 'title']);

/**
 * A raw HTML block keeps only what a reader would see: its text, and its
 * images (a `<figure>`'s `<figcaption>` becomes the caption paragraph after
 * the image). Its tags never reach the email.
 */
function htmlBlocks(html: string, line: number): Block[] {
  const blocks: Block[] = [];
  let text = '';
  let caption: string | null = null;
  let hidden = 0;
  const flush = (): void => {
    const cleaned = clean(text);
    if (cleaned) blocks.push({ kind: 'paragraph', text: cleaned, line });
    text = '';
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (INVISIBLE.has(name)) hidden++;
        if (hidden > 0) return;
        if (name === 'img' && attributes.src) {
          flush();
          blocks.push({ kind: 'image', src: attributes.src, alt: clean(attributes.alt ?? ''), title: attributes.title ? clean(attributes.title) : null, line });
        } else if (name === 'figcaption') {
          flush();
          caption = '';
        }
      },
      onclosetag(name) {
        if (INVISIBLE.has(name) && hidden > 0) hidden--;
        if (name === 'figcaption' && caption !== null) {
          const cleaned = clean(caption);
          if (cleaned) blocks.push({ kind: 'paragraph', text: cleaned, line, emphasis: true });
          caption = null;
        } else if (name === 'br') {
          text += ' ';
        } else if (BLOCK_TAGS.has(name)) {
          flush();
        }
      },
      ontext(chunk) {
        if (hidden > 0) return;
        if (caption !== null) caption += chunk;
        else text += chunk;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return blocks;
}

const BLOCK_TAGS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article']);

/** Collapse runs of white space (including odd spaces) the way a browser would. */
function clean(text: string): string {
  return text.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ').trim();
}
