import type { DigestArticle } from '../types.js';

export const PREHEADER_MIN = 40;
export const PREHEADER_MAX = 130;

/**
 * The inbox preview line, 40 to 130 characters, from the content: the
 * headlines the subject does not already show, then the lead summary when
 * there is room. Cut only between words.
 */
export function derivePreheader(articles: readonly DigestArticle[], subject: string): string {
  const unseen = articles.filter((a) => !subject.includes(a.title)).map((a) => a.title);
  const lead = articles[0]?.summary[0] ?? '';
  let text = unseen.length > 0 && unseen.length < articles.length ? `Also inside: ${unseen.join(' · ')}` : lead;
  if (text.length < PREHEADER_MIN && lead && !text.includes(lead)) text = text ? `${text} — ${lead}` : lead;
  if (text.length < PREHEADER_MIN) text = [text, ...articles.map((a) => a.title).filter((t) => !text.includes(t))].filter(Boolean).join(' · ');
  return truncateWords(text, PREHEADER_MAX);
}

/** Cut at the last space that keeps the text, plus an ellipsis, within `max` characters. */
export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  const head = (cut > 0 ? text.slice(0, cut) : text.slice(0, max - 1)).replace(/[\s,;:·—–-]+$/u, '');
  return `${head}…`;
}
