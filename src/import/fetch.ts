import type { LookupFunction } from 'node:net';
import { Agent, fetch, type Response } from 'undici';
import { GazetteError } from '../errors.js';
import { AddressGuard, PrivateAddressRefused } from './address-guard.js';
import { decodeText } from './decode.js';
import { isPrivateAddress } from './private-address.js';

export interface FetchOptions {
  /** For the whole exchange, body included. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  /** Resolves host names for the connection: dns.lookup, unless you bring your own resolver. */
  lookup?: LookupFunction;
  /** Which addresses count as private (private-address.ts), unless you say otherwise: a network whose public site has an address in a private range. */
  isPrivateAddress?: (address: string) => boolean;
}

export interface FetchedPage {
  /** Where the page was finally found, after redirects. */
  url: string;
  html: string;
}

export const FETCH_DEFAULTS = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'gazette/0.1 (newsletter article import; +https://github.com/gazette-newsletter/gazette)',
} as const;

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

/**
 * Fetch a news page the careful way: http(s) only, a bounded number of
 * redirects followed by hand (each one checked), a time limit for the whole
 * exchange, a size limit enforced while reading, and only HTML accepted.
 * The address you give may be on your own network; a redirect from a public
 * address into a private one (loopback, link-local, private ranges, by the
 * address the host resolves to) is refused. Every failure is an
 * IMPORT_FETCH error that says what happened.
 */
export async function fetchPage(address: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const { timeoutMs, maxBytes, maxRedirects, userAgent } = { ...FETCH_DEFAULTS, ...options };
  const signal = AbortSignal.timeout(timeoutMs);
  const guard = new AddressGuard(options.isPrivateAddress ?? isPrivateAddress, options.lookup);
  const dispatcher = new Agent({ connect: { lookup: guard.lookup } });
  let url = checkedUrl(address, address);
  let from: string | null = null;
  try {
    for (let hop = 0; ; hop++) {
      guard.allowPrivate = from === null || guard.privateAddressOf(new URL(from).hostname) !== null;
      const known = guard.allowPrivate ? null : guard.privateAddressOf(new URL(url).hostname);
      if (from !== null && known !== null) throw intoPrivate(address, from, url, known);
      const response = await fetch(url, {
        redirect: 'manual',
        signal,
        dispatcher,
        headers: { 'user-agent': userAgent, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' },
      }).catch((error: unknown) => {
        const refused = (error as { cause?: unknown }).cause;
        throw from !== null && refused instanceof PrivateAddressRefused ? intoPrivate(address, from, url, refused.address) : error;
      });
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        if (hop >= maxRedirects) throw fetchError(address, `more than ${maxRedirects} redirects (a redirect loop?)`, 'open the address in a browser and import the page it ends on');
        from = url;
        url = checkedUrl(new URL(response.headers.get('location') ?? '', url).href, address);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw fetchError(address, `the server answered ${response.status} ${response.statusText}`.trim(), response.status >= 500 ? 'try again later' : 'check the address');
      }
      const type = response.headers.get('content-type') ?? '';
      if (!HTML_TYPES.test(type)) {
        await response.body?.cancel();
        throw fetchError(address, `not an HTML page (content type ${type || 'missing'})`, 'give the address of the article page itself');
      }
      const declared = Number(response.headers.get('content-length'));
      if (declared > maxBytes) {
        await response.body?.cancel();
        throw tooBig(address, maxBytes);
      }
      const bytes = await readLimited(response, maxBytes, address);
      return { url, html: decode(bytes, type, address) };
    }
  } catch (error) {
    if (error instanceof GazetteError) throw error;
    if (signal.aborted) throw fetchError(address, `no complete answer within ${timeoutMs / 1000} s`, 'check the address, or save the page and import the file');
    const cause = error as Error & { cause?: { code?: string; message?: string } };
    throw fetchError(address, `cannot fetch it (${cause.cause?.code ?? cause.cause?.message ?? cause.message})`, 'check the address and your connection');
  } finally {
    await dispatcher.destroy();
  }
}

function intoPrivate(source: string, from: string, to: string, address: string): GazetteError {
  const literal = new URL(to).hostname.replace(/^\[|\]$/g, '') === address;
  return fetchError(source, `${from} redirects to ${to}${literal ? '' : ` (${address})`}, a private address, and a public page may not lead into a private network`, 'if you mean to import that page, give its address itself');
}

function checkedUrl(candidate: string, source: string): string {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw fetchError(source, `"${candidate}" is not a web address`, 'use a full http:// or https:// address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw fetchError(source, `only http and https addresses can be imported, not ${url.protocol}`, 'use a full http:// or https:// address');
  }
  return url.href;
}

async function readLimited(response: Response, maxBytes: number, source: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooBig(source, maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The page's text in the charset it declares (header, then <meta>); its byte-order mark wins over both, as in browsers. */
function decode(bytes: Uint8Array, contentType: string, source: string): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const charset = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? null;
  return decodeText(bytes, source, charset);
}

function tooBig(source: string, maxBytes: number): GazetteError {
  return fetchError(source, `the page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`, 'save the article page and import the file');
}

function fetchError(source: string, problem: string, fix: string): GazetteError {
  return new GazetteError('IMPORT_FETCH', problem, { file: source, fix });
}
