import { GazetteError } from '../errors.js';

/**
 * Parse JSON Lines text into rows, checking each with `accept`. A line that is
 * not JSON, or not a row of the expected shape, is an error naming the line.
 */
export function parseJsonl<T>(
  source: string,
  file: string,
  accept: (value: unknown) => value is T,
  shape: string,
): T[] {
  const rows: T[] = [];
  const lines = source.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (cause) {
      throw new GazetteError('EVAL_INPUT', `line is not JSON (${(cause as Error).message})`, {
        file,
        line: i + 1,
        fix: 'each line must be one JSON object',
        cause,
      });
    }
    if (!accept(value)) {
      throw new GazetteError('EVAL_INPUT', 'row has the wrong shape', { file, line: i + 1, fix: `expected ${shape}` });
    }
    rows.push(value);
  }
  return rows;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
