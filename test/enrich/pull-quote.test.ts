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

  it('follows a reopened quotation after a quotation nested in it', () => {
    const text =
      "Coach Ada Lund said: 'When it was over I just kept thinking, 'OK, something is off today.' 'I know something is not right. I want to find it.'";
    const quotes = findQuotes(text);
    expect(quotes.map((q) => q.text)).toEqual([
      "When it was over I just kept thinking, 'OK, something is off today.'",
      'I know something is not right. I want to find it.',
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Ada Lund', 'Ada Lund']);
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

describe('nicknames inside names', () => {
  it('reads Marguerite "Maggie" Doyle as Marguerite Doyle and never quotes the nickname', () => {
    const text =
      '"We had the boat in the water inside eight minutes, which is as fast as this crew has ever launched," said coxswain Ottilie "Tilly" Brannagh, who led the crew.';
    const quotes = findQuotes(text);
    expect(quotes.map((q) => q.text)).toEqual([
      'We had the boat in the water inside eight minutes, which is as fast as this crew has ever launched,',
    ]);
    expect(quotes[0]?.speaker).toBe('Ottilie Brannagh');
    expect(pickPullQuote(text)?.speaker).toBe('Ottilie Brannagh');
    expectVerbatim(text);
  });

  it('handles curly and single-quoted nicknames the same way', () => {
    const cases = [
      '“The tide turned an hour early and caught every one of us by surprise,” said skipper Ewan “Sandy” Mulgrew.',
      "'The tide turned an hour early and caught every one of us by surprise,' said skipper Ewan 'Sandy' Mulgrew.",
      '‘The tide turned an hour early and caught every one of us by surprise,’ said skipper Ewan ‘Sandy’ Mulgrew.',
    ];
    for (const text of cases) {
      const quotes = findQuotes(text);
      expect(quotes, text).toHaveLength(1);
      expect(quotes[0]?.speaker, text).toBe('Ewan Mulgrew');
      expect(quotes.some((q) => q.text === 'Sandy'), text).toBe(false);
    }
  });

  it('shows the full name when the cue uses the nickname alone', () => {
    const text = [
      'The relay was won by Harriet \'Hattie\' Lindqvist, who swam the last leg.',
      "'I was sure the girl in lane four had me until the last ten metres,' Hattie told the Gazette.",
    ].join(' ');
    expect(findQuotes(text)[0]?.speaker).toBe('Harriet Lindqvist');
  });
});

describe('photo captions run into the text', () => {
  it('follows a quotation across a caption that interrupts it', () => {
    const text =
      "Trainer Bram Kettleby said: 'The colt is in great form. I could not be happier with him. " +
      "Kettleby's colt Sea Lantern is the favourite for the race on Saturday 'He has been working well on the gallops and he loves soft ground. " +
      "'We will find out on Saturday whether he is as good as we think he is.'";
    const quotes = findQuotes(text);
    expect(quotes.map((q) => q.text)).toEqual([
      'The colt is in great form. I could not be happier with him.',
      'He has been working well on the gallops and he loves soft ground.',
      'We will find out on Saturday whether he is as good as we think he is.',
    ]);
    expect(new Set(quotes.map((q) => q.group)).size).toBe(1);
    expect(quotes.map((q) => q.speaker)).toEqual(['Bram Kettleby', 'Bram Kettleby', 'Bram Kettleby']);
    for (const q of quotes) expect(q.text).not.toContain('favourite');
  });

  it('leaves out caption sentences that end in a full stop and say "(pictured)"', () => {
    const text =
      "Judge Corinne Aldous said: 'It is not for this court to decide what the crowd should have felt. " +
      "'Nor is it my job to guess how the town would react to such a stunt. Halvorsen (pictured last week) said the crowd chased the crew out of town. " +
      "His producer, Ned Ambler (right), denied choosing the sign 'My job is only to decide whether a law was broken.'";
    const quotes = findQuotes(text);
    expect(quotes.map((q) => q.text)).toContain('Nor is it my job to guess how the town would react to such a stunt.');
    for (const q of quotes) expect(q.text).not.toContain('pictured');
    const pick = pickPullQuote(text);
    expect(pick?.text).not.toContain('pictured');
    expect(pick?.speaker).toBe('Corinne Aldous');
  });

  it('does not merge a caption or a publication into the speaker', () => {
    const text =
      'The groom wiped away tears as Tobias sang about their childhood Speaking to the Harbour Times Tobias said the song took him a month to write. ' +
      "'I wrote it on the ferry to work every morning and I had no idea it would make everyone cry,' he said. " +
      'Tobias Wrenfield, 27, is a music teacher in Port Ellis.';
    expect(findQuotes(text)[0]?.speaker).toBe('Tobias Wrenfield');
  });

  it('starts a name after a caption ran into it ("… Drake Here Promise holds …")', () => {
    const text =
      'In this look Ottoline turned herself into the singer Bowie Here Ottoline holds a guitar as she poses for the camera. ' +
      "On her channel she writes: 'I use make-up to turn myself into famous singers and film characters.' " +
      'Ottoline Marsh started the channel in 2011.';
    expect(findQuotes(text)[0]?.speaker).toBe('Ottoline Marsh');
  });
});

describe('titles and descriptions', () => {
  it('takes titles such as Harbourmaster and Councillor off the name', () => {
    expect(findQuotes('“Most owners tie up properly and we thank them,” said Harbourmaster Ingrid Vollan.')[0]?.speaker).toBe(
      'Ingrid Vollan',
    );
    expect(findQuotes('"The old lamps cost a fortune to run," said Councillor Aud Brekke.')[0]?.speaker).toBe('Aud Brekke');
  });

  it('names the person a title or description stands for when the article names them', () => {
    const text = [
      'The crew was led by helm Ottilie Brannagh, a 48-year-old librarian.',
      '“They had done everything right and stayed with the boat until we got there,” said the helm.',
    ].join(' ');
    const [quote] = findQuotes(text);
    expect(quote?.speaker).toBe('Ottilie Brannagh');
    expect(quote?.source).toBe('described');
    const cafe = [
      'The bakery is now run by his granddaughter, Ilse Varga-Holm, 31.',
      "'He was so nervous on the first morning that he burnt the whole first batch,' his granddaughter said.",
    ].join(' ');
    expect(findQuotes(cafe)[0]?.speaker).toBe('Ilse Varga-Holm');
  });

  it('finds the person behind an abbreviated title, an age or an office "of" a place', () => {
    const governor = [
      'Nordland Gov. Ragna Holt signed the bill on Friday.',
      '“This law will keep the ferries running through every winter,” the Nordland governor said.',
    ].join(' ');
    expect(findQuotes(governor)[0]?.speaker).toBe('Ragna Holt');
    const age = [
      'Ambulance driver Petter Dahl, 34, was first on the scene.',
      "'I have never seen the road that icy in ten years of driving it,' said the 34-year-old.",
    ].join(' ');
    expect(findQuotes(age)[0]?.speaker).toBe('Petter Dahl');
    const bishop = [
      'The Bishop of Tern Cove, the Rt Rev Dr Anselm Quayle, praised the volunteers.',
      'Writing in the Harbour Times, the Bishop said: “Nobody asked these people to give up their weekends, and yet they did.”',
    ].join(' ');
    expect(findQuotes(bishop)[0]?.speaker).toBe('Anselm Quayle');
  });

  it('never shows a bare title as the speaker', () => {
    const text = 'When Lund visited the capital, he said the President had called the deal “the best the two countries have signed in a generation”.';
    for (const q of findQuotes(text)) expect(q.speaker).not.toBe('President');
  });

  it('keeps a description when the article names nobody for it, and an indefinite one unnamed', () => {
    const text = [
      'Harbour spokesman Tor Eid said the pier would reopen.',
      '“We pulled a lot of rubbish out of the water this week, mostly fishing line,” a volunteer said.',
    ].join(' ');
    expect(findQuotes(text)[0]?.speaker).toBe('a volunteer');
    const vice = [
      'Vice President Ola Brenne and President Kari Stang both spoke.',
      '“This bridge will be open to traffic before the winter storms arrive,” the president said.',
    ].join(' ');
    expect(findQuotes(vice)[0]?.speaker).toBe('Kari Stang');
  });

  it('never returns a speaker with a line break, a quotation mark or trailing punctuation', () => {
    const texts = [
      '“We kept the boat head to wind until the helicopter arrived,” said\nskipper Ruth Ames.',
      "'We never expected a crowd this size on a wet Tuesday,' said organiser Pia 'Pip' Lund.",
      '“The whole street turned out to help us fill the sandbags,” said Rev. Jonas Hale, Jr.',
      '“The whole street turned out to help us fill the sandbags,” said the street’s warden.',
    ];
    for (const text of texts) {
      for (const q of findQuotes(text)) {
        if (q.speaker === null) continue;
        expect(q.speaker, text).not.toMatch(/[\n"“”‘]|[,;:!?\-]$|(?<!Jr)\.$/u);
      }
    }
    expect(findQuotes(texts[0] ?? '')[0]?.speaker).toBe('Ruth Ames');
  });
});

describe('speaker resolution', () => {
  it('takes the name before an appositive set off by commas or dashes', () => {
    expect(
      findQuotes(
        "Petra Lind, chief executive of the Harbour Users Association, added: 'Nobody told us the pier would close for a month.'",
      )[0]?.speaker,
    ).toBe('Petra Lind');
    expect(
      findQuotes(
        "Her younger brother - Oskar 'Ozzy' Lind - told the Gazette: 'We found out about the closure from a sign on the gate.'",
      )[0]?.speaker,
    ).toBe('Oskar Lind');
  });

  it('takes the subject of the last clause when no comma stands before the verb', () => {
    const text =
      "In a statement on its website after the match, the club's general manager Sven Aaland said: 'The game should have been stopped long before it was.'";
    expect(findQuotes(text)[0]?.speaker).toBe('Sven Aaland');
  });

  it('does not resolve "he" to someone the quotation talks about by name', () => {
    const text = [
      'Coach Ivo Brandt named his side on Friday. Winger Teo Vass is fit again after missing two games.',
      '‘Vass had a wonderful season last year and he will be important for us again,’ he added.',
    ].join(' ');
    expect(findQuotes(text)[0]?.speaker).toBe('Ivo Brandt');
  });

  it('resolves "he" to whoever spoke last when a caption names someone else in between', () => {
    const text =
      "Coach Ivo Brandt said: 'We have no injuries this week. Brandt watches training on Thursday Teo Vass shares a joke with team-mate Aki Rauma during training " +
      "'The squad is fresh and ready.' The 55-year-old also said he expects a tight game. 'We will need patience against a side that defends this deep,' he added.";
    const last = findQuotes(text).pop();
    expect(last?.speaker).toBe('Ivo Brandt');
  });

  it('does not take a place for a person ("off Pelican Bar")', () => {
    const text = [
      'The water temperature at the buoy off Gannet Shoal stayed above 30 degrees for a week.',
      'Marit Solheim, the county shellfish officer, spent the summer driving from dock to dock.',
      '“You would pull up a cage and half of the oysters would be gaping,” she said.',
    ].join(' ');
    expect(findQuotes(text)[0]?.speaker).toBe('Marit Solheim');
  });

  it('shows a surname, a first name or a partial name as the full name the article introduced', () => {
    const text = [
      'The talk was given by evolutionary biologist Ansel Korhonen and branch librarian Siún Ó Briain.',
      '“Size tells you how much competition there is between the males,” explained Professor Korhonen.',
      '“We had more people through the door than on any day since we opened,” Ó Briain said.',
      'Young musician Elias Fairweather played at the opening.',
      "'I wrote the song on the bus on the way here,' Elias said.",
      'Sir Torvald Ekberg chaired the meeting.',
      '"I do not think the council will change its mind before the spring," Sir Torvald added.',
    ].join(' ');
    expect(findQuotes(text).map((q) => q.speaker)).toEqual(['Ansel Korhonen', 'Siún Ó Briain', 'Elias Fairweather', 'Torvald Ekberg']);
  });

  it('keeps a surname when two people share it and keeps "Mr" as the cue styles it', () => {
    const text = [
      'Lars Berg and his daughter Ingrid Berg run the yard.',
      '“We have built boats on this slip for ninety years and we are not stopping now,” Berg said.',
      '“The new slipway will take boats twice the size of the old one,” Mr. Holt said of the plans drawn up by Anders Holt.',
    ].join(' ');
    expect(findQuotes(text).map((q) => q.speaker)).toEqual(['Berg', 'Mr. Holt']);
  });

  it('does not take a noun like "reports" or a name like "United States" for a verb of saying', () => {
    const text = [
      'That was when she pointed to reports that the mayor had called the pier “a waste of everybody’s money and time”.',
      '“Their plan is to look like an ordinary news channel,” Mira Holm, a former United States envoy to Norway, said of the station.',
    ].join(' ');
    const quotes = findQuotes(text);
    expect(quotes[0]?.source).toBe('none');
    expect(quotes[1]?.speaker).toBe('Mira Holm');
  });

  it('does not read a cue into the words after a phrase quoted mid-sentence', () => {
    const text =
      "He posted a picture of himself 'missing' the top of the lighthouse and asked users to help fix his photo. The holiday went well.";
    expect(findQuotes(text)[0]?.source).toBe('none');
    const next = "'He was sent home the same day and is doing well,' His recovery surprised the doctors, who had reported no change.";
    expect(findQuotes(next)[0]?.source).toBe('none');
    // Copy that leaves out the comma still hands over to a cue that follows at once.
    const sloppy = 'Mayor Rosa Lind spoke on Monday. “We are going to finish this bridge before the winter” Rosa Lind said.';
    expect(findQuotes(sloppy)[0]?.speaker).toBe('Rosa Lind');
  });

  it('counts the agent of a passive as the centre of attention, not the author of a work', () => {
    const text = [
      'Mayor Ada Brekke opened the new pier on Monday.',
      'The phrase was first used in a 1952 speech by Halvard Lunde, when he said the harbour was ‘the front door of the whole county and should look like one’.',
    ].join(' ');
    expect(findQuotes(text)[0]?.speaker).toBe('Halvard Lunde');
    const song = [
      'Mayor Ada Brekke opened the new pier on Monday.',
      "The choir sang Harbour Lights by Tove Sand. 'I have never heard it sung so well, and I have heard it a hundred times,' she said.",
    ].join(' ');
    expect(findQuotes(song)[0]?.speaker).toBe('Ada Brekke');
  });

  it('is not fooled by a caption into calling a statement imagined', () => {
    const text =
      "Trainer Ros Dunmore hopes jockey Kit Vale rides Sea Lantern to victory later this month Dunmore told the Gazette: 'The colt is in great form and I could not be happier with him.'";
    expect(findQuotes(text)[0]?.speaker).toBe('Ros Dunmore');
  });
});
