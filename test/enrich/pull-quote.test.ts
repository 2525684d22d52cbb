import { describe, expect, it } from 'vitest';
import { findQuotes, pickPullQuote } from '../../src/enrich/pull-quote.js';

/** Every quotation found is an exact slice of the article, marks left out. */
function expectVerbatim(text: string): void {
  for (const q of findQuotes(text)) {
    expect(q.text).toBe(text.slice(q.start, q.end));
    expect(q.text).not.toMatch(/^["“”‘’']|["“”‘’']$/u);
  }
  for (const options of [{}, { fallback: true }]) {
    const pick = pickPullQuote(text, options);
    if (pick) expect(text).toContain(pick.text);
  }
}

describe('findQuotes', () => {
  it('finds curly double quotations and the speaker after them', () => {
    const text =
      'The ferry will run again in May. “We have waited two winters for this boat and the whole island is ready for it,” said Marta Quinlan, who runs the harbour cafe.';
    const [quote] = findQuotes(text);
    expect(quote?.text).toBe('We have waited two winters for this boat and the whole island is ready for it,');
    expect(quote?.speaker).toBe('Marta Quinlan');
    expectVerbatim(text);
  });

  it('finds straight double quotations with "X said"', () => {
    const text = 'Work starts on Monday. "The road will close at night only, so buses keep running by day," Tomas Berg said.';
    const [quote] = findQuotes(text);
    expect(quote?.text).toBe('The road will close at night only, so buses keep running by day,');
    expect(quote?.speaker).toBe('Tomas Berg');
  });

  it('reads Daily Mail straight single quotes and resolves "she" to the person named before', () => {
    const text =
      "Nurse Ada Pemberton, 52, spent the night with the stranded walkers. 'We are delighted that everyone came down the hill safely,' she said.";
    const [quote] = findQuotes(text);
    expect(quote?.text).toBe('We are delighted that everyone came down the hill safely,');
    expect(quote?.speaker).toBe('Ada Pemberton');
    expect(quote?.source).toBe('pronoun');
  });

  it('does not take apostrophes for quotation marks', () => {
    const text =
      "The band didn't play Jupiter's Moons, a hit from the '90s, and rock 'n' roll fans left early. The players' union met the club's owners twice.";
    expect(findQuotes(text)).toEqual([]);
  });

  it('keeps apostrophes and plural possessives inside a single-quoted quotation', () => {
    const text =
      "'The players' union won't accept a deal that cuts the youth teams' budget again,' said Rory Dunmore, the union's chairman.";
    const [quote] = findQuotes(text);
    expect(quote?.text).toBe("The players' union won't accept a deal that cuts the youth teams' budget again,");
    expect(quote?.speaker).toBe('Rory Dunmore');
    expectVerbatim(text);
  });

  it('keeps a nested quotation of the other kind inside the outer one', () => {
    const text = `"He called the referee's decision 'a disgrace to the game' and I agreed with every word," said Ines Okafor.`;
    const [quote] = findQuotes(text);
    expect(quote?.text).toBe("He called the referee's decision 'a disgrace to the game' and I agreed with every word,");
    expect(findQuotes(text)).toHaveLength(1);
  });

  it('follows a quotation across paragraphs that reopen it', () => {
    const text = [
      'The mayor, Colm Ferris, said: “The bridge has carried this town for ninety years and it deserves a proper repair.',
      '“We will keep one lane open for the whole of the work, and the ferry will run every hour.”',
      'The council meets again next week.',
    ].join('\n\n');
    const quotes = findQuotes(text);
    expect(quotes).toHaveLength(2);
    expect(quotes[0]?.group).toBe(quotes[1]?.group);
    expect(quotes[0]?.closed).toBe(false);
    expect(quotes[1]?.text).toBe('We will keep one lane open for the whole of the work, and the ferry will run every hour.');
    expect(quotes.map((q) => q.speaker)).toEqual(['Colm Ferris', 'Colm Ferris']);
    expectVerbatim(text);
  });

  it('follows a reopened quotation when the paragraph breaks were flattened', () => {
    const text =
      "Coach Lena Varga said: 'We trained hard all winter. 'Now the girls can show what they have learned this season.'";
    const quotes = findQuotes(text);
    expect(quotes.map((q) => q.text)).toEqual([
      'We trained hard all winter.',
      'Now the girls can show what they have learned this season.',
    ]);
    expect(quotes[0]?.group).toBe(quotes[1]?.group);
  });

  it('takes the speaker from a cue before the quotation', () => {
    const text = 'Harbour master Ivo Rask told reporters on Tuesday: “No ship will be allowed in until the wreck is lifted.”';
    expect(findQuotes(text)[0]?.speaker).toBe('Ivo Rask');
    expect(findQuotes('Skipper Ruth Ames said: “Nobody should be out in weather like that.”')[0]?.speaker).toBe('Ruth Ames');
  });

  it('drops titles and job descriptions in front of a name, and shows later surnames in full', () => {
    const text = [
      'NASA chief scientist Ellen Stofan spoke at the panel.',
      '"We know where to look, and we know how to look for it now," Stofan said.',
    ].join(' ');
    expect(findQuotes(text)[0]?.speaker).toBe('Ellen Stofan');
  });

  it('finds the name in an appositive and drops an honorific before a full name', () => {
    const text = '“He is much better and will be home by Friday,” said his daughter, Claudette Rowe.';
    expect(findQuotes(text)[0]?.speaker).toBe('Claudette Rowe');
    const nurse = '“We are not going anywhere until the job is done,” said Ms. Ada Obi, 45, a nurse.';
    expect(findQuotes(nurse)[0]?.speaker).toBe('Ada Obi');
  });

  it('understands cue verbs beyond "said"', () => {
    const cases: Array<[string, string]> = [
      ['“The vote was never going to be close,” Piet Adler told the Gazette.', 'Piet Adler'],
      ['“We will appeal the ruling in the spring,” added Rosa Klee.', 'Rosa Klee'],
      ['Joan Mbeki insisted: “Nobody lost a single day of pay over this.”', 'Joan Mbeki'],
      ['“Best night of my life,” Kurt Hollis tweeted after the match.', 'Kurt Hollis'],
      ['According to Nadia Fares, “the dredging will finish before the summer.”', 'Nadia Fares'],
    ];
    for (const [text, speaker] of cases) expect(findQuotes(text)[0]?.speaker, text).toBe(speaker);
  });

  it('continues the speaker of the quotation just before', () => {
    const text = '“We know where to look,” said Ellen Stofan. “In most cases, we already have the technology to do it.”';
    expect(findQuotes(text).map((q) => q.speaker)).toEqual(['Ellen Stofan', 'Ellen Stofan']);
    expect(findQuotes(text)[1]?.cue).toBe('continued');
  });

  it('leaves a description as the speaker rather than inventing a name', () => {
    const text = 'Rain fell all week. “Nobody could have expected the river to rise this fast,” a spokesman for the council said.';
    const [quote] = findQuotes(text);
    expect(quote?.source).toBe('description');
    expect(quote?.speaker).toBe('a spokesman for the council');
  });
});

describe('pickPullQuote', () => {
  it('prefers an attributed whole-sentence quotation to a scare quote or a title', () => {
    const text = [
      'The “Star Trek” fans called the new ship design “next level” on opening night.',
      '“I have waited forty years to see a model this detailed, and it was worth every minute,” said collector Hana Ruiz.',
    ].join(' ');
    expect(pickPullQuote(text)).toEqual({
      text: 'I have waited forty years to see a model this detailed, and it was worth every minute',
      speaker: 'Hana Ruiz',
    });
  });

  it('does not pull a quotation that no cue attributes', () => {
    const text = 'The report ended with a warning. “Nobody should expect the river to stay inside its banks this winter.”';
    expect(findQuotes(text)[0]?.source).toBe('none');
    expect(pickPullQuote(text)).toBeNull();
  });

  it('ranks a named person above a description', () => {
    const text = [
      '“The council will have to find the money somewhere, and soon,” a spokesman for the mayor said.',
      '“We have asked for this bridge for twenty years and we will keep asking,” said resident Ola Nygaard.',
    ].join(' ');
    expect(pickPullQuote(text)?.speaker).toBe('Ola Nygaard');
  });

  it('does not attribute imagined words', () => {
    const text = 'I hope that next year the council says, “We got the harbour wrong and we will fix it this summer.”';
    expect(findQuotes(text)[0]?.speaker).toBeNull();
    expect(pickPullQuote(text)).toBeNull();
  });

  it('returns null when the only quotations are scare quotes and titles', () => {
    const text = 'The show "Star Trek" returns in the autumn with what its producers call "a bolder crew".';
    expect(pickPullQuote(text)).toBeNull();
  });

  it('cuts a quotation longer than the maximum into whole sentences, verbatim', () => {
    const long =
      'The harbour wall was built in 1887 and it has never had a full repair. ' +
      'Every winter the storms take a little more of it away from us. ' +
      'If we do nothing now, the fishing fleet will have nowhere safe to land within ten years. ' +
      'That is why we are asking the government for help this spring.';
    const text = `“${long}” said harbour master Owen Pryce.`;
    const pick = pickPullQuote(text);
    expect(pick?.speaker).toBe('Owen Pryce');
    expect(pick?.text.length).toBeLessThanOrEqual(200);
    expect(pick?.text.length).toBeGreaterThanOrEqual(40);
    expect(long).toContain(pick?.text ?? '');
    expect(pick?.text).toMatch(/^[A-Z].*[.!?]$/u);
  });

  it('honours min and max', () => {
    const text = '“We won, and that is all that matters tonight,” said Bea Lund.';
    expect(pickPullQuote(text)?.text).toBe('We won, and that is all that matters tonight');
    expect(pickPullQuote(text, { min: 60 })).toBeNull();
    expect(pickPullQuote(text, { max: 30 })).toBeNull();
  });

  it('prefers a quotation that does not repeat the summary', () => {
    const first = '“The new ferry will cut the crossing from forty minutes to twenty-five,” said Aino Salo.';
    const second = '“Islanders have asked for a faster boat since the day the old one was launched,” said Aino Salo.';
    const text = `${first} ${second}`;
    expect(pickPullQuote(text)?.text).toContain('The new ferry');
    expect(pickPullQuote(text, { avoid: [first] })?.text).toContain('Islanders have asked');
  });

  it('returns null without quotations, and a striking sentence with fallback', () => {
    const text = [
      'By Jo Marsh',
      'The lighthouse on Gull Rock was switched off on Friday after 140 years of service.',
      'Its lamp will go on display at the town museum next spring, next to the keeper’s log books.',
      'Photo: Lee Grant/Coast Press',
    ].join('\n\n');
    expect(pickPullQuote(text)).toBeNull();
    const pick = pickPullQuote(text, { fallback: true });
    expect(pick?.speaker).toBeNull();
    expect(pick?.text).toBe('The lighthouse on Gull Rock was switched off on Friday after 140 years of service.');
    const avoiding = pickPullQuote(text, {
      fallback: true,
      avoid: ['The lighthouse on Gull Rock was switched off on Friday after 140 years of service.'],
    });
    expect(avoiding?.text).toBe('Its lamp will go on display at the town museum next spring, next to the keeper’s log books.');
  });

  it('returns null with fallback when no sentence fits', () => {
    expect(pickPullQuote('Short text.', { fallback: true })).toBeNull();
  });

  it('is deterministic and verbatim on mixed text', () => {
    const text = [
      "Sam O'Neill's boat came in at dawn. 'It was the roughest sea I've seen since the '90s,' he said.",
      '“Nobody should be out there in weather like that, not for any catch,” said skipper Ruth Ames.',
    ].join('\n\n');
    expectVerbatim(text);
    expect(pickPullQuote(text)).toEqual(pickPullQuote(text));
  });
});
