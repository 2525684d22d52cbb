import { describe, expect, it } from 'vitest';
import { emptyQuoteState, hasUnbalancedQuotes, insideQuotation, scanQuotes } from '../../src/text/quotes.js';
import { splitSentences } from '../../src/text/sentences.js';

const roles = (text: string): string[] => scanQuotes(text, emptyQuoteState()).map((m) => `${m.family} ${m.role} @${m.at}`);

describe('scanQuotes', () => {
  it('reads curly double quotes by their shape', () => {
    expect(roles('“Go,” she said.')).toEqual(['double open @0', 'double close @4']);
  });

  it('tells opening from closing straight quotes by what stands around them', () => {
    expect(roles('The "smart" buoys.')).toEqual(['double open @4', 'double close @10']);
    expect(roles('"Go," she said.')).toEqual(['double open @0', 'double close @4']);
  });

  it('does not count apostrophes as quotation marks', () => {
    expect(roles('Don’t touch Ana’s boat in the ’90s.')).toEqual([]);
    expect(roles("Don't touch Ana's boat in the '90s, or 'em.")).toEqual([]);
    expect(roles('The growers’ boats are back.')).toEqual([]);
  });

  it('reads single quotation marks, straight and curly', () => {
    expect(roles("'We sail at six,' he said.")).toEqual(['single open @0', 'single close @16']);
    expect(roles('‘We sail at six,’ he said.')).toEqual(['single open @0', 'single close @16']);
  });

  it('takes back a closing mark that was only a plural possessive', () => {
    expect(roles("'The growers' boats are back,' he said.")).toEqual(['single open @0', 'single close @29']);
  });
});

describe('hasUnbalancedQuotes', () => {
  it.each([
    ['“The water does not wait.', true],
    ['The bus is not the harbour.”', true],
    ["Sanctuary staff said: 'She is eating well.", true],
    ["She is eating well,' she added.", true],
    ['“The water does not wait,” said the grower.', false],
    ['The so-called "smart" buoys report every hour.', false],
    ["The growers' boats and Ana's nets are back.", false],
    ["'We love the growers' boats,' he said.", false],
    ['Nothing quoted here at all.', false],
  ])('%s', (sentence, unbalanced) => {
    expect(hasUnbalancedQuotes(sentence)).toBe(unbalanced);
  });
});

describe('insideQuotation', () => {
  const inside = (text: string): [string, boolean][] => {
    const sentences = splitSentences(text);
    const flags = insideQuotation(text, sentences);
    return sentences.map((s, i) => [s.text, flags[i] as boolean]);
  };

  it('marks the middle of a long quotation, which has no marks of its own', () => {
    const speech = Array.from({ length: 7 }, (_, i) => `We mended net number ${i + 1} of the twelve nets on the quay.`);
    const text = `The skipper spoke at length. "${speech.join(' ')}" The crowd clapped.`;
    const flags = inside(text);
    expect(flags[0]).toEqual(['The skipper spoke at length.', false]);
    expect(flags[1]?.[1]).toBe(false);
    expect(flags.slice(2, 8).every(([, f]) => f)).toBe(true);
    expect(flags.at(-1)).toEqual(['The crowd clapped.', false]);
  });

  it('starts again at a line break and at a sentence that opens its own quotation', () => {
    const text = '“We lost the boat. I cannot say more than that about it, really, not today and not at all.\n\nThe council met.';
    const flags = inside(text);
    expect(flags.at(-1)).toEqual(['The council met.', false]);
  });
});
