import type { Article, Block, Photo } from '../types.js';
import { splitCredit } from './caption.js';

export interface PhotoResult {
  photo: Photo | null;
  /** The body without images and their caption paragraphs: the story text. */
  blocks: Block[];
}

/**
 * Find the article's photo: the front matter `image`, else the first image in
 * the body. Its caption comes from front matter, the markdown image title, or
 * the caption paragraph right after the image; the credit is split off. Every
 * image and caption paragraph is removed from the blocks, so a caption never
 * turns up in the summary.
 */
export function extractPhoto(article: Article, baseUrl: string): PhotoResult {
  const blocks: Block[] = [];
  const bodyPhotos: { src: string; alt: string; caption: string | null }[] = [];
  for (let i = 0; i < article.blocks.length; i++) {
    const block = article.blocks[i];
    if (!block) continue;
    if (block.kind !== 'image') {
      blocks.push(block);
      continue;
    }
    let caption = block.title;
    const next = article.blocks[i + 1];
    if (next?.kind === 'paragraph' && isCaptionParagraph(next, caption)) {
      const text = next.text.replace(/^caption\s*:\s*/i, '');
      caption = caption ? `${caption} ${text}` : text;
      i++;
    }
    bodyPhotos.push({ src: block.src, alt: block.alt, caption });
  }

  const fromBody = bodyPhotos.find((p) => resolveUrl(p.src, baseUrl) !== null);
  const src = article.image ?? fromBody?.src;
  const url = src === undefined ? null : resolveUrl(src, baseUrl);
  if (url === null) return { photo: null, blocks };

  const sameAsBody = bodyPhotos.find((p) => resolveUrl(p.src, baseUrl) === url);
  const split = splitCredit(article.caption ?? sameAsBody?.caption ?? '');
  const caption = split.caption;
  const credit = article.credit ?? split.credit;
  const alt = article.imageAlt ?? (sameAsBody?.alt || null) ?? caption ?? article.title;
  return { photo: { src: url, alt: alt || article.title, caption, credit }, blocks };
}

/**
 * A paragraph right after an image is its caption when it is set in italics,
 * carries a credit, or is short and labelled; body text after a photo is
 * none of these.
 */
function isCaptionParagraph(block: Extract<Block, { kind: 'paragraph' }>, title: string | null): boolean {
  const words = block.text.split(/\s+/).length;
  if (words > 60) return false;
  if (block.emphasis) return true;
  if (/^(?:caption|above|pictured|top|below|left|right)\s*:/i.test(block.text)) return true;
  return splitCredit(block.text).credit !== null && (title === null || words <= 40);
}

/** An absolute http(s) URL for an image source, or null for sources an email cannot show. */
export function resolveUrl(src: string, baseUrl: string): string | null {
  try {
    const url = new URL(src.trim(), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
