import { splitCredit } from '../enrich/caption.js';
import { isBoilerplate, isTimestamp, markLeftovers } from './boilerplate.js';
import { normaliseSpaces } from './dom.js';

/** What the page's fields already hold, so the body does not repeat it. */
export interface StoryContext {
  title: string;
  author: string | null;
  caption: string | null;
  credit: string | null;
}

type BlockKind = 'heading' | 'list' | 'quote' | 'paragraph' | 'code' | 'table';

interface Block {
  kind: BlockKind;
  markdown: string;
  /** Visible text: link targets, marks and escapes gone. */
  text: string;
}

/**
 * The story from converted markdown, block by block: site leftovers that
 * slipped past the structural pass (labels, teasers, "Related" lists, credit
 * lines, the byline and date line, the headline and photo caption repeated)
 * removed, subheadings with no story under them dropped, and the rest joined
 * with one blank line between blocks.
 */
export function keepStory(markdown: string, context: StoryContext): string {
  const blocks = splitBlocks(markdown);
  const marks = markLeftovers(blocks.map((b) => b.text));
  const kept = blocks.filter((block, i) => {
    const mark = marks[i];
    if (mark === 'furniture' || mark === 'list-head') return false;
    // After a "Related" or "More from" label, the lines that read like headlines go; a
    // sentence stays, for it is more likely the story going on than a teaser.
    if (mark === 'listed' && (isAllLink(block) || (block.kind !== 'heading' && !endsSentence(block.text)))) return false;
    return !isLeftover(block, context);
  });
  return withoutOrphanHeadings(kept)
    .map((b) => b.markdown)
    .join('\n\n');
}

function splitBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of markdown.split(/\n{2,}/)) {
    const raw = chunk.replace(/\s+$/, '');
    if (!raw.trim()) continue;
    const kind: BlockKind = raw.startsWith('## ')
      ? 'heading'
      : /^(?:-|\d+\.) /.test(raw)
        ? 'list'
        : raw.startsWith('>')
          ? 'quote'
          : raw.startsWith('```')
            ? 'code'
            : raw.startsWith('|')
              ? 'table'
              : 'paragraph';
    // A paragraph's soft line breaks are spaces; lists, quotes, tables and code keep their lines.
    const md = kind === 'paragraph' || kind === 'heading' ? normaliseSpaces(raw.replace(/\n/g, ' ')) : raw;
    blocks.push({ kind, markdown: md, text: plainText(md) });
  }
  return blocks;
}

/** The words a reader sees in a markdown block. */
function plainText(markdown: string): string {
  return normaliseSpaces(
    markdown
      .replace(/^(?:#{1,6} |> ?|(?:-|\d+\.) )/gm, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|\*)(\S(?:.*?\S)?)\1/g, '$2')
      .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1'),
  );
}

function isLeftover(block: Block, context: StoryContext): boolean {
  const text = block.text;
  if (!text || !/[\p{L}\p{N}]/u.test(text)) return true;
  if (block.kind === 'table' || block.kind === 'code') return false;
  if (block.kind === 'list') return isLinkList(block) || block.markdown.split('\n').every((line) => isBoilerplate(line));
  if (block.kind !== 'heading' && isBoilerplate(block.markdown)) return true;
  const words = text.split(' ').length;
  if (same(text, context.title)) return true;
  if (isCaption(text, context)) return true;
  if (words <= 12 && isBylineLine(text, context.author)) return true;
  // A teaser for another story: a short line that is nothing but a link.
  if (isAllLink(block) && words <= 25 && !endsSentence(text)) return true;
  // A credit alone on a line, left over from a photo.
  if (words <= 12 && splitCredit(text).caption === null && splitCredit(text).credit !== null) return true;
  return false;
}

function endsSentence(text: string): boolean {
  return /[.!?…]["”’)]?$/u.test(text);
}

/** Loosely equal: case, punctuation and spacing do not matter. */
function same(a: string, b: string | null): boolean {
  if (!b) return false;
  const key = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return key(a) !== '' && key(a) === key(b);
}

function isCaption(text: string, context: StoryContext): boolean {
  const { caption, credit } = context;
  if (same(text, caption) || same(text, credit)) return true;
  if (caption && credit && same(text, `${caption} ${credit}`)) return true;
  const parts = splitCredit(text);
  return parts.credit !== null && same(parts.caption ?? '', caption);
}

function isBylineLine(text: string, author: string | null): boolean {
  const named = /^(?:by|written by|words by|story by|reporting by)\s+(.*)$/iu.exec(text)?.[1];
  if (author && same(named ?? text, author)) return true;
  if (author && named && named.toLowerCase().startsWith(author.toLowerCase()) && isTimestamp(named.slice(author.length))) return true;
  return /^(?:by|written by|words by|story by|reporting by)\s+\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}.'’-]*|and|&|,|de|van|von|da|del|la|le))*(?:\s*[|·•,–—-].*)?$/u.test(text) && !/[.!?]["”’]?$/u.test(text.replace(/\b\p{Lu}\.$/u, ''));
}

/** A block whose visible text is all inside one link (emphasis around it allowed). */
function isAllLink(block: Block): boolean {
  const inner = block.markdown.replace(/^(?:#{1,6} |> ?|(?:-|\d+\.) )/, '').replace(/^(\*\*|\*)(.*)\1$/, '$2').trim();
  return /^\[[^\]]+\]\([^)\s]+\)$/.test(inner);
}

/** A list whose every item is a link alone: related stories, tags, a share bar. */
function isLinkList(block: Block): boolean {
  const items = block.markdown.split('\n').filter((line) => /^(?:-|\d+\.) /.test(line));
  return items.length > 0 && items.every((line) => isAllLink({ kind: 'list', markdown: line, text: plainText(line) }));
}

/** A subheading with no story after it (the next block is another heading, or nothing) headed something that is gone. */
function withoutOrphanHeadings(blocks: readonly Block[]): Block[] {
  return blocks.filter((block, i) => block.kind !== 'heading' || (blocks[i + 1] !== undefined && blocks[i + 1]?.kind !== 'heading'));
}
