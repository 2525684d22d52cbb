import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/enrich/summary.js';

const words = (sentences: readonly string[]): number =>
  sentences.reduce((n, s) => n + s.split(/\s+/).filter(Boolean).length, 0);

const ARTICLE = [
  'The city council approved a new cycle lane network on Tuesday after a two-year campaign by local residents.',
  'The network will add forty kilometres of protected cycle lanes across the city centre and the northern suburbs.',
  'Council leader Amira Stone said the cycle lanes would make the city centre safer for children travelling to school.',
  'Shop owners on the high street had opposed the plan, saying the loss of parking would hurt trade.',
  'Construction of the first protected cycle lanes will begin in the spring and finish within three years.',
  'The weather on Tuesday was mild and dry.',
  'The council will publish a map of the cycle lane network next month.',
].join(' ');

describe('summarize', () => {
  it('returns at most three sentences by default, verbatim and in article order', () => {
    const summary = summarize(ARTICLE, { words: Infinity });
    expect(summary.length).toBe(3);
    let last = -1;
    for (const sentence of summary) {
      const at = ARTICLE.indexOf(sentence);
      expect(at).toBeGreaterThan(last);
      last = at;
    }
  });

  it('starts from the lede and leaves out the off-topic aside', () => {
    const summary = summarize(ARTICLE, { words: Infinity });
    expect(summary[0]).toMatch(/^The city council approved/);
    expect(summary).not.toContain('The weather on Tuesday was mild and dry.');
  });

  it('honours the sentence count', () => {
    expect(summarize(ARTICLE, { sentences: 1, words: Infinity })).toHaveLength(1);
    expect(summarize(ARTICLE, { sentences: 2, words: Infinity })).toHaveLength(2);
  });

  it('stays within the word budget', () => {
    for (const budget of [25, 40, 60]) {
      const summary = summarize(ARTICLE, { words: budget });
      expect(summary.length).toBeGreaterThan(0);
      expect(words(summary)).toBeLessThanOrEqual(budget);
    }
  });

  it('returns the best sentence alone when even that is over the budget', () => {
    const summary = summarize(ARTICLE, { words: 8 });
    expect(summary).toHaveLength(1);
    expect(ARTICLE).toContain(summary[0]?.replace(/…$/, ''));
  });

  it('returns nothing for an empty article', () => {
    expect(summarize('')).toEqual([]);
    expect(summarize('  \n\n ')).toEqual([]);
  });

  it('falls back to a short sentence when there is nothing else', () => {
    expect(summarize('Rain stopped play.')).toEqual(['Rain stopped play.']);
  });

  it('trims a dateline and keeps the rest verbatim', () => {
    const text = '(CNN)The river burst its banks overnight, flooding hundreds of homes in the valley. Rescue teams worked until dawn.';
    const [first] = summarize(text, { sentences: 1 });
    expect(first).toBe('The river burst its banks overnight, flooding hundreds of homes in the valley.');
    expect(text).toContain(first);

    const wire = 'LONDON (Reuters) - The central bank held interest rates steady for a third month on Thursday.';
    expect(summarize(wire)).toEqual(['The central bank held interest rates steady for a third month on Thursday.']);
  });

  it('trims a Daily Mail byline block', () => {
    const text =
      'By . Staff Reporter . PUBLISHED: . 09:15 EST, 3 March 2014 . | . UPDATED: . 10:40 EST, 3 March 2014 . A lorry carrying fresh fish overturned on the coastal bypass early on Monday morning . The driver escaped without serious injury .';
    const summary = summarize(text, { words: Infinity });
    expect(summary[0]).toBe('A lorry carrying fresh fish overturned on the coastal bypass early on Monday morning .');
    expect(summary.join(' ')).not.toMatch(/PUBLISHED|Staff Reporter/);
  });

  it('never returns bylines, credits, links, captions, questions or fragments when better sentences exist', () => {
    const text = [
      'By Jane Example',
      'Photo: Example Agency',
      'The national museum will reopen its restored east wing to visitors next week after a decade of repairs.',
      'Why does it matter?',
      'Not yet.',
      'Restorers repaired the roof, the mosaic floors and the painted ceilings of the east wing of the museum.',
      'Read more: our guide to the museum',
      'Click here to book tickets for the museum',
      'Reopened: Visitors queue outside the east wing of the museum (pictured)',
      'The museum expects a million visitors to the restored east wing in its first year.',
    ].join('\n');
    const summary = summarize(text, { words: Infinity });
    expect(summary).toEqual([
      'The national museum will reopen its restored east wing to visitors next week after a decade of repairs.',
      'Restorers repaired the roof, the mosaic floors and the painted ceilings of the east wing of the museum.',
      'The museum expects a million visitors to the restored east wing in its first year.',
    ]);
  });

  it('skips a sentence that only repeats the title', () => {
    const text = 'Museum reopens east wing\n\nThe national museum will reopen its restored east wing next week after a decade of repairs.';
    expect(summarize(text, { title: 'Museum reopens east wing' })).toEqual([
      'The national museum will reopen its restored east wing next week after a decade of repairs.',
    ]);
  });

  it('does not pick two sentences that say the same thing', () => {
    const text = [
      'The bridge over the river Wend will close for repairs from Monday for six weeks.',
      'The bridge over the river Wend will close for repairs for six weeks from Monday, the council said.',
      'Drivers will be diverted through the town centre while engineers replace the deck.',
      'Buses will run a shuttle service for pedestrians during the closure.',
    ].join(' ');
    const summary = summarize(text, { sentences: 2, words: Infinity });
    expect(summary).toHaveLength(2);
    expect(summary.filter((s) => s.startsWith('The bridge over the river Wend'))).toHaveLength(1);
  });

  it('is deterministic', () => {
    expect(summarize(ARTICLE)).toEqual(summarize(ARTICLE));
  });

  it('summarises a 2,000-word article within its budget, in article order', () => {
    const topics = ['harbour', 'ferry', 'council', 'budget', 'fishermen', 'tourism', 'storm', 'repairs'];
    const sentences = Array.from({ length: 130 }, (_, i) => {
      const a = topics[i % topics.length] as string;
      const b = topics[(i * 3 + 1) % topics.length] as string;
      return `Report ${i} says the ${a} plan depends on the ${b} review and on funding agreed this spring.`;
    });
    const text = sentences.join(' ');
    expect(text.split(/\s+/).length).toBeGreaterThan(2000);
    summarize(text);
    const start = performance.now();
    summarize(text);
    expect(performance.now() - start).toBeLessThan(50);
  });
});

/** Each chosen sentence's predecessor in `sentences` (the article in order), or undefined for the first. */
const predecessor = (sentences: readonly string[], sentence: string): string | undefined =>
  sentences[sentences.indexOf(sentence) - 1];

describe('summarize: sentences that read on their own', () => {
  it('never picks a sentence that opens a quotation it does not close, or closes one it did not open', () => {
    // The quotation runs over two paragraphs, so the splitter cannot keep it whole.
    const text = [
      'The Gull Point ferry returned to service on Monday after a ten-month refit of its engines and decks.',
      '“The ferry is the only way to reach the island hospital in winter. The ferry is the lifeline of the ferry town.',
      '“Without the ferry the island empties,” said ferry captain Rhea Moss.',
      'The ferry refit cost two million pounds and added room for sixty bicycles on the ferry deck.',
    ].join('\n\n');
    const summary = summarize(text, { words: Infinity });
    for (const sentence of summary) {
      expect(sentence).not.toMatch(/^“The ferry is the only way/);
      expect(sentence).not.toMatch(/lifeline of the ferry town\.$/);
    }
    expect(summary[0]).toMatch(/^The Gull Point ferry returned/);
  });

  it('can pick a short quotation of several sentences, kept whole by the splitter', () => {
    const text = [
      'The Gull Point ferry returned to service on Monday after a ten-month refit.',
      'Regular passenger Ana Pike waited on the pier since dawn.',
      'Ana Pike said: “The bus is fine. The bus is not the ferry.”',
    ].join(' ');
    const summary = summarize(text, { words: Infinity });
    expect(summary).toContain('Ana Pike said: “The bus is fine. The bus is not the ferry.”');
  });

  it('uses a sentence whose subject is a pronoun only right after the sentence it leans on', () => {
    const text = [
      'The harbour council approved a budget of twelve million pounds for the harbour on Thursday.',
      'The vote on the harbour budget was seven to two after a long debate.',
      'Councillor Bram Osei argued that the harbour budget left the sea wall short of money.',
      'He voted for the harbour budget in the end.',
      'Rain fell all evening.',
      'It flooded the car park again.',
    ].join(' ');
    const sentences = text.split(/(?<=\.) /);
    for (const budget of [Infinity, 60, 40]) {
      const summary = summarize(text, { words: budget });
      for (const sentence of summary) {
        if (/^(?:He|It) /.test(sentence)) expect(summary).toContain(predecessor(sentences, sentence));
      }
    }
    expect(summarize(text, { words: Infinity })).not.toContain('It flooded the car park again.');
  });

  it('uses a sentence that opens with a connective only after the one before it', () => {
    const text = [
      'Traders at the quay market sold out of fish by noon on the first day of the new market.',
      'The weather was bad.',
      'But the quay market traders said the new market hall had doubled their fish sales.',
      'The quay market will open every Friday from April.',
    ].join(' ');
    const summary = summarize(text, { words: Infinity });
    expect(summary).not.toContain('But the quay market traders said the new market hall had doubled their fish sales.');
  });

  it('uses a quotation attributed to "he" or "she" only after the sentence that names the speaker', () => {
    const text = [
      'The Salt Lane library reopened on Saturday after flood repairs that took fourteen months.',
      'Hundreds of readers queued outside the library before the doors opened at ten.',
      'Branch manager Tove Lind said the library queue reached the post office.',
      '"Some came for the library books and some came for the library cafe," she said.',
    ].join(' ');
    const sentences = text.split(/(?<=\.) /);
    for (const budget of [Infinity, 45]) {
      const summary = summarize(text, { words: budget });
      const quote = summary.find((s) => s.endsWith('she said.'));
      if (quote) expect(summary).toContain(predecessor(sentences, quote));
    }
    expect(summarize(text, { words: 45 })).not.toContain(
      '"Some came for the library books and some came for the library cafe," she said.',
    );
  });

  it('uses a sentence naming someone by surname alone only with the sentence that introduced them', () => {
    const text = [
      'Six new sensor buoys were anchored in the sound this week to track water temperature.',
      'The buoys send water temperature readings to a public website every fifteen minutes.',
      'The work is led by Petra Halvard.',
      'Halvard said the water temperature readings from the buoys would warn oyster growers of heat.',
      'Each buoy cost ninety thousand pounds.',
    ].join(' ');
    for (const sentences of [2, 3]) {
      const summary = summarize(text, { sentences, words: Infinity });
      if (summary.some((s) => s.startsWith('Halvard said'))) expect(summary).toContain('The work is led by Petra Halvard.');
    }
    expect(summarize(text, { sentences: 2, words: Infinity })).toEqual([
      'Six new sensor buoys were anchored in the sound this week to track water temperature.',
      'The buoys send water temperature readings to a public website every fifteen minutes.',
    ]);
  });

  it('may still name a main figure of the story by surname alone, at a cost in rank', () => {
    // The full name is only in a fragment the summary never uses.
    const main = [
      'The coast road reopened on Friday after storm repairs that took two weeks.',
      'Carla Dunmore led them.',
      'Dunmore said the coast road repairs used two thousand tonnes of stone.',
      'Dunmore, 58, has repaired the coast road after every storm since 1990.',
      'Dunmore said the coast road would need a new sea wall within ten years.',
    ];
    expect(summarize(main.join(' '), { words: Infinity }).some((s) => s.startsWith('Dunmore'))).toBe(true);
    // Named twice only, she is nobody the reader knows: not without her introduction.
    const minor = main.slice(0, 3).concat('The coast road carries four thousand cars a day in summer.');
    expect(summarize(minor.join(' '), { words: Infinity }).some((s) => s.startsWith('Dunmore'))).toBe(false);
  });

  it('never picks a sentence from the middle of a long quotation', () => {
    const speech = [
      'We spent three years listening to the fishing crews of the bay.',
      'The wind farm moved four miles out because of what the fishing crews said.',
      'The wind farm will still be seen from the cliffs on a clear day.',
      'The fishing crews will keep their routes through the wind farm site.',
      'Nobody was ignored in the wind farm talks with the fishing crews.',
      'The wind farm talks with the crews will go on next year.',
      'The wind farm is the biggest project the bay has seen.',
    ];
    const text = `The Gannet Bank wind farm has been moved four miles further out to sea after talks with fishing crews. Project director Ola Brandt said: "${speech.join(' ')}" Regulators will decide in spring.`;
    const summary = summarize(text, { words: Infinity });
    for (const sentence of speech.slice(1)) expect(summary).not.toContain(sentence);
  });

  it('leaves out a sentence with a caption run into it', () => {
    const text = [
      'A new tram line to the summit of Mount Crane opened on Sunday with the first tram full of skiers.',
      'The tram climbs the mountain track to the summit Turning left the tram enters a tunnel under the summit.',
      'The summit tram line cost forty million pounds and took five years to build.',
    ].join(' ');
    const summary = summarize(text, { words: Infinity });
    expect(summary.some((s) => s.includes('Turning left'))).toBe(false);
  });
  it('cuts a lone sentence far over the budget at a clause or word, with an ellipsis, never shows it whole', () => {
    const runOn = `Harbour notes: ${'the board met, the ferry ran late and the tide rose over the slip '.repeat(400)}`;
    const [summary, ...rest] = summarize(runOn, { words: 60 });
    expect(rest).toEqual([]);
    expect(summary?.endsWith('…')).toBe(true);
    expect(summary?.split(/\s+/).length).toBeLessThanOrEqual(60);
    expect(runOn.startsWith(summary?.slice(0, -1) ?? '-')).toBe(true);
    expect(summary).toMatch(/ran late and the tide rose over the slip the board met…$/);
    const [token] = summarize('x'.repeat(30_000), { words: 60 });
    expect(token).toBe(`${'x'.repeat(720)}…`);
    // Within half the budget again, a long sentence is still shown whole.
    const long = `The harbour board, ${'which met again on Tuesday after the storm, '.repeat(10)}kept the fares.`;
    expect(summarize(long, { words: 60 })).toEqual([long]);
  });
});

