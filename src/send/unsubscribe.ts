import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Unsubscribe tokens: the subscriber's address and an HMAC-SHA256 of the list
 * and the address under a secret only the sender knows, so that nobody can
 * unsubscribe someone else by guessing (RFC 8058 asks for "hard to forge").
 *
 *   t = base64url(address) "." base64url(HMAC(secret, list "\n" address))
 *
 * The MAC covers the address exactly as the token carries it, so that no
 * change to a token verifies, not even one of letter case. (Tokens for
 * lower-case addresses are the same as when the MAC covered the lower-cased
 * address.)
 */
export function unsubscribeToken(secret: string, list: string, email: string): string {
  return `${Buffer.from(email, 'utf8').toString('base64url')}.${mac(secret, list, email).toString('base64url')}`;
}

/**
 * The address a token was made for, or null when it is not one of ours.
 * Only the exact bytes we issue verify: base64url decoding forgives padding,
 * stray characters and the spare low bits of the last character, so each part
 * is compared as text with its canonical encoding (the MAC in constant time)
 * rather than decoded and compared as bytes.
 */
export function verifyUnsubscribeToken(secret: string, list: string, token: string): string | null {
  const [addressPart, macPart, extra] = token.split('.');
  if (!addressPart || !macPart || extra !== undefined) return null;
  const email = Buffer.from(addressPart, 'base64url').toString('utf8');
  if (!email.includes('@') || Buffer.from(email, 'utf8').toString('base64url') !== addressPart) return null;
  const expected = Buffer.from(mac(secret, list, email).toString('base64url'));
  const given = Buffer.from(macPart);
  return given.length === expected.length && timingSafeEqual(given, expected) ? email : null;
}

/** The unsubscribe page's address with the token added as `t`. */
export function unsubscribeLink(base: string, token: string): string {
  const url = new URL(base);
  url.searchParams.set('t', token);
  return url.href;
}

function mac(secret: string, list: string, email: string): Buffer {
  return createHmac('sha256', secret).update(`${list}\n${email}`).digest();
}
