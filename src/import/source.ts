import { createReadStream } from 'node:fs';
import { buffer } from 'node:stream/consumers';
import { GazetteError } from '../errors.js';
import { FETCH_DEFAULTS, fetchPage, type FetchOptions } from './fetch.js';
import { importHtml } from './html.js';
import { importText } from './text.js';
import type { ImportedArticle } from './types.js';

/** Read one source (an http(s) address, an .html file, a text paste, or - for stdin) and import it. */
export async function readSource(source: string, options: { fetch?: FetchOptions; stdin?: () => Promise<string> } = {}): Promise<ImportedArticle> {
  if (/^https?:\/\//i.test(source)) {
    const page = await fetchPage(source, options.fetch);
    return importHtml(page.html, { url: page.url });
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    throw new GazetteError('IMPORT_SOURCE', 'only http and https addresses can be imported', { file: source, fix: 'use a full http:// or https:// address, or a file' });
  }
  const content = source === '-' ? await (options.stdin ?? readStdin)() : await readText(source);
  return looksLikeHtml(source, content) ? importHtml(content) : importText(content);
}

function looksLikeHtml(source: string, content: string): boolean {
  if (/\.x?html?$/i.test(source)) return true;
  if (/\.(txt|text|md)$/i.test(source)) return false;
  return /^\s*(<!doctype html|<html[\s>])/i.test(content);
}

async function readText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    // Bounded as a fetched page is, so /dev/zero or a runaway log cannot take the memory; a pipe is fine (`import <(curl …)`).
    bytes = await buffer(createReadStream(file, { end: FETCH_DEFAULTS.maxBytes }));
  } catch (cause) {
    throw new GazetteError('IMPORT_SOURCE', `cannot read it (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, {
      file,
      fix: 'check the path, or give an http(s):// address',
      cause,
    });
  }
  if (bytes.length > FETCH_DEFAULTS.maxBytes) {
    throw new GazetteError('IMPORT_SOURCE', `it is larger than ${FETCH_DEFAULTS.maxBytes / 1024 / 1024} MB`, { file, fix: 'save the article page alone, or paste the story itself into a .txt file' });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Pastes saved by older editors are often Windows-1252; better than refusing them.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
