import { DomUtils, parseDocument } from 'htmlparser2';
import type { Finding } from './types.js';

export interface OnlineOptions {
  /** Requests in flight at once. */
  concurrency?: number;
  /** For each request, redirects each counting as one. */
  timeoutMs?: number;
  maxRedirects?: number;
  userAgent?: string;
}

export const ONLINE_DEFAULTS = {
  concurrency: 6,
  timeoutMs: 10_000,
  maxRedirects: 5,
  userAgent: 'gazette/0.1 (newsletter link check; +https://github.com/gazette-newsletter/gazette)',
} as const;

interface Target {
  url: string;
  image: boolean;
}

type Outcome = { ok: true; url: string; type: string } | { ok: false; problem: string };

/**
 * `check --online`: ask every distinct link and image address whether it
 * answers, HEAD first (a GET when HEAD is refused or fails, since some servers
 * mishandle HEAD), following at most 5 redirects, a few at a time, each with a
 * time limit. A link that does not answer with a success is an error;
 * an image that answers with something other than an image is a warning.
 */
export async function checkOnline(html: string, options: OnlineOptions = {}): Promise<Finding[]> {
  const settings = { ...ONLINE_DEFAULTS, ...options };
  const targets = targetsOf(html);
  const findings: (Finding | undefined)[] = new Array<Finding | undefined>(targets.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < targets.length; i = next++) {
      const target = targets[i];
      if (target) findings[i] = findingFor(target, await probe(target.url, settings));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(settings.concurrency, targets.length)) }, worker));
  return findings.filter((f): f is Finding => f !== undefined);
}

/** Distinct http(s) addresses of links and images, in document order; an address used for both is checked as an image. */
function targetsOf(html: string): Target[] {
  const document = parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true });
  const targets = new Map<string, Target>();
  for (const el of DomUtils.findAll((e) => (e.name === 'a' && 'href' in e.attribs) || (e.name === 'img' && 'src' in e.attribs), document.children)) {
    const image = el.name === 'img';
    const url = web((image ? el.attribs.src : el.attribs.href) ?? '');
    if (url === undefined) continue;
    const known = targets.get(url);
    if (known) known.image ||= image;
    else targets.set(url, { url, image });
  }
  return [...targets.values()];
}

function web(address: string): string | undefined {
  try {
    const url = new URL(address.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

async function probe(start: string, settings: Required<OnlineOptions>): Promise<Outcome> {
  let url = start;
  for (let hop = 0; ; hop++) {
    let response: Response;
    try {
      response = await request(url, 'HEAD', settings);
      if (response.status >= 400) response = await request(url, 'GET', settings);
    } catch (error) {
      return { ok: false, problem: failure(error, settings.timeoutMs) };
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      if (hop >= settings.maxRedirects) return { ok: false, problem: `more than ${settings.maxRedirects} redirects (a redirect loop?)` };
      const target = web(new URL(location, url).href);
      if (target === undefined) return { ok: false, problem: `redirects to ${location}, which is not a web address` };
      url = target;
      continue;
    }
    if (response.status >= 400) return { ok: false, problem: `answered ${response.status} ${response.statusText}`.trim() + (url === start ? '' : ` (at ${url})`) };
    return { ok: true, url, type: response.headers.get('content-type') ?? '' };
  }
}

async function request(url: string, method: 'HEAD' | 'GET', settings: Required<OnlineOptions>): Promise<Response> {
  const response = await fetch(url, {
    method,
    redirect: 'manual',
    signal: AbortSignal.timeout(settings.timeoutMs),
    headers: { 'user-agent': settings.userAgent, accept: '*/*' },
  });
  await response.body?.cancel(); // the status and headers are the answer; never download the body
  return response;
}

function failure(error: unknown, timeoutMs: number): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  const code = e.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ECONNRESET') return 'connection reset';
  return `cannot connect (${code ?? e.cause?.message ?? e.message})`;
}

function findingFor(target: Target, outcome: Outcome): Finding | undefined {
  const what = target.image ? 'image' : 'link';
  if (!outcome.ok) {
    return { level: 'error', rule: 'online', message: `${what} ${outcome.problem}`, where: target.url, fix: target.image ? 'correct the image address, or upload the image' : 'correct or remove the link' };
  }
  if (target.image && !/^image\//i.test(outcome.type)) {
    return {
      level: 'warning',
      rule: 'online',
      message: `image answered with ${outcome.type ? `content type ${outcome.type.split(';')[0]}` : 'no content type'}, not an image`,
      where: target.url,
      fix: 'link the image file itself, served as image/*',
    };
  }
  return undefined;
}
