import path from 'node:path';

/** A URL- and file-safe identifier: "Café Ünal reopens!" → "cafe-unal-reopens". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'article';
}

/** The slug of an article file: its name without extension or a leading date. */
export function slugFromFileName(file: string): string {
  const base = path.basename(file).replace(/\.(md|markdown)$/i, '');
  return slugify(base.replace(/^\d{4}-\d{2}-\d{2}[-_]/, ''));
}
