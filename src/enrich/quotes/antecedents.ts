/**
 * What "he" and "she" can point back to: the people named before the cue,
 * and the run of the same pronoun the cue continues. Every cue walks back
 * from where it stands; over a long run of "he said" in an article of
 * names, walking mention by mention made each cue cost the article. Here
 * whom a pronoun can never mean (not a person, the other gender, not a
 * subject when only subjects will do) is skipped in one step, and each link
 * of a pronoun run is followed once.
 */

import { lastBelow } from '../../text/sorted.js';
import type { Mention } from './mentions.js';
import type { NameIndex } from './name-index.js';

type Gender = 'm' | 'f';

/** The mentions a pronoun may mean, nearest first. */
export interface Antecedents {
  /** A speaker just attributed; speakers come in document order. */
  add(mention: Mention): void;
  /**
   * People of the wanted gender (or of none known) mentioned before
   * `limit`, nearest first; only the subjects of a verb if `subjects`.
   */
  before(limit: number, wanted: Gender, subjects: boolean): Generator<Mention>;
}

/** `mentions` in document order (a stable sort keeps ties in the order given). */
export function antecedents(mentions: readonly Mention[], index: NameIndex): Antecedents {
  const named = mentionList(mentions, index);
  const speakers = mentionList([], index);
  return {
    add: (mention) => speakers.push(mention),
    *before(limit, wanted, subjects) {
      let n = named.nearest(lastBelow(named.at, limit), wanted, subjects);
      let s = speakers.nearest(lastBelow(speakers.at, limit), wanted, subjects);
      for (;;) {
        const fromNamed = named.mentions[n];
        const fromSpeakers = speakers.mentions[s];
        // A speaker counts after a name at the same offset: it was said there after the name was read.
        if (fromSpeakers && (!fromNamed || fromSpeakers.at >= fromNamed.at)) {
          yield fromSpeakers;
          s = speakers.nearest(s - 1, wanted, subjects);
        } else if (fromNamed) {
          yield fromNamed;
          n = named.nearest(n - 1, wanted, subjects);
        } else {
          return;
        }
      }
    },
  };
}

interface MentionList {
  mentions: Mention[];
  at: number[];
  push(mention: Mention): void;
  /** Index of the last mention at or before `i` that a pronoun of `wanted` can mean, or -1. */
  nearest(i: number, wanted: Gender, subjects: boolean): number;
}

function mentionList(initial: readonly Mention[], index: NameIndex): MentionList {
  const mentions = [...initial];
  const at = mentions.map((m) => m.at);
  // For each kind of question, nearest(i) once asked: -2 until then.
  const answers = new Map<string, number[]>();
  const fits = (m: Mention, wanted: Gender, subjects: boolean): boolean => {
    if (subjects && !m.subject) return false;
    if (!index.isPerson(m.name)) return false;
    const gender = index.gender(m.name);
    return gender === null || gender === wanted;
  };
  return {
    mentions,
    at,
    push(mention) {
      mentions.push(mention);
      at.push(mention.at);
    },
    nearest(i, wanted, subjects) {
      const kind = `${wanted} ${subjects}`;
      const known = answers.get(kind) ?? [];
      answers.set(kind, known);
      while (known.length < mentions.length) known.push(-2);
      const walked: number[] = [];
      let j = i;
      while (j >= 0 && known[j] === -2 && !fits(mentions[j] as Mention, wanted, subjects)) {
        walked.push(j);
        j--;
      }
      const answer = j < 0 ? -1 : known[j] === -2 ? j : (known[j] ?? -1);
      for (const w of walked) known[w] = answer;
      if (j >= 0) known[j] = answer;
      return answer;
    },
  };
}

/**
 * "He says … He notes … He said": a run of the same pronoun as subject
 * refers to one person, so the search reaches back from its first link.
 * Returns, for a pronoun at a cue, where the run it continues began: each
 * link within `reach` (characters of narrative) of the next. Links of the
 * other pronoun in between are nearer still, so they never break a run.
 */
export function pronounRuns(
  pronouns: ReadonlyArray<{ pronoun: 'he' | 'she'; at: number }>,
  narrative: (from: number, to: number) => number,
  reach: number,
): (pronoun: 'he' | 'she', at: number) => number {
  const at = pronouns.map((p) => p.at);
  // latest[pronoun][i]: the last link at or before link i with that pronoun, or -1.
  const latest = { he: new Int32Array(pronouns.length), she: new Int32Array(pronouns.length) };
  for (const [i, link] of pronouns.entries()) {
    for (const pronoun of ['he', 'she'] as const) latest[pronoun][i] = link.pronoun === pronoun ? i : (latest[pronoun][i - 1] ?? -1);
  }
  // start[i]: where the run through link i began (-1 until asked).
  const start = new Int32Array(pronouns.length).fill(-1);
  const runThrough = (link: number, pronoun: 'he' | 'she'): number => {
    const walked: number[] = [];
    let i = link;
    while ((start[i] ?? 0) < 0) {
      walked.push(i);
      const before = latest[pronoun][i - 1] ?? -1;
      if (before < 0 || narrative(at[before] ?? 0, at[i] ?? 0) > reach) {
        start[i] = at[i] ?? 0;
        break;
      }
      i = before;
    }
    const first = start[i] ?? 0;
    for (const w of walked) start[w] = first;
    return first;
  };
  return (pronoun, from) => {
    const nearest = latest[pronoun][lastBelow(at, from)] ?? -1;
    if (nearest < 0 || narrative(at[nearest] ?? 0, from) > reach) return from;
    return runThrough(nearest, pronoun);
  };
}
