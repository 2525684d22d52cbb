import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';

const split = (text: string): string[] => splitSentences(text).map((s) => s.text);

describe('splitSentences: plain sentences', () => {
  it('splits on full stops, question and exclamation marks', () => {
    expect(split('The bridge opened today. Was it late? Nobody minded!')).toEqual([
      'The bridge opened today.',
      'Was it late?',
      'Nobody minded!',
    ]);
  });

  it('keeps exact offsets into the input', () => {
    const text = '  First one here.   Second one here.\n\nThird one.  ';
    for (const s of splitSentences(text)) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.text).toBe(s.text.trim());
    }
    expect(split(text)).toEqual(['First one here.', 'Second one here.', 'Third one.']);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n \n')).toEqual([]);
  });

  it('keeps a last sentence that has no full stop', () => {
    expect(split('The vote was close. Results follow')).toEqual(['The vote was close.', 'Results follow']);
  });

  it('does not split before a lowercase word', () => {
    expect(split('Prices rose by 3 p.c. and then fell.')).toEqual(['Prices rose by 3 p.c. and then fell.']);
  });
});

describe('splitSentences: lines and paragraphs', () => {
  it('ends a sentence at every newline, even without a full stop', () => {
    expect(split('Town hall reopens\nThe mayor cut a ribbon.')).toEqual(['Town hall reopens', 'The mayor cut a ribbon.']);
  });

  it('numbers paragraphs separated by blank lines', () => {
    const sentences = splitSentences('One fact here. Two facts here.\n\nA second block.\nSame block, new line.\n\n\nLast.');
    expect(sentences.map((s) => [s.text, s.paragraph])).toEqual([
      ['One fact here.', 0],
      ['Two facts here.', 0],
      ['A second block.', 1],
      ['Same block, new line.', 1],
      ['Last.', 2],
    ]);
  });

  it('handles Windows line endings', () => {
    expect(split('First line here.\r\nSecond line here.')).toEqual(['First line here.', 'Second line here.']);
  });
});

describe('splitSentences: abbreviations', () => {
  it.each([
    ['Mr. Okafor arrived late. He left early.', ['Mr. Okafor arrived late.', 'He left early.']],
    ['Mrs. Lund and Ms. Berg met Dr. Haas. They talked.', ['Mrs. Lund and Ms. Berg met Dr. Haas.', 'They talked.']],
    ['Gov. Alvarez met Sen. Pike and Rep. Cole on Monday.', ['Gov. Alvarez met Sen. Pike and Rep. Cole on Monday.']],
    ['The parade on St. Agnes Road was loud.', ['The parade on St. Agnes Road was loud.']],
    ['Tom Harlow Jr. spoke first.', ['Tom Harlow Jr. spoke first.']],
    ['Brightline Inc. and Harbor Corp. merged with Fenwick Co. Ltd. last week.', ['Brightline Inc. and Harbor Corp. merged with Fenwick Co. Ltd. last week.']],
    ['She wore No. 9 for the club.', ['She wore No. 9 for the club.']],
    ['It was Lions vs. Bears again.', ['It was Lions vs. Bears again.']],
    ['Bring fruit, e.g. Apples from the farm.', ['Bring fruit, e.g. Apples from the farm.']],
    ['Use a short name, i.e. Something easy.', ['Use a short name, i.e. Something easy.']],
    ['They sold pens, paper, etc. and more.', ['They sold pens, paper, etc. and more.']],
    ['The fair opens Jan. 4 and closes Feb. 20.', ['The fair opens Jan. 4 and closes Feb. 20.']],
    ['It ran from Aug. 3 to Sept. 9 last year.', ['It ran from Aug. 3 to Sept. 9 last year.']],
    ['She moved from Raleigh, N.C. to Fresno, Calif. in May.', ['She moved from Raleigh, N.C. to Fresno, Calif. in May.']],
    ['The firm is based in Boston, Mass. Its staff grew.', ['The firm is based in Boston, Mass.', 'Its staff grew.']],
    ['The train left at 6 a.m. and came back at 9 p.m. sharp.', ['The train left at 6 a.m. and came back at 9 p.m. sharp.']],
    ['U.S. officials and U.K. ministers met.', ['U.S. officials and U.K. ministers met.']],
    ['The U.S. Navy sent a ship.', ['The U.S. Navy sent a ship.']],
    ['then-Gov. Reyes signed it.', ['then-Gov. Reyes signed it.']],
  ])('%s', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('ends a sentence at an abbreviation followed by a typical opener', () => {
    expect(split('The company expanded in the U.S. The next step is Asia.')).toEqual([
      'The company expanded in the U.S.',
      'The next step is Asia.',
    ]);
    expect(split('Sales grew in the U.K. He was pleased.')).toEqual(['Sales grew in the U.K.', 'He was pleased.']);
    expect(split('They brought tents, stoves, etc. But it rained.')).toEqual([
      'They brought tents, stoves, etc.',
      'But it rained.',
    ]);
    expect(split('The meeting ended at 5 p.m. It had run long.')).toEqual([
      'The meeting ended at 5 p.m.',
      'It had run long.',
    ]);
  });

  it('ends a sentence at an abbreviation followed by a quotation', () => {
    expect(split('He grew up in the U.S. "It shaped me," he said.')).toEqual([
      'He grew up in the U.S.',
      '"It shaped me," he said.',
    ]);
  });

  it('ends a sentence at "ill." because the list is case-sensitive', () => {
    expect(split('He felt ill. Doctors came.')).toEqual(['He felt ill.', 'Doctors came.']);
  });
});

describe('splitSentences: initials, numbers and ellipses', () => {
  it('keeps initials with the name', () => {
    expect(split('Blues singer R.J. Mallory played. Author P.D. Quill read.')).toEqual([
      'Blues singer R.J. Mallory played.',
      'Author P.D. Quill read.',
    ]);
    expect(split('President Harold T. Mercer spoke.')).toEqual(['President Harold T. Mercer spoke.']);
  });

  it('ends a sentence at a single letter followed by an opener', () => {
    expect(split('They chose plan B. The rest agreed.')).toEqual(['They chose plan B.', 'The rest agreed.']);
  });

  it('does not split decimals, money, percentages or versions', () => {
    expect(split('Profit rose 76% to $1.13bn (£600m), or 3.5 times more. Version 2.0.1 shipped.')).toEqual([
      'Profit rose 76% to $1.13bn (£600m), or 3.5 times more.',
      'Version 2.0.1 shipped.',
    ]);
  });

  it('ends a sentence at a number', () => {
    expect(split('The count reached 1990. Then it fell.')).toEqual(['The count reached 1990.', 'Then it fell.']);
  });

  it('keeps an ellipsis inside a sentence before a lowercase word', () => {
    expect(split('It was slow... much slower than hoped.')).toEqual(['It was slow... much slower than hoped.']);
    expect(split('It was slow… much slower than hoped.')).toEqual(['It was slow… much slower than hoped.']);
  });

  it('ends a sentence at an ellipsis before a capital', () => {
    expect(split('We waited and waited... Nobody came.')).toEqual(['We waited and waited...', 'Nobody came.']);
  });

  it('does not split inside web addresses or dotted names', () => {
    expect(split('See example.org for details. Then call.')).toEqual(['See example.org for details.', 'Then call.']);
  });
});

describe('splitSentences: quotations and brackets', () => {
  it.each([
    ['"We will rebuild," she said. "It will take years." Work starts soon.', ['"We will rebuild," she said.', '"It will take years."', 'Work starts soon.']],
    ['“We will rebuild.” Work starts soon.', ['“We will rebuild.”', 'Work starts soon.']],
    ["'We will rebuild.' Work starts soon.", ["'We will rebuild.'", 'Work starts soon.']],
    ['‘We will rebuild.’ Work starts soon.', ['‘We will rebuild.’', 'Work starts soon.']],
    ['He called it "a disaster." The council disagreed.', ['He called it "a disaster."', 'The council disagreed.']],
  ])('closes the sentence after the quote mark: %s', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('keeps a question or exclamation with its lowercase speech tag', () => {
    expect(split('"Why?" she asked. "Now!" he shouted.')).toEqual(['"Why?" she asked.', '"Now!" he shouted.']);
    expect(split('‘Is it over?’ asked the driver.')).toEqual(['‘Is it over?’ asked the driver.']);
  });

  it('keeps a quotation with a named speaker and a speech verb', () => {
    expect(split('"Are we there yet?" Mira asked again. She was tired.')).toEqual([
      '"Are we there yet?" Mira asked again.',
      'She was tired.',
    ]);
    expect(split('"I had not flown in years..." Hollis later recalled.')).toEqual([
      '"I had not flown in years..." Hollis later recalled.',
    ]);
  });

  it('closes the sentence after a bracket', () => {
    expect(split('The vote passed (by one seat.) Critics were unhappy.')).toEqual([
      'The vote passed (by one seat.)',
      'Critics were unhappy.',
    ]);
  });

  it('does not split at an exclamation inside a word', () => {
    expect(split('Shares in Zoomly! rose. Analysts cheered.')).toEqual(['Shares in Zoomly! rose.', 'Analysts cheered.']);
  });
});

describe('splitSentences: news furniture', () => {
  it('keeps a CNN dateline glued to the first word in the first sentence', () => {
    expect(split('(CNN)They may not be giants, but they are close. Scientists agree.')).toEqual([
      '(CNN)They may not be giants, but they are close.',
      'Scientists agree.',
    ]);
  });

  it('keeps a wire dateline in the first sentence', () => {
    expect(split('LONDON, England (Reuters) -- Ministers met on Friday. They agreed.')).toEqual([
      'LONDON, England (Reuters) -- Ministers met on Friday.',
      'They agreed.',
    ]);
  });

  it('keeps a Daily Mail byline block as one piece, apart from the story', () => {
    const text =
      'By . Staff Reporter . PUBLISHED: . 09:15 EST, 3 March 2014 . | . UPDATED: . 10:40 EST, 3 March 2014 . A lorry overturned on the bypass . No one was hurt .';
    expect(split(text)).toEqual([
      'By . Staff Reporter . PUBLISHED: . 09:15 EST, 3 March 2014 . | . UPDATED: . 10:40 EST, 3 March 2014 .',
      'A lorry overturned on the bypass .',
      'No one was hurt .',
    ]);
  });

  it('keeps a short byline with two names as one piece', () => {
    expect(split('By . Ann Example . and Bob Sample . The pier reopened .')).toEqual([
      'By . Ann Example . and Bob Sample .',
      'The pier reopened .',
    ]);
  });

  it('treats " . " separators as paragraph breaks', () => {
    const sentences = splitSentences('The pier reopened . Crowds came back . Tickets sold out.');
    expect(sentences.map((s) => [s.text, s.paragraph])).toEqual([
      ['The pier reopened .', 0],
      ['Crowds came back .', 1],
      ['Tickets sold out.', 2],
    ]);
  });

  it('cuts a shopping widget\'s "Visit site" out of the text around it', () => {
    expect(split('Striped linen skirt at Example Store Visit site Like her sister, the duchess loves stripes.')).toEqual([
      'Striped linen skirt at Example Store',
      'Visit site',
      'Like her sister, the duchess loves stripes.',
    ]);
  });

  it('cuts "Scroll down for video" out of the text around it', () => {
    expect(split('The river flooded the square. Scroll down for video Residents waded home.')).toEqual([
      'The river flooded the square.',
      'Scroll down for video',
      'Residents waded home.',
    ]);
  });

  it('starts a caption at its label after an abbreviation', () => {
    expect(split('The office is in Washington, D.C. Flooded: Water filled the basement.')).toEqual([
      'The office is in Washington, D.C.',
      'Flooded: Water filled the basement.',
    ]);
  });

  it('starts a sentence where a caption runs into the story without a full stop', () => {
    expect(split('Volunteers cleared the beach on Sunday The cleanup took six hours.')).toEqual([
      'Volunteers cleared the beach on Sunday',
      'The cleanup took six hours.',
    ]);
    expect(split('A volunteer carries a bag of litter (pictured) Organisers were delighted.')).toEqual([
      'A volunteer carries a bag of litter (pictured)',
      'Organisers were delighted.',
    ]);
    expect(split('Crews worked overnight to clear the road Debris: Branches blocked both lanes.')).toEqual([
      'Crews worked overnight to clear the road',
      'Debris: Branches blocked both lanes.',
    ]);
    expect(split('Clean-up: Volunteers bag litter on the beach A local charity organised the day.')).toEqual([
      'Clean-up: Volunteers bag litter on the beach',
      'A local charity organised the day.',
    ]);
  });

  it('does not cut before a title or a name after a preposition', () => {
    expect(split('She told The Times about it.')).toEqual(['She told The Times about it.']);
    expect(split('He reads The Economist weekly.')).toEqual(['He reads The Economist weekly.']);
    expect(split('They watched The Lost Valley twice.')).toEqual(['They watched The Lost Valley twice.']);
    expect(split('Levels of vitamin A rose.')).toEqual(['Levels of vitamin A rose.']);
  });
});

describe('splitSentences: quotations of several sentences', () => {
  it('keeps a short quotation of several sentences together', () => {
    expect(split('The ferry sailed at dawn. “The road is fine. The road is not the sea.” Fares rose too.')).toEqual([
      'The ferry sailed at dawn.',
      '“The road is fine. The road is not the sea.”',
      'Fares rose too.',
    ]);
    expect(split('Mara said it simply: "The tide waits for nobody. It never has." Then she left.')).toEqual([
      'Mara said it simply: "The tide waits for nobody. It never has."',
      'Then she left.',
    ]);
  });

  it('keeps the speech tag with a quotation that runs over two sentences', () => {
    expect(split("'We came for the fish. We stayed for the people,' said the cook. Dinner was late.")).toEqual([
      "'We came for the fish. We stayed for the people,' said the cook.",
      'Dinner was late.',
    ]);
  });

  it('is not confused by apostrophes inside a single-quoted quotation', () => {
    expect(split("Ivo said: 'The growers' boats are back. Nobody's boat sank.' The harbour reopened.")).toEqual([
      "Ivo said: 'The growers' boats are back. Nobody's boat sank.'",
      'The harbour reopened.',
    ]);
  });

  it('leaves a quotation that never closes on its line in pieces', () => {
    const text = '“I learned the nets from my aunt. She learned them from hers.\n\n“Nobody learns them now,” she said.';
    expect(split(text)).toEqual([
      '“I learned the nets from my aunt.',
      'She learned them from hers.',
      '“Nobody learns them now,” she said.',
    ]);
  });

  it('does not join across a quotation that opens again before it closes', () => {
    // How a quotation over two paragraphs reads once they are joined on one line.
    const text = '"We fixed the roof. We fixed the doors. "Next year we fix the windows," he said.';
    expect(split(text)).toEqual(['"We fixed the roof.', 'We fixed the doors.', '"Next year we fix the windows," he said.']);
  });

  it('leaves a very long quotation in pieces', () => {
    const long = Array.from({ length: 8 }, (_, i) => `Sentence number ${i + 1} of the long speech goes on for a while.`).join(' ');
    const pieces = split(`“${long}”`);
    expect(pieces.length).toBe(8);
  });

  it('does not join across a Daily Mail paragraph separator', () => {
    expect(split("'The pier is open . It is safe,' she said .")).toEqual(["'The pier is open .", "It is safe,' she said ."]);
  });
});

describe('splitSentences: captions and quotations run into the text', () => {
  it('starts a sentence at "And" or "In" run on after a lowercase word', () => {
    expect(split('The gallery marked the centenary of the flood And it was also the last show in the old hall.')).toEqual([
      'The gallery marked the centenary of the flood',
      'And it was also the last show in the old hall.',
    ]);
    expect(split('Five facts about the old mill 100 years ago In 1926, the mill burned down.')).toEqual([
      'Five facts about the old mill 100 years ago',
      'In 1926, the mill burned down.',
    ]);
  });

  it('starts a sentence at a quotation run on after a capitalised word', () => {
    expect(split("Rovers will name Lena Hart as their new coach on Friday 'I'd love the job,' said Hart.")).toEqual([
      'Rovers will name Lena Hart as their new coach on Friday',
      "'I'd love the job,' said Hart.",
    ]);
  });

  it('does not cut before a quoted title after a possessive', () => {
    expect(split(`He read Ann Kell's "Harbour Songs" at the fair.`)).toEqual([`He read Ann Kell's "Harbour Songs" at the fair.`]);
  });
});
