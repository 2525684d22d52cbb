import { parseEmail, type Email } from '../../src/check/email.js';
import type { CheckInput } from '../../src/check/types.js';

/** A small email of our own around `body`, clean by default: each test adds one problem. */
export function page({ body = '<p>Hello</p>', head = '<title>The Test Tide: harbour news</title>', lang = ' lang="en"' }: { body?: string; head?: string; lang?: string } = {}): string {
  return `<!doctype html><html${lang}><head>${head}</head><body><div style="display:none;max-height:0px;overflow:hidden">Also inside: the regatta, the ferry and the mooring rules</div><div style="max-width:600px;margin:0 auto">${body}</div></body></html>`;
}

/** Parse for one rule. */
export function email(html: string, rest: Omit<CheckInput, 'html'> = {}, allow: readonly string[] = []): Email {
  return parseEmail({ html, ...rest }, allow);
}
