import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import { GazetteError } from '../errors.js';
import { closest } from '../text/suggest.js';
import { parseDate, type ParsedDate } from './date.js';

/** The front matter fields gazette reads, as written in the file. */
export const FIELDS = [
  'title',
  'url',
  'date',
  'author',
  'source',
  'image',
  'image_alt',
  'caption',
  'credit',
  'summary',
  'pull_quote',
  'pull_quote_by',
  'slug',
  'draft',
] as const;

type Field = (typeof FIELDS)[number];
type TextField = Exclude<Field, 'date' | 'draft'>;

export interface FrontMatter {
  text: Partial<Record<TextField, string>>;
  date: ParsedDate;
  draft: boolean;
  /** The file line of each field gazette reads that the front matter has. */
  lines: Partial<Record<Field, number>>;
  /** Keys gazette does not know that look like a misspelt known one, with the suggestion. */
  typos: { key: string; suggestion: string; line: number }[];
}

/**
 * Parse and check an article's front matter. `firstLine` is the file line of
 * the YAML's first line, so every message points into the article file.
 */
export function parseFrontMatter(source: string, file: string, firstLine: number): FrontMatter {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined): number =>
    offset === undefined ? firstLine : firstLine - 1 + lineCounter.linePos(offset).line;

  const yamlError = doc.errors[0];
  if (yamlError) {
    throw new GazetteError('ARTICLE_YAML', `front matter is not valid YAML (${yamlError.message.split('\n')[0]})`, {
      file,
      line: lineAt(yamlError.pos[0]),
      fix: 'check the quoting and indentation; put values containing ": " or "#" in quotes',
    });
  }
  const root = doc.contents;
  if (!isMap(root)) {
    throw new GazetteError('ARTICLE_YAML', 'front matter must be a list of "key: value" lines', {
      file,
      line: firstLine,
      fix: 'write one field per line, such as "title: Ferry fares frozen"',
    });
  }

  const text: FrontMatter['text'] = {};
  const lines = new Map<string, number>();
  const typos: FrontMatter['typos'] = [];
  let draft = false;
  let dateValue: string | undefined;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const line = lineAt(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    lines.set(key, line);
    if (!(FIELDS as readonly string[]).includes(key)) {
      const suggestion = closest(key, FIELDS);
      if (suggestion) typos.push({ key, suggestion, line });
      continue;
    }
    const value: unknown = isScalar(pair.value) ? pair.value.value : pair.value === null ? null : pair.value.toJSON();
    if (value === null || value === undefined || value === '') continue;
    if (key === 'draft') {
      if (typeof value !== 'boolean') {
        throw fieldError(file, line, `field "draft" is ${JSON.stringify(value)}`, 'use true or false');
      }
      draft = value;
      continue;
    }
    if (key === 'author' && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      text.author = value.join(', '); // several bylines, as Hugo and Jekyll sites write them
      continue;
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw fieldError(file, line, `field "${key}" must be text, not a ${Array.isArray(value) ? 'list' : typeof value}`, 'write it on one line, quoted if it contains ": "');
    }
    const str = String(value).trim();
    if (key === 'date') dateValue = str;
    else text[key as TextField] = str;
  }

  for (const required of ['title', 'url'] as const) {
    if (!text[required]) throw missing(file, lines.get(required) ?? firstLine, required);
  }
  if (!dateValue) throw missing(file, lines.get('date') ?? firstLine, 'date');

  const url = text.url ?? '';
  if (!isHttpUrl(url)) {
    throw new GazetteError('ARTICLE_BAD_URL', `field "url" is ${JSON.stringify(url)}`, {
      file,
      line: lines.get('url'),
      fix: 'use the full http:// or https:// address of the story',
    });
  }
  const image = text.image;
  if (image !== undefined && /^[a-z][a-z0-9+.-]*:/i.test(image) && !isHttpUrl(image)) {
    throw new GazetteError('ARTICLE_BAD_URL', `field "image" is ${JSON.stringify(image)}`, {
      file,
      line: lines.get('image'),
      fix: 'use an https:// address or a path relative to the article',
    });
  }
  const date = parseDate(dateValue);
  if (!date) {
    throw new GazetteError('ARTICLE_BAD_DATE', `field "date" is ${JSON.stringify(dateValue)}`, {
      file,
      line: lines.get('date'),
      fix: 'use a real date as YYYY-MM-DD, e.g. 2026-11-30, or ISO 8601 such as 2026-11-30T08:00:00Z',
    });
  }
  return { text, date, draft, lines: Object.fromEntries([...lines].filter(([key]) => (FIELDS as readonly string[]).includes(key))), typos };
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function missing(file: string, line: number, field: string): GazetteError {
  const example: Record<string, string> = {
    title: 'title: Ferry fares frozen for the winter',
    url: 'url: https://example.org/news/ferry-fares',
    date: 'date: 2026-11-30',
  };
  return new GazetteError('ARTICLE_MISSING_FIELD', `front matter has no "${field}"`, {
    file,
    line,
    fix: `add a line such as "${example[field] ?? field + ': …'}"`,
  });
}

function fieldError(file: string, line: number, problem: string, fix: string): GazetteError {
  return new GazetteError('ARTICLE_BAD_FIELD', problem, { file, line, fix });
}
