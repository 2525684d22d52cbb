/**
 * Email addresses and display names as they come from a subscriber list.
 *
 * The check is practical, not the whole of RFC 5322: what a relay accepts and
 * a person meant. The local part is ASCII (a dot-atom or a quoted string), as
 * non-ASCII local parts need SMTPUTF8, which relays cannot be relied on to
 * speak; the domain may be internationalised, and is checked in its punycode
 * form. No whitespace or control character is allowed anywhere, so that an
 * address can never carry a line break into a header.
 */

/** RFC 5322 `atext`: the characters of a dot-atom, besides the dots. */
const ATEXT = "A-Za-z0-9!#$%&'*+/=?^_`{|}~-";
const DOT_ATOM = new RegExp(`^[${ATEXT}]+(?:\\.[${ATEXT}]+)*$`);
/** RFC 5322 quoted string without whitespace: printable ASCII but `"` and `\`, or a backslash pair. */
const QUOTED = /^"(?:[\x21\x23-\x5b\x5d-\x7e]|\\[\x21-\x7e])*"$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** What an internationalised domain may be written with before punycode: letters, marks, digits, hyphens, dots (and the ideographic full stops IDNA reads as dots). */
const IDN_CHARS = /^[\p{L}\p{M}\p{N}.\u3002\uff0e\uff61-]+$/u;
const WHITESPACE_OR_CONTROL = /[\s\p{Cc}\u2028\u2029]/u;
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const MAX_ADDRESS = 254;

/** True when `email` is an address gazette will send to. It is not trimmed: pass it through {@link normaliseAddress} first. */
export function isValidAddress(email: string): boolean {
  return addressProblem(email) === null;
}

/**
 * Why `email` is not an address gazette will send to, as a phrase to follow
 * "not an email address (…): ", or null when it is one.
 */
export function addressProblem(email: string): string | null {
  if (email === '') return 'it is empty';
  if (WHITESPACE_OR_CONTROL.test(email)) return 'it contains a space, line break or control character';
  const parts = splitAddress(email);
  if (!parts) return email.includes('@') ? 'it has more than one @' : 'it has no @';
  const { local, domain } = parts;
  if (local === '') return 'nothing comes before the @';
  if (local.length > MAX_LOCAL) return `the part before the @ is longer than ${MAX_LOCAL} characters`;
  if (!DOT_ATOM.test(local) && !QUOTED.test(local)) {
    return /[^\x00-\x7f]/.test(local)
      ? 'the part before the @ has non-ASCII letters, which most mail servers refuse'
      : 'the part before the @ has a character or dot where none may be';
  }
  if (domain === '') return 'nothing comes after the @';
  const ascii = asciiDomain(domain);
  if (ascii === null) return `"${domain}" is not a domain name`;
  if (!ascii.includes('.')) return `the domain "${domain}" has no dot`;
  if (ascii.length > MAX_DOMAIN) return `the domain is longer than ${MAX_DOMAIN} characters`;
  const labels = ascii.split('.');
  if (!labels.every((label) => LABEL.test(label))) return `"${domain}" is not a domain name`;
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return `"${domain}" is not a domain name`;
  if (local.length + 1 + ascii.length > MAX_ADDRESS) return `it is longer than ${MAX_ADDRESS} characters`;
  return null;
}

/**
 * The address as it will be sent to: trimmed, with the domain lowercased. The
 * local part keeps its case, since a mail server may (in principle) tell
 * `Ana@` from `ana@`.
 */
export function normaliseAddress(email: string): string {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  return at < 0 ? trimmed : `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}

/**
 * The key two spellings of one address share: the whole address, trimmed and
 * lowercased. No provider tells `Ana@` from `ana@` in practice, so a list
 * holding both is one person, to be sent one message.
 */
export function addressKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * A display name safe to put in a header: control characters and line
 * breaks (which could start a new header) become spaces, runs of whitespace
 * one space; null when nothing is left.
 */
export function cleanDisplayName(name: string): string | null {
  const clean = name.replace(/[\p{Cc}\u2028\u2029]/gu, ' ').replace(/\s+/g, ' ').trim();
  return clean === '' ? null : clean;
}

/** The local part and domain, split at the one @ outside a quoted local part; null when there is not exactly one. */
function splitAddress(email: string): { local: string; domain: string } | null {
  let at = email.indexOf('@');
  if (email.startsWith('"')) {
    // An @ may sit inside the quotes; the separator is the one after them.
    let i = 1;
    while (i < email.length && email[i] !== '"') i += email[i] === '\\' ? 2 : 1;
    if (email[i + 1] === '@') at = i + 1;
  }
  if (at < 0) return null;
  const domain = email.slice(at + 1);
  return domain.includes('@') ? null : { local: email.slice(0, at), domain };
}

/** The domain in lowercase ASCII (punycode for an internationalised one), or null when it cannot be one. */
function asciiDomain(domain: string): string | null {
  if (/^[\x00-\x7f]*$/.test(domain) && !/(^|\.)xn--/i.test(domain)) return domain.toLowerCase();
  if (!IDN_CHARS.test(domain)) return null;
  try {
    // WHATWG URL applies UTS #46: case folding, NFC, and punycode per label.
    const hostname = new URL(`http://${domain}`).hostname;
    return /^[\x00-\x7f]+$/.test(hostname) ? hostname : null;
  } catch {
    return null;
  }
}
