import type { Config } from '../config/schema.js';
import type { Article, Block, DigestArticle, PullQuote } from '../types.js';
import { splitSentences } from '../text/sentences.js';
import { extractPhoto } from './photo.js';
import { choosePullQuote } from './pull-quote.js';
import { summarize } from './summary.js';

/**
 * Everything the digest shows about one article: summary, pull quote and
 * photo. Pure; the editor's front matter overrides what would be chosen.
 */
export function enrichArticle(article: Article, config: Config): DigestArticle {
  const { photo, blocks } = extractPhoto(article, config.imageBaseUrl ?? config.siteUrl);
  const text = leadOf(storyText(blocks));
  const summary = article.summary
    ? splitSentences(article.summary).map((s) => s.text)
    : summarize(text, { sentences: config.summary.sentences, words: config.summary.words, title: article.title });
  return {
    slug: article.slug,
    title: article.title,
    url: article.url,
    date: article.date,
    author: article.author,
    source: article.source,
    summary,
    pullQuote: editorQuote(article) ?? pickQuote(text, summary, config.pullQuote.fallback),
    photo,
  };
}

/** The story as plain text, one paragraph per block; headings are not sentences. */
export function storyText(blocks: readonly Block[]): string {
  return blocks
    .flatMap((b) => (b.kind === 'paragraph' || b.kind === 'quote' || b.kind === 'item' ? [b.text] : []))
    .join('\n\n');
}

/**
 * How much of a story the summary and the pull quote are chosen from: about
 * 16,000 words, more than nearly any news story, and a digest's summary and
 * quote come from the opening anyway. Enrichment is linear in the text, but
 * not free (about 3 ms per KB): the bound keeps a 2 MB article from costing
 * a scheduled send a minute.
 */
const ANALYSED_CHARS = 100_000;

/**
 * The story up to ANALYSED_CHARS, cut at the last paragraph break when that
 * keeps most of it, else at the last space so no word is cut, else (a text
 * with no spaces at all) where the window ends.
 */
function leadOf(text: string): string {
  if (text.length <= ANALYSED_CHARS) return text;
  const paragraph = text.lastIndexOf('\n\n', ANALYSED_CHARS);
  if (paragraph >= ANALYSED_CHARS / 2) return text.slice(0, paragraph);
  const space = text.lastIndexOf(' ', ANALYSED_CHARS);
  return text.slice(0, space > 0 ? space : ANALYSED_CHARS);
}

/** A real quotation if there is one; else, if allowed, a striking sentence marked as an excerpt. */
function pickQuote(text: string, summary: readonly string[], fallback: boolean): PullQuote | null {
  const chosen = choosePullQuote(text, { avoid: summary, fallback });
  if (!chosen?.excerpt) return chosen?.quote ?? null;
  return { text: chosen.quote.text, speaker: null, excerpt: true };
}

function editorQuote(article: Article): PullQuote | null {
  if (!article.pullQuote) return null;
  const text = article.pullQuote.replace(/^["“”'‘’«»„\s]+|["“”'‘’«»\s]+$/gu, '');
  return text ? { text, speaker: article.pullQuoteBy } : null;
}
