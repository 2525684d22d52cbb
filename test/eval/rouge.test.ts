import { describe, expect, it } from 'vitest';
import { rougeL, rougeLsum, rougeN, rougeTokens } from '../../src/eval/rouge.js';

// Test vectors from Google's rouge-score test suite (target first, prediction second).
describe('rougeN', () => {
  it('scores unigrams', () => {
    const s = rougeN('testing one two', 'testing', 1);
    expect(s.precision).toBe(1);
    expect(s.recall).toBeCloseTo(1 / 3, 10);
    expect(s.fmeasure).toBeCloseTo(0.5, 10);
  });

  it('scores bigrams', () => {
    const s = rougeN('testing one two', 'testing one', 2);
    expect(s.precision).toBe(1);
    expect(s.recall).toBeCloseTo(0.5, 10);
    expect(s.fmeasure).toBeCloseTo(2 / 3, 10);
  });

  it('clips repeated n-grams to the count in the target', () => {
    const s = rougeN('the cat', 'the the the', 1);
    expect(s.precision).toBeCloseTo(1 / 3, 10);
    expect(s.recall).toBeCloseTo(1 / 2, 10);
  });

  it('scores 0 when either side is empty or only punctuation', () => {
    expect(rougeN('', 'testing', 1).fmeasure).toBe(0);
    expect(rougeN('testing', '', 1).fmeasure).toBe(0);
    expect(rougeN('testing', '!!! ...', 1).fmeasure).toBe(0);
    expect(rougeN('one', 'one', 2).fmeasure).toBe(0);
  });
});

describe('rougeL', () => {
  it('scores the longest common subsequence', () => {
    const s = rougeL('testing one two', 'testing one');
    expect(s.precision).toBe(1);
    expect(s.recall).toBeCloseTo(2 / 3, 10);
    expect(s.fmeasure).toBeCloseTo(0.8, 10);
  });

  it('scores 0 for an empty side', () => {
    expect(rougeL('', 'testing').fmeasure).toBe(0);
  });
});

describe('rougeLsum', () => {
  it('takes the union of LCS matches over prediction sentences', () => {
    const s = rougeLsum('w1 w2 w3 w4 w5', 'w1 w2 w6 w7 w8\nw1 w3 w8 w9 w5');
    expect(s.recall).toBeCloseTo(0.8, 10);
    expect(s.precision).toBeCloseTo(0.4, 10);
    expect(s.fmeasure).toBeCloseTo(0.5333, 4);
  });

  it('uses each token at most as often as it occurs on both sides', () => {
    const s = rougeLsum('a b\na b', 'a b');
    expect(s.precision).toBe(1);
    expect(s.recall).toBe(0.5);
  });

  it('scores 0 for an empty or all-punctuation side', () => {
    expect(rougeLsum('', 'w1').fmeasure).toBe(0);
    expect(rougeLsum('w1', '\n--\n').fmeasure).toBe(0);
  });
});

describe('rougeTokens', () => {
  it('lowercases, splits on non-alphanumerics and stems only long tokens', () => {
    expect(rougeTokens("The runners' running-shoes, was 3.5!")).toEqual(['the', 'runner', 'run', 'shoe', 'was', '3', '5']);
  });

  it('drops letters outside a-z as rouge-score does', () => {
    expect(rougeTokens('café £600m')).toEqual(['caf', '600m']);
  });
});
