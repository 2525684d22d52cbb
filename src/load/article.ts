import { GazetteError } from '../errors.js';
import type { Article, Warning } from '../types.js';
import { parseFrontMatter } from './front-matter.js';
import { parseMarkdown } from './markdown.js';
import { slugify, slugFromFileName } from './slug.js';

export interface ParsedArticle {
  article: Article;
  /** Drafts are parsed (so their errors show) but left out of a digest. */
  draft: boolean;
  /** Where the slug comes from: its "slug:" line, or 1 when it is the file name's. */
  slugLine: number;
  warnings: Warning[];
}

/**
 * Parse one article file. Pure: takes the bytes and the name to report, so
 * tests and other tools can call it without a folder.
 */
export function parseArticle(content: Uint8Array | string, file: string): ParsedArticle {
  const source = normaliseNewlines(typeof content === 'string' ? content : decodeUtf8(content, file));
  const { frontMatter, blocks, bodyLine } = parseMarkdown(source);
  if (!frontMatter) {
    throw new GazetteError('ARTICLE_NO_FRONT_MATTER', 'no front matter', {
      file,
      line: 1,
      fix: 'start the file with a "---" line, then title:, url: and date: lines, then another "---"',
    });
  }
  const fields = parseFrontMatter(frontMatter.source, file, frontMatter.line);
  if (!blocks.some((b) => b.kind === 'paragraph' || b.kind === 'quote' || b.kind === 'item')) {
    throw new GazetteError('ARTICLE_EMPTY_BODY', 'the article has no text after its front matter', {
      file,
      line: bodyLine,
      fix: 'write the story below the closing "---" line',
    });
  }
  const t = fields.text;
  const warnings: Warning[] = fields.typos.map(({ key, suggestion, line }) => ({
    code: 'ARTICLE_UNKNOWN_FIELD',
    message: `front matter field "${key}" is not one gazette reads: did you mean "${suggestion}"?`,
    file,
    line,
  }));
  const article: Article = {
    slug: t.slug ? slugify(t.slug) : slugFromFileName(file),
    file,
    title: t.title ?? '',
    url: t.url ?? '',
    date: fields.date.date,
    timestamp: fields.date.timestamp,
    author: t.author ?? null,
    source: t.source ?? null,
    image: t.image ?? null,
    imageAlt: t.image_alt ?? null,
    caption: t.caption ?? null,
    credit: t.credit ?? null,
    summary: t.summary ?? null,
    pullQuote: t.pull_quote ?? null,
    pullQuoteBy: t.pull_quote_by ?? null,
    blocks,
  };
  return { article, draft: fields.draft, slugLine: t.slug ? (fields.lines.slug ?? 1) : 1, warnings };
}

/** Decode strictly: a file in another encoding must be reported, not turned into "�". */
function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    throw new GazetteError('ARTICLE_ENCODING', `the file is not UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16)} at offset ${bad})`, {
      file,
      line,
      fix: 're-save it as UTF-8 (for example: iconv -f latin1 -t utf-8)',
    });
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return i;
}

function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
