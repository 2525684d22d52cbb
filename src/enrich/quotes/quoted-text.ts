/**
 * Which characters of an article lie inside its quotations, counted once,
 * so that asking about any offset or stretch costs the same however many
 * quotations the article has.
 */

import type { QuotedSpan } from './marks.js';

export interface QuotedText {
  /** Whether the character at `at` is quoted. */
  inside(at: number): boolean;
  /** Characters of narrative (quotations left out) between two offsets. */
  narrative(from: number, to: number): number;
}

export function quotedText(length: number, spans: readonly QuotedSpan[]): QuotedText {
  const inside = new Uint8Array(length);
  for (const span of spans) inside.fill(1, span.start, span.end);
  // quoted[i]: how many of the first i characters lie inside quotations.
  const quoted = new Uint32Array(length + 1);
  for (let i = 0; i < length; i++) quoted[i + 1] = (quoted[i] ?? 0) + (inside[i] ?? 0);
  return {
    inside: (at) => inside[at] === 1,
    narrative: (from, to) => to - from - ((quoted[to] ?? 0) - (quoted[from] ?? 0)),
  };
}
