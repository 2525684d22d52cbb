import type { FetchOptions } from './fetch.js';
import { saveImported, type SaveOptions, type SaveResult } from './save.js';
import { readSource, sourceName } from './source.js';
import type { ImportedArticle } from './types.js';

export type SourceOutcome = { source: string; saved: SaveResult } | { source: string; error: unknown };

export interface ImportEachOptions extends SaveOptions {
  fetch?: FetchOptions;
  /** How a source is read: readSource, unless a caller brings its own. */
  read?: (source: string) => Promise<ImportedArticle>;
}

/**
 * Import the sources one after another, yielding what became of each. A
 * source that fails, however it fails (a bad page, a write error, a bug
 * that a strange page sets off), is yielded with its error and the next
 * source is still imported.
 */
export async function* importEach(sources: readonly string[], options: ImportEachOptions): AsyncGenerator<SourceOutcome> {
  const read = options.read ?? ((source: string) => readSource(source, { fetch: options.fetch }));
  for (const given of sources) {
    const source = sourceName(given);
    try {
      yield { source, saved: await saveImported(await read(given), source, options) };
    } catch (error) {
      yield { source, error };
    }
  }
}
