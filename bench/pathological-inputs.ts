/**
 * Article bodies that have made enrichment slow, generated at any size, and
 * ordinary prose of the same size to compare them with. Shared by the
 * "pathological inputs" bench and the test that guards against the same
 * slowdowns coming back. Everything is made here from small word lists with
 * a fixed seed, so each run sees the same bytes.
 */

/** A kind of hostile article: its name, and the article file with about `bytes` characters of it. */
export interface Pathology {
  name: string;
  file: (bytes: number) => string;
}

const GIVEN = ['Ana', 'Tomas', 'Marta', 'Kaori', 'Idris', 'Noor', 'Pieter', 'Zoë', 'Ewan', 'Lucia', 'Obi', 'Sanna'];
const SYLLABLES = ['bel', 'mon', 'ta', 'ri', 'ko', 'van', 'der', 'lo', 'pes', 'sa', 'ne', 'gro', 'wick', 'ham', 'ster', 'ly'];
const NOUNS = ['harbour', 'ferry', 'council', 'budget', 'crew', 'storm', 'bridge', 'market', 'school', 'library', 'quay', 'tide'];
const VERBS = ['opened', 'closed', 'delayed', 'approved', 'repaired', 'checked', 'moved', 'funded', 'cleared', 'inspected'];
const ADJECTIVES = ['new', 'old', 'busy', 'quiet', 'late', 'early', 'small', 'long', 'wet', 'cold'];
const CUES = ['said', 'added', 'told reporters', 'explained', 'recalled'];

/** A small deterministic random source (a linear congruential generator), so inputs are the same every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)] as T;
}

/** A surname made of syllables: thousands of different ones, as a long article of names would have. */
function surname(next: () => number): string {
  const word = Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(next, SYLLABLES)).join('');
  return word[0]?.toUpperCase() + word.slice(1);
}

function sentence(next: () => number): string {
  const words = [pick(next, ['The', 'A', 'This']), pick(next, ADJECTIVES), pick(next, NOUNS), pick(next, VERBS), 'the', pick(next, NOUNS)];
  while (next() < 0.7) words.push(pick(next, ['after', 'before', 'near', 'with']), 'the', pick(next, ADJECTIVES), pick(next, NOUNS));
  return `${words.join(' ')}.`;
}

/** Repeat what `unit` makes until the text is `bytes` long, then cut it there. */
function fill(bytes: number, unit: (next: () => number, i: number) => string): string {
  const next = random(bytes);
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const part = unit(next, i);
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, bytes).trim();
}

/**
 * News prose as gazette usually sees it: paragraphs of plain sentences and
 * quotations attributed to named people, who come up again by surname.
 */
export function ordinaryProse(bytes: number): string {
  return fill(bytes, (next) => {
    const name = `${pick(next, GIVEN)} ${surname(next)}`;
    const paragraph = [sentence(next), `“${sentence(next).replace(/\.$/, ',')}” ${pick(next, CUES)} ${name}.`, sentence(next)];
    if (next() < 0.5) paragraph.push(`${name.split(' ')[1] ?? ''} ${pick(next, VERBS)} the ${pick(next, NOUNS)} on Monday.`);
    return `${paragraph.join(' ')}\n\n`;
  });
}

/** A kind whose story is `body`. */
const story = (name: string, body: (bytes: number) => string): Pathology => ({ name, file: (bytes) => articleFile(body(bytes)) });
const repeat = (name: string, unit: string): Pathology => story(name, (bytes) => fill(bytes, () => unit));
/** A kind whose photo has the front-matter caption `caption`, over one sentence of story. */
const captioned = (name: string, caption: (bytes: number) => string): Pathology => ({
  name,
  file: (bytes) => articleFile('The ferry ran late on Monday.', { image: 'https://media.example.org/quay.jpg', caption: caption(bytes) }),
});

/** What each kind is measured against: ordinary prose of the same size. */
export const ORDINARY: Pathology = story('ordinary prose', ordinaryProse);

/** Each kind of input the audit of issue 9 named, plus the shapes each part of enrichment finds hardest. */
export const PATHOLOGIES: readonly Pathology[] = [
  // Quotation marks of every kind, opened and never closed.
  repeat("'a", "'a "),
  repeat('’a', '’a '),
  repeat('‘a', '‘a '),
  repeat('"a', '"a '),
  repeat('“a', '“a '),
  repeat('”a', '”a '),
  repeat('« a', '« a '),
  repeat('„a', '„a '),
  repeat("''a", "''a "),
  // Both kinds at once, and quotations nested ever deeper.
  repeat('alternating “a ‘a', '“a ‘a '),
  repeat('nested “a “a ”a', '“a “a ”a '),
  // A quotation reopened by every sentence, and by every paragraph, never closed.
  repeat('reopened “A.', '“A b. '),
  repeat("reopened ¶ 'A.", "'A b c.\n\n"),
  // Sentences: none at all, and thousands of tiny ones.
  story('one sentence', (bytes) => fill(bytes, (next) => `${pick(next, NOUNS)} ${pick(next, ADJECTIVES)} `)),
  repeat('tiny sentences', 'Go. '),
  // Names and cue verbs by the thousand, and quotations attributed through "he".
  story('names and cues', (bytes) => fill(bytes, (next) => `said ${pick(next, GIVEN)} ${surname(next)}, `)),
  story('named speakers', (bytes) => fill(bytes, (next) => { const s = surname(next); return `“Yes,” said ${pick(next, GIVEN)} ${s}. ${s} left. `; })),
  repeat('he said', '“We will win,” he said. '),
  repeat('she said, of men', 'Tom Lee spoke. “We will win,” she said to Ana Ruiz. '),
  // Adverbs between a subject and its cue verb, and a word that is not one before it.
  repeat('adverbs before a cue', `${'quickly '.repeat(30)}1 said: “We will win.” `),
  // One word over and over, and one word as long as the article.
  repeat('one word repeated', 'buffalo '),
  repeat('one long word', 'a'),
  // Paragraph breaks: none, and one after every sentence.
  story('no line breaks', (bytes) => ordinaryProse(bytes).replace(/\s+/g, ' ')),
  story('paragraph per sentence', (bytes) => fill(bytes, (next) => `${sentence(next)}\n\n`)),
  // Photo captions: credit labels by the thousand, and a caption that is mostly spaces.
  captioned('caption of credits', (bytes) => `${fill(bytes, () => 'Photo: a ')} (`),
  captioned('caption of spaces', (bytes) => `a${' '.repeat(bytes)}b`),
  // Long links and abbreviations at every full stop.
  story('long URLs', (bytes) => fill(bytes, (next, i) => `See https://example.org/${pick(next, NOUNS)}/${'x'.repeat(2000)}${i} for more. `)),
  repeat('abbreviations', 'Dr. Mr. U.S. '),
];

/** An article file with the given story and front-matter fields, as `gazette build` reads one. */
export function articleFile(body: string, fields: Readonly<Record<string, string>> = {}): string {
  const more = Object.entries(fields).map(([key, value]) => `${key}: '${value}'\n`).join('');
  return `---\ntitle: A long article\nurl: https://news.example.org/long\ndate: 2026-11-30\n${more}---\n\n${body}\n`;
}
