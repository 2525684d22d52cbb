import { describe, expect, it } from 'vitest';
import { renderSubject, subjectVariables } from '../../src/compose/subject.js';
import { GazetteError, type DigestArticle } from '../../src/index.js';

const article = (title: string): DigestArticle => ({ slug: 's', title, url: 'https://x.example.org', date: '2026-11-30', author: null, source: null, summary: [], pullQuote: null, photo: null });

describe('renderSubject', () => {
  const vars = subjectVariables('The Tide', '2026-11-30', 'en-GB', [article('Ferry fares frozen'), article('Library reopens')]);

  it('fills the pattern', () => {
    expect(renderSubject('{{name}}, {{date}}: {{firstTitle}} and {{moreCount}} more', vars)).toBe('The Tide, 30 November 2026: Ferry fares frozen and 1 more');
  });

  it('does not HTML-escape a header', () => {
    expect(renderSubject('{{firstTitle}}', subjectVariables('T', '2026-11-30', 'en', [article('Q&A: "Tides" <live>')]))).toBe('Q&A: "Tides" <live>');
  });

  it('never lets a line break from a title reach the header', () => {
    const subject = renderSubject('{{firstTitle}}', subjectVariables('T', '2026-11-30', 'en', [article('Hi\r\nBcc: x@evil.example')]));
    expect(subject).toBe('Hi Bcc: x@evil.example');
  });

  it('names an unknown placeholder as a config error', () => {
    try {
      renderSubject('{{nmae}}', vars);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GazetteError);
      expect((error as GazetteError).code).toBe('CONFIG_INVALID');
      expect((error as GazetteError).message).toContain('{{firstTitle}}');
    }
  });
});
