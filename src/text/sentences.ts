/**
 * Sentence splitting for news text. PLACEHOLDER: a naive splitter with the
 * final signature; to be replaced by the real one.
 */

export interface Sentence {
  /** The sentence exactly as it appears in the text: `text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** Index of the paragraph (blank-line separated block) it belongs to. */
  paragraph: number;
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  const re = /[^\n]+?(?:[.!?]+["'”’)]*(?=\s|$)|(?=\n)|$)/g;
  let prevEnd = 0;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (!body) continue;
    const start = (m.index ?? 0) + lead;
    if (/\n\s*\n/.test(text.slice(prevEnd, start)) && out.length > 0) paragraph++;
    out.push({ text: body, start, end: start + body.length, paragraph });
    prevEnd = start + body.length;
  }
  return out;
}
