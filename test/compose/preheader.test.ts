import { describe, expect, it } from 'vitest';
import { derivePreheader, truncateWords } from '../../src/compose/preheader.js';
import type { DigestArticle } from '../../src/index.js';

function article(title: string, summary: string[] = ['The board voted on Tuesday to freeze ferry fares for the whole of the winter season.']): DigestArticle {
  return { slug: title, title, url: 'https://x.example.org', date: '2026-11-30', author: null, source: null, summary, pullQuote: null, photo: null };
}

describe('derivePreheader', () => {
  it('lists the headlines the subject does not show', () => {
    const articles = [article('Ferry fares frozen'), article('Library reopens after flood'), article('Night market moves to the quay')];
    expect(derivePreheader(articles, 'Weekly: Ferry fares frozen')).toBe('Also inside: Library reopens after flood · Night market moves to the quay');
  });

  it('uses the lead summary for a single article', () => {
    const text = derivePreheader([article('Ferry fares frozen')], 'Weekly: Ferry fares frozen');
    expect(text).toBe('The board voted on Tuesday to freeze ferry fares for the whole of the winter season.');
  });

  it('adds the lead summary when the headlines are too short', () => {
    const text = derivePreheader([article('Fares'), article('Tides')], 'Weekly: Fares');
    expect(text.startsWith('Also inside: Tides — The board voted')).toBe(true);
    expect(text.length).toBeGreaterThanOrEqual(40);
    expect(text.length).toBeLessThanOrEqual(130);
  });

  it('stays within 130 characters, cut between words', () => {
    const many = Array.from({ length: 12 }, (_, i) => article(`A fairly long headline number ${i} about the harbour`));
    const text = derivePreheader(many, 'Weekly: A fairly long headline number 0 about the harbour');
    expect(text.length).toBeLessThanOrEqual(130);
    expect(text.endsWith('…')).toBe(true);
    expect(text).not.toMatch(/\s…$/);
  });
});

describe('truncateWords', () => {
  it('leaves short text alone', () => expect(truncateWords('short text', 20)).toBe('short text'));
  it('never cuts inside a word', () => expect(truncateWords('alpha beta gamma delta', 15)).toBe('alpha beta…'));
});
