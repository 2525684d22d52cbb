import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/load/article.js';
import { splitSentences } from '../../src/text/sentences.js';

/**
 * The phrases listed under `noSplitInside` in the wild fixtures (abbreviations,
 * prices, times, initials) must never have a sentence start or end inside
 * them, whether the splitter sees the raw markdown body or the parsed blocks.
 */
const dir = path.join(import.meta.dirname, '../fixtures/wild');
const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<string, { noSplitInside: string[] }>;

/** Offsets strictly inside `phrase` wherever it occurs in `text` where a sentence starts or ends. */
function cutsInside(text: string, phrase: string): string[] {
  const bounds = splitSentences(text).flatMap((s) => [s.start, s.end]);
  const found: string[] = [];
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    for (const b of bounds) if (b > at && b < at + phrase.length) found.push(`${text.slice(at, b)}|${text.slice(b, at + phrase.length)}`);
  }
  return found;
}

describe.each(Object.entries(expected))('%s', (file, want) => {
  const source = readFileSync(path.join(dir, file), 'utf8');
  const body = source.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
  const { article } = parseArticle(source, file);
  const blocks = article.blocks.flatMap((b) => (b.kind === 'image' ? [] : [b.text])).join('\n\n');

  it('lists phrases that occur in the article', () => {
    for (const phrase of want.noSplitInside) expect(body.includes(phrase) || blocks.includes(phrase), phrase).toBe(true);
  });

  it.each(want.noSplitInside)('never splits inside "%s"', (phrase) => {
    expect(cutsInside(body, phrase)).toEqual([]);
    expect(cutsInside(blocks, phrase)).toEqual([]);
  });
});
