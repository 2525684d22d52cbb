import { normaliseSpaces } from './dom.js';

const SEPARATOR = String.raw`\s+(?:[|·•»:/~]|::|-|–|—)\s+`;

export interface CleanTitle {
  title: string;
  /** The site name cut off the end (or start), when there was one. */
  siteName: string | null;
}

/**
 * A headline without the site name pages add to it ("Story | The Harbour
 * Herald", "Story - Herald", "Herald: Story"). The site name is cut when it is
 * known, when the page's own <h1> is the headline alone, or, for titles that
 * are not a JSON-LD headline (`guess`), when the last part after a bar, or
 * after a dash when it reads as a name, is short.
 */
export function cleanTitle(raw: string, context: { siteName: string | null; headings: readonly string[]; guess: boolean }): CleanTitle {
  const title = normaliseSpaces(raw);
  if (context.siteName) {
    const site = loose(context.siteName);
    const end = new RegExp(`^(.+)${SEPARATOR}(.+)$`, 'u').exec(title);
    if (end?.[1] && end[2] && loose(end[2]) === site) return { title: end[1].trim(), siteName: end[2].trim() };
    const start = new RegExp(`^(.+?)(?:${SEPARATOR}|:\\s+)(.+)$`, 'u').exec(title);
    if (start?.[1] && start[2] && loose(start[1]) === site) return { title: start[2].trim(), siteName: start[1].trim() };
  }
  for (const heading of context.headings.map(normaliseSpaces)) {
    if (!heading || heading === title || heading.split(' ').length < 2) continue;
    const rest = title.startsWith(heading) ? title.slice(heading.length) : null;
    if (rest !== null && new RegExp(`^${SEPARATOR}`, 'u').test(rest)) {
      return { title: heading, siteName: rest.replace(new RegExp(`^${SEPARATOR}`, 'u'), '').trim() || null };
    }
    const lead = title.endsWith(heading) ? title.slice(0, title.length - heading.length) : null;
    if (lead !== null && new RegExp(`(?:${SEPARATOR}|:\\s+)$`, 'u').test(lead)) {
      return { title: heading, siteName: lead.replace(new RegExp(`(?:${SEPARATOR}|:\\s+)$`, 'u'), '').trim() || null };
    }
  }
  if (!context.guess) return { title, siteName: null };
  const barred = /^(.+?)\s+\|\s+(.+)$/u.exec(title);
  if (barred?.[1] && barred[2] && barred[2].split(/\s+/).length <= 6 && barred[1].split(/\s+/).length >= 3) {
    return { title: barred[1].trim(), siteName: barred[2].split(/\s+\|\s+/).at(-1)?.trim() ?? null };
  }
  const dashed = /^(.+)\s+(?:-|–|—|·|•|::)\s+([^-–—·•]+)$/u.exec(title);
  if (dashed?.[1] && dashed[2] && looksLikeSiteName(dashed[2]) && dashed[1].split(/\s+/).length >= 3) {
    return { title: dashed[1].trim(), siteName: dashed[2].trim() };
  }
  return { title, siteName: null };
}

/** Short, and every word capitalised or a domain: "The Harbour Herald", "KelpieCoast.example.org". */
function looksLikeSiteName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length > 5) return false;
  const minor = new Set(['the', 'of', 'and', 'for', 'on', 'in', 'a', '&']);
  return words.every((w) => /^[\p{Lu}\d]/u.test(w) || minor.has(w.toLowerCase()) || /\.\w{2,}$/.test(w)) && /^[\p{Lu}\d]/u.test(words[0] ?? '');
}

/** For comparing site names: case, a leading "The", a domain ending and punctuation do not matter. */
function loose(text: string): string {
  return text
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\.(?:com|org|net|co\.uk|news)$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
