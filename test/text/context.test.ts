import { describe, expect, it } from 'vitest';
import { leansOnPrevious, nameIntroductions } from '../../src/text/context.js';

const introducedAt = (sentences: readonly string[]): number[][] => nameIntroductions(sentences).map((needs) => needs.map((n) => n.at));

describe('leansOnPrevious', () => {
  it.each([
    ['He voted against the plan.', 'pronoun'],
    ['She has run the bakery since 1998.', 'pronoun'],
    ['They met again on Friday.', 'pronoun'],
    ["It's the third closure this year.", 'pronoun'],
    ['His boat was the last one in.', 'pronoun'],
    ['In March, he sold the boat to his nephew.', 'pronoun'],
    ['Ahead of the vote, we asked her what would change.', 'pronoun'],
  ])('a pronoun subject: %s', (sentence, why) => {
    expect(leansOnPrevious(sentence)).toBe(why);
  });

  it.each([
    ['But the ferry never came.'],
    ['And the pier stayed shut.'],
    ['However, the budget was cut.'],
    ['Also on the list is a new slipway.'],
    ['Still, the market made money.'],
    ['That means higher fees for everyone.'],
    ['This is the second delay.'],
    ['These are the oldest nets in the bay.'],
    ['The group raised four thousand pounds.'],
    ['The other two boats sank.'],
    ['Worries about the harbour do, however, remain.'],
  ])('a connective: %s', (sentence) => {
    expect(leansOnPrevious(sentence)).toBe('connective');
  });

  it.each([
    ['"The water came up to the shelves," she said.'],
    ['“We will reopen in spring,” he added.'],
    ["'Nobody was hurt,' they said in a statement."],
    ['The work is on schedule, she said.'],
  ])('a quotation attributed to a pronoun: %s', (sentence) => {
    expect(leansOnPrevious(sentence)).toBe('pronoun-speaker');
  });

  it('flags a quotation with no speaker at all', () => {
    expect(leansOnPrevious('"The rules are for the few boats nobody checks."')).toBe('unattributed-quote');
    expect(leansOnPrevious('‘We were lucky.’')).toBe('unattributed-quote');
  });

  it.each([
    ['The council approved the budget on Tuesday.'],
    ['This year the festival sold out in an hour.'],
    ['This week the bridge reopens.'],
    ['There were 40 boats in the race.'],
    ['So far, nobody has complained.'],
    ['"The rules are clear," said harbourmaster Ines Vale.'],
    ['Harbourmaster Ines Vale said she was pleased.'],
    ['Ines Vale, who runs the harbour, said it would reopen.'],
    ['“That’s the sound of the tide,” said Ines Vale.'],
    ['Thessaly Park reopened on Monday.'],
    ['Sixty boats took part.'],
  ])('stands alone: %s', (sentence) => {
    expect(leansOnPrevious(sentence)).toBeNull();
  });
});

describe('nameIntroductions', () => {
  it('links a surname used alone to the sentence that gave the full name', () => {
    const sentences = [
      'At dawn, Odile Marchand checks her lobster pots off Gull Point.',
      'The season has been poor.',
      'Marchand, 52, has fished the point for thirty years.',
      'Marchand said the water was too warm.',
    ];
    expect(introducedAt(sentences)).toEqual([[], [], [0], [0]]);
  });

  it('treats a title before the surname as not enough', () => {
    const sentences = ['Walker Ned Fairley found the seal on the beach.', 'Mr Fairley, a retired teacher, said he would watch the release.'];
    expect(introducedAt(sentences)).toEqual([[], [0]]);
  });

  it('needs nothing when the sentence names the person in full again', () => {
    const sentences = ['Odile Marchand fishes off Gull Point.', 'Odile Marchand said the season was poor.'];
    expect(introducedAt(sentences)).toEqual([[], []]);
  });

  it('ignores place names that look like a given name and a surname', () => {
    const sentences = [
      'Ferries leave Harbour City every hour.',
      'City officials want more of them.',
      'The Harbour City council said yes.',
    ];
    expect(introducedAt(sentences)).toEqual([[], [], []]);
  });

  it('counts the sentences that mention the person', () => {
    const sentences = [
      'Odile Marchand fishes off Gull Point.',
      'Marchand said the season was poor.',
      'The harbour is quiet.',
      'Marchand, 52, has fished there for years.',
    ];
    expect(nameIntroductions(sentences)[3]).toEqual([{ at: 0, mentions: 3 }]);
  });

  it('only counts a surname the article uses for a person', () => {
    // "Brook" is never said to speak, nor given an age or a title.
    const sentences = ['The Alder Brook runs past the mill.', 'Brook water is clean again.'];
    expect(introducedAt(sentences)).toEqual([[], []]);
  });
});
