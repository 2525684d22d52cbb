import { describe, expect, it } from 'vitest';
import { bylineEnd, contentStart, isCaption, isFurniture } from '../../src/text/furniture.js';

describe('contentStart', () => {
  it.each([
    ['(CNN)The river rose.', 'The river rose.'],
    ['Washington (CNN)The vote failed.', 'The vote failed.'],
    ['New Delhi, India (CNN)Tremors were felt.', 'Tremors were felt.'],
    ['LONDON, England (Reuters) -- Ministers met.', 'Ministers met.'],
    ['LONDON (Reuters) - Rates held.', 'Rates held.'],
    ['PARIS -- Talks resumed.', 'Talks resumed.'],
    ['By . Staff Reporter . The pier reopened .', 'The pier reopened .'],
    ['The river rose (slowly) overnight.', 'The river rose (slowly) overnight.'],
    ['NASA (the agency) said so.', 'NASA (the agency) said so.'],
  ])('%s', (sentence, own) => {
    expect(sentence.slice(contentStart(sentence))).toBe(own);
  });
});

describe('bylineEnd', () => {
  it('finds the end of a Daily Mail byline block', () => {
    const text = 'By . Staff Reporter . PUBLISHED: . 09:15 EST, 3 March 2014 . | . UPDATED: . 10:40 EST, 3 March 2014 . Story.';
    expect(text.slice(bylineEnd(text, 0))).toBe('Story.');
  });

  it('is -1 where there is no byline', () => {
    expect(bylineEnd('By the river, a house stood.', 0)).toBe(-1);
  });
});

describe('isFurniture', () => {
  it.each(['By Jane Example', 'By Jane Example and Tom Sample for MailOnline', 'Photo: Example Agency', 'Read more: a guide', 'READ MORE: a guide', 'Click here for more', 'Scroll down for video', 'PUBLISHED: . 09:15 EST'])(
    'is true for %s',
    (text) => expect(isFurniture(text)).toBe(true),
  );

  it.each(['By noon the crowd had gone.', 'The photo was taken in May.', 'Readers wrote in.'])('is false for %s', (text) =>
    expect(isFurniture(text)).toBe(false),
  );
});

describe('isCaption', () => {
  it('recognises labelled captions and photo directions', () => {
    expect(isCaption('Flooded: Water filled the basement')).toBe(true);
    expect(isCaption('A volunteer carries litter (pictured) on the beach')).toBe(true);
    expect(isCaption('The mayor said: "We will rebuild."')).toBe(false);
  });

  it('recognises a label with lowercase words, but not a speech verb before a colon', () => {
    expect(isCaption('Close call: A wave swamps the harbour wall')).toBe(true);
    expect(isCaption('In the dock: Kell denies all charges')).toBe(true);
    expect(isCaption("The statement read: 'The pier is closed.'")).toBe(false);
    expect(isCaption("Mr Kell added: 'I am innocent.'")).toBe(false);
  });
});
