import { describe, expect, it } from 'vitest';
import { columns, wrap } from '../../src/render/wrap.js';

describe('wrap', () => {
  it('wraps at word boundaries within the width', () => {
    const text = 'The harbour board voted on Tuesday to freeze ferry fares for the winter, a decision welcomed by commuters on both sides of the bay.';
    const lines = wrap(text, { width: 40 }).split('\n');
    expect(lines.every((l) => columns(l) <= 40)).toBe(true);
    expect(lines.join(' ')).toBe(text);
  });

  it('indents continuation lines', () => {
    expect(wrap('one two three four', { width: 10, indent: '  ', firstIndent: '1. ' })).toBe('1. one two\n  three\n  four');
  });

  it('gives a long URL its own line, unbroken', () => {
    const url = `https://news.example.org/${'a'.repeat(90)}`;
    expect(wrap(`Read ${url} now`, { width: 78 }).split('\n')).toEqual(['Read', url, 'now']);
  });

  it('counts accented letters as one column', () => {
    expect(columns('Café Ünal — Zoë')).toBe(15);
  });
});
