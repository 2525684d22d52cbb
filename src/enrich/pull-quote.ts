/**
 * The pull quote: a direct quotation copied verbatim from the article,
 * attributed to its speaker, 40 to 200 characters.
 *
 * findQuotes: quotation marks paired (quotes/marks.ts) → a speaker for each
 * quotation from its cue (quotes/speaker.ts). pickPullQuote: each quotation's
 * usable excerpts (quotes/excerpt.ts) ranked, or a striking sentence when the
 * article quotes nobody (quotes/fallback.ts).
 */

import type { PullQuote } from '../types.js';
import { excerpts, type Excerpt } from './quotes/excerpt.js';
import { strikingSentence } from './quotes/fallback.js';
import { quotedSpans, type MarkStyle } from './quotes/marks.js';
import { attributeSpans, type CueKind, type SourceKind } from './quotes/speaker.js';

/** A direct quotation in an article. `text === article.slice(start, end)`, marks excluded. */
export interface QuoteCandidate {
  text: string;
  start: number;
  end: number;
  speaker: string | null;
  /** How the speaker was found: a cue after or before the quotation, or continuing the previous one. */
  cue: CueKind;
  /** What the cue gave: a name, "he"/"she" or a title resolved to a name, a description ("a friend"), or nothing. */
  source: SourceKind;
  style: MarkStyle;
  /** Pieces of one quotation that runs across paragraphs share a group. */
  group: number;
  /** False for a piece that a paragraph end cut off (the quotation goes on in the next paragraph). */
  closed: boolean;
}

export interface PullQuoteOptions {
  /** Sentences already shown (the summary): a quote repeating one ranks lower. */
  avoid?: readonly string[];
  /** When the article has no usable quotation, pull out a striking sentence instead. */
  fallback?: boolean;
  min?: number;
  max?: number;
}

/** Every direct quotation in `text`, in document order. */
export function findQuotes(text: string): QuoteCandidate[] {
  const spans = quotedSpans(text);
  const attributions = attributeSpans(text, spans);
  return spans.map((span, i) => {
    const who = attributions[i] ?? { speaker: null, cue: 'none' as const, source: 'none' as const };
    return {
      text: text.slice(span.start, span.end),
      start: span.start,
      end: span.end,
      speaker: who.speaker,
      cue: who.cue,
      source: who.source,
      style: span.style,
      group: span.group,
      closed: span.closed,
    };
  });
}

const CAPTION_MARK = /\((?:pictured|left|right|centre|center|above|below|inset|file (?:photo|picture|image))\b[^)]*\)/i;

const TRANSCRIPT_LABEL = /^\p{Lu}[\p{Lu}.'\- ]{1,30}:\s/u;

interface Ranked {
  excerpt: Excerpt;
  speaker: string | null;
  key: number[];
}

/**
 * The best pull quote in `text`, or null: a quotation attributed through a
 * cue. Preference, in order: attributed to a person (rather than "a
 * spokesman"), not repeating a sentence in `avoid`, whole sentences, named
 * in the cue rather than through a pronoun, the whole quotation rather than
 * part of a long one, 60–160 characters, earlier in the article. Without a
 * quotation, and with `fallback`, a striking sentence with no speaker.
 */
export function pickPullQuote(text: string, options: PullQuoteOptions = {}): PullQuote | null {
  return choosePullQuote(text, options)?.quote ?? null;
}

/**
 * pickPullQuote, saying whether the quote is a striking sentence (with
 * `fallback`) rather than a quotation: one reading of the article for both.
 */
export function choosePullQuote(text: string, options: PullQuoteOptions = {}): { quote: PullQuote; excerpt: boolean } | null {
  const min = options.min ?? 40;
  const max = options.max ?? 200;
  const avoided = avoidSpans(text, options.avoid ?? []);
  const overlaps = (start: number, end: number): boolean =>
    avoided.spans.some((a) => start < a.end && a.start < end) || avoided.repeats(text.slice(start, end));

  let best: Ranked | null = null;
  const quotes = findQuotes(text);
  const groupSize = new Map<number, number>();
  for (const q of quotes) groupSize.set(q.group, (groupSize.get(q.group) ?? 0) + 1);
  const transcripts = new Set(quotes.filter((q) => TRANSCRIPT_LABEL.test(q.text)).map((q) => q.group));
  for (const quote of quotes) {
    // "WALLACE: …" lines quote a transcript, speaker labels and all: not a quotation to pull.
    if (transcripts.has(quote.group)) continue;
    const single = groupSize.get(quote.group) === 1;
    const handsOver = quote.closed && (quote.cue === 'after' || quote.cue === 'continued');
    // A pull quote is attributed through a cue: a quotation nobody is said to have said is a
    // scare quote, a title, a line from a report or a speaker lost to the layout.
    if (quote.source === 'none') continue;
    const person = quote.source === 'name' || quote.source === 'pronoun' || quote.source === 'described';
    for (const excerpt of excerpts(text, quote.start, quote.end, handsOver, min, max)) {
      // Not a sentence, and from "a spokesman": a phrase, not something to pull out.
      if (!person && !excerpt.complete) continue;
      // "(pictured)" belongs to a photo caption run into the quotation, not to anything said.
      if (CAPTION_MARK.test(excerpt.text)) continue;
      const length = excerpt.text.length;
      const key = [
        // A person, named or reached through "he"/"she", before a description ("a friend said").
        person ? 0 : 1,
        overlaps(excerpt.start, excerpt.end) ? 1 : 0,
        excerpt.complete ? 0 : 1,
        // A name in the cue is surer than one reached through "he", "she" or "his granddaughter".
        quote.source === 'pronoun' || quote.source === 'described' ? 1 : 0,
        excerpt.whole && single ? 0 : 1,
        length >= 60 && length <= 160 ? 0 : 1,
        excerpt.start,
      ];
      if (best === null || compare(key, best.key) < 0) best = { excerpt, speaker: quote.speaker, key };
    }
  }
  if (best) return { quote: { text: best.excerpt.text, speaker: best.speaker }, excerpt: false };
  if (!options.fallback) return null;
  const sentence = strikingSentence(text, min, max, overlaps);
  return sentence ? { quote: { text: sentence.text, speaker: null }, excerpt: true } : null;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Where the avoided sentences sit in the article, and a looser test for ones whose spacing differs. */
function avoidSpans(
  text: string,
  avoid: readonly string[],
): { spans: Array<{ start: number; end: number }>; repeats: (quote: string) => boolean } {
  const spans: Array<{ start: number; end: number }> = [];
  const normalised: string[] = [];
  for (const sentence of avoid) {
    const needle = sentence.trim();
    if (needle === '') continue;
    normalised.push(normalise(needle));
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      spans.push({ start: at, end: at + needle.length });
    }
  }
  return {
    spans,
    repeats: (quote) => {
      const q = normalise(quote);
      return q.length > 0 && normalised.some((s) => s.includes(q) || q.includes(s));
    },
  };
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
