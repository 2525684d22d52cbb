// PLACEHOLDER with the final signature; the real checks replace it.
import type { CheckInput, CheckReport } from './types.js';

export type { CheckInput, CheckReport, Finding, Level } from './types.js';

/** Check a rendered email offline. Pure. */
export function checkEmail(input: CheckInput, _options: { allow?: readonly string[] } = {}): CheckReport {
  return { findings: [], errors: 0, warnings: 0, htmlBytes: Buffer.byteLength(input.html) };
}
