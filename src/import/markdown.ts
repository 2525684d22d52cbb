import { stringify } from 'yaml';
import type { ImportedArticle } from './types.js';

export type CompleteArticle = ImportedArticle & { url: string; date: string };

/**
 * Article markdown as `gazette build` reads it: front matter in the order a
 * person would write it, fields the source lacks left out, then the story.
 */
export function articleMarkdown(article: CompleteArticle): string {
  const fields: Record<string, string> = {};
  const put = (key: string, value: string | null): void => {
    if (value) fields[key] = value;
  };
  put('title', article.title);
  put('url', article.url);
  put('date', article.date);
  put('author', article.author);
  put('source', article.source);
  put('image', article.image);
  put('image_alt', article.imageAlt);
  put('caption', article.caption);
  put('credit', article.credit);
  const yaml = stringify(fields, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  return `---\n${yaml}---\n\n${article.body.trim()}\n`;
}
