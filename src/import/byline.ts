import { all, normaliseSpaces, textOf, visibleLines, type DomDocument } from './dom.js';
import { AWAY_FROM_STORY, insideFurniture } from './furniture.js';

/** Where pages print their byline, most specific first. */
const BYLINE_SELECTORS = [
  '[itemprop="author"] [itemprop="name"]',
  '[itemprop="author"]',
  '[rel="author"]',
  '[class*="byline"] [class*="author"]',
  '[class*="byline"] [class*="name"]',
  '[class*="author-name"], [class*="author__name"], [class*="authorName"]',
  '[class*="byline"]',
  '[class*="author"]',
];

const ROLE_WORDS = /\b(?:staff|reporter|correspondent|editor|writer|journalist|columnist|contributor|photographer|producer|bureau|desk|chief|senior|political|news|sports?|business|science|health|education|crime|courts?|environment|arts|culture|travel|features?|local|national|international|foreign|digital|community)\b/i;

/**
 * The byline printed on the page, for pages without author metadata: the
 * marked-up author (itemprop, rel=author, "byline"/"author" classes), else a
 * short line that reads "By Jane Doe". Comment authors and related stories'
 * bylines are not the story's.
 */
export function visibleByline(doc: DomDocument): string | null {
  for (const selector of BYLINE_SELECTORS) {
    const found = all(doc, selector).filter((el) => !insideFurniture(el, AWAY_FROM_STORY));
    const names: string[] = [];
    for (const el of found) {
      const name = cleanByline(el.getAttribute('content') ?? visibleLines(el)[0] ?? '');
      if (name && !names.includes(name)) names.push(name);
    }
    if (names.length > 0) return names.join(', ');
  }
  for (const el of all(doc, 'p, div, span, address, strong, b, em, h4, h5, h6, li')) {
    // The cheap tests first: every element of the page passes through here.
    if (el.children.length > 3 || textOf(el).length > 120) continue;
    const text = visibleLines(el)[0] ?? '';
    if (!/^(?:by|written by|words by|story by|reporting by)\s+\p{Lu}/iu.test(text) || insideFurniture(el, AWAY_FROM_STORY)) continue;
    const name = cleanByline(text);
    if (name) return name;
  }
  return null;
}

/**
 * A byline's names alone: "By Jane Doe | 14 March 2026" → "Jane Doe",
 * "Jane Doe, Staff Writer" → "Jane Doe", "By Jane Doe and Sam Ito" kept as
 * "Jane Doe and Sam Ito". Null when what is left does not look like a name.
 */
export function cleanByline(raw: string): string | null {
  let text = normaliseSpaces(raw)
    .replace(/^(?:(?:written|words|story|reporting|text|report)\s+)?by[:\s]+/i, '')
    .replace(/^(?:author|authors|byline)\s*:\s*/i, '')
    .split(/\s+[|·•—–]\s+|\s+-\s+|\n/)[0] ?? '';
  text = text.replace(/\S+@\S+\.\S+/g, '').replace(/@\w+/g, '');
  // A role after a comma is not a second name: "Jane Doe, Harbour Reporter".
  const [first, ...rest] = text.split(/\s*,\s*/);
  const kept = [first ?? '', ...rest.filter((part) => !ROLE_WORDS.test(part) && !/\d/.test(part) && /^\p{Lu}/u.test(part))];
  text = kept
    .join(', ')
    .replace(/\s+(?:updated|published|posted)\b.*$/i, '')
    .replace(/\s+(?:on\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d).*$/i, '')
    .trim();
  text = text.replace(/[\s,;:.]+$/u, '');
  if (!text || /\d|https?:|www\./i.test(text) || text.length > 80) return null;
  const words = text.split(/\s+/);
  if (words.length > 12 || !/^\p{Lu}/u.test(text)) return null;
  return text;
}
