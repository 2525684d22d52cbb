import { readFile } from 'node:fs/promises';
import { GazetteError } from '../errors.js';
import { fetchPage, type FetchOptions } from './fetch.js';
import { importHtml } from './html.js';
import { importText } from './text.js';
import type { ImportedArticle } from './types.js';

/** Read one source (an http(s) address, an .html file, a text paste, or - for stdin) and import it. */
export async function readSource(source: string, options: { fetch?: FetchOptions; stdin?: () => Promise<string> } = {}): Promise<ImportedArticle> {
  if (/^https?:\/\//i.test(source)) {
    const page = await fetchPage(source, options.fetch);
    return naming(source, () => importHtml(page.html, { url: page.url }));
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    throw new GazetteError('IMPORT_SOURCE', 'only http and https addresses can be imported', { file: source, fix: 'use a full http:// or https:// address, or a file' });
  }
  const content = source === '-' ? await (options.stdin ?? readStdin)() : await readText(source);
  return naming(source, () => (looksLikeHtml(source, content) ? importHtml(content) : importText(content)));
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
  if (/\.(txt|text|md)$/i.test(source)) return false;
  return /^\s*(<!doctype html|<html[\s>])/i.test(content);
}

async function readText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    throw new GazetteError('IMPORT_SOURCE', `cannot read it (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, {
      file,
      fix: 'check the path, or give an http(s):// address',
      cause,
    });
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
