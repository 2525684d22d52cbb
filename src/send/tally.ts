import type { Recipient } from '../render/personal.js';
import type { SubscriberRow } from './types.js';

/** How many rows of the list were skipped and why, with the first few of each kind for the report. */
export interface Skipped {
  invalid: { count: number; examples: { line: number; value: string; reason: string }[] };
  duplicates: { count: number; examples: { line: number; email: string; firstLine: number }[] };
}

/** Examples kept per kind: the report shows them, the count says how many more there were. */
const EXAMPLES = 10;

export function emptySkipped(): Skipped {
  return { invalid: { count: 0, examples: [] }, duplicates: { count: 0, examples: [] } };
}

/** The rows that can be sent to, noting the others in `skipped` as they stream past. */
export async function* sendable(rows: AsyncIterable<SubscriberRow>, skipped: Skipped): AsyncGenerator<{ line: number; subscriber: Recipient }> {
  for await (const row of rows) {
    if (row.ok) {
      yield { line: row.line, subscriber: row.subscriber };
    } else {
      skipped.invalid.count++;
      if (skipped.invalid.examples.length < EXAMPLES) skipped.invalid.examples.push({ line: row.line, value: row.value, reason: row.reason });
    }
  }
}

/** For Ledger.load: a row whose address came earlier in the list. */
export function duplicateCounter(skipped: Skipped): (line: number, email: string, firstLine: number) => void {
  return (line, email, firstLine) => {
    skipped.duplicates.count++;
    if (skipped.duplicates.examples.length < EXAMPLES) skipped.duplicates.examples.push({ line, email, firstLine });
  };
}
