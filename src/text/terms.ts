import { stemmer } from 'stemmer';
import { STOPWORDS } from './stopwords.js';

/**
 * The content words of a text, lowercased and stemmed, so that "elections"
 * and "election" count as one term when sentences are compared.
 */
export function contentTerms(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    const word = match[0].replace(/’/g, "'");
    if (STOPWORDS.has(word) || word.length < 2) continue;
    terms.push(stemmer(word.replace(/'s$/, '')));
  }
  return terms;
}
