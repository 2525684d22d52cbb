import { createReadStream } from 'node:fs';
import { GazetteError } from '../errors.js';
import { decodeText } from './decode.js';
import { fetchPage, type FetchOptions } from './fetch.js';
import { importHtml } from './html.js';
import { importText } from './text.js';
import type { ImportedArticle } from './types.js';

/** More than any article page or paste, saved images included; the parse of a larger one could exhaust memory. */
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;

/** How a source is named in messages: "-" is standard input. */
export function sourceName(source: string): string {
  return source === '-' ? 'standard input' : source;
}

/**
 * Read one source (an http(s) address, an .html file, a text paste, or - for
 * standard input, read as a paste) and import it. Errors name the source.
 */
export async function readSource(source: string, options: { fetch?: FetchOptions; stdin?: AsyncIterable<Uint8Array> } = {}): Promise<ImportedArticle> {
  if (/^https?:\/\//i.test(source)) {
    const page = await fetchPage(source, options.fetch);
    return naming(source, () => importHtml(page.html, { url: page.url }));
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    throw new GazetteError('IMPORT_SOURCE', 'only http and https addresses can be imported', { file: source, fix: 'use a full http:// or https:// address, or a file' });
  }
  const name = sourceName(source);
  const bytes = source === '-' ? await readStream(options.stdin ?? process.stdin, name) : await readBytes(source);
  const content = decodeText(bytes, name);
  return naming(name, () => (looksLikeHtml(source, content) ? importHtml(content) : importText(content)));
}

/** The importers read text and cannot know where it came from: their errors are placed in the source here. */
function naming<T>(source: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw error instanceof GazetteError ? error.inFile(source) : error;
  }
}

function looksLikeHtml(source: string, content: string): boolean {
  if (/\.x?html?$/i.test(source)) return true;
  if (/\.(txt|text|md)$/i.test(source) || source === '-') return false;
  return /^\s*(<!doctype html|<html[\s>])/i.test(content);
}

/** Streamed with a bound rather than sized first: /dev/zero and pipes (`import <(curl …)`) report no size. */
async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await readStream(createReadStream(file), file);
  } catch (cause) {
    if (cause instanceof GazetteError) throw cause;
    throw new GazetteError('IMPORT_SOURCE', `cannot read it (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, {
      file,
      fix: 'check the path, or give an http(s):// address',
      cause,
    });
  }
}

async function readStream(stream: AsyncIterable<Uint8Array>, name: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.byteLength;
    if (total > MAX_SOURCE_BYTES) throw tooLarge(name);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function tooLarge(name: string): GazetteError {
  return new GazetteError('IMPORT_TOO_LARGE', `it is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB, more than any article`, {
    file: name,
    fix: 'check that it is the article itself; for a page saved with its images, import its address or save it as "HTML only"',
  });
}
