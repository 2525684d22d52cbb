import { describe, expect, it } from 'vitest';
import { unsubscribeLink, unsubscribeToken, verifyUnsubscribeToken } from '../../src/send/unsubscribe.js';

const secret = 'test-secret-of-the-list';
const list = 'tide.example.org';

describe('unsubscribe tokens', () => {
  it('round-trips the address, case kept', () => {
    const token = unsubscribeToken(secret, list, 'Ana.Lopes@Example.org');
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(verifyUnsubscribeToken(secret, list, token)).toBe('Ana.Lopes@Example.org');
  });

  it('does not depend on the case of the address for its MAC', () => {
    const a = unsubscribeToken(secret, list, 'ana@example.org').split('.')[1];
    const b = unsubscribeToken(secret, list, 'ANA@example.org').split('.')[1];
    expect(a).toBe(b);
  });

  it('rejects a token for another address, list or secret, and any tampering', () => {
    const token = unsubscribeToken(secret, list, 'ana@example.org');
    const [, macPart] = token.split('.');
    const other = `${Buffer.from('bob@example.org').toString('base64url')}.${macPart}`;
    expect(verifyUnsubscribeToken(secret, list, other)).toBeNull();
    expect(verifyUnsubscribeToken(secret, 'other.example.org', token)).toBeNull();
    expect(verifyUnsubscribeToken('another-secret', list, token)).toBeNull();
    expect(verifyUnsubscribeToken(secret, list, `${token}x`)).toBeNull();
    expect(verifyUnsubscribeToken(secret, list, `${token}.x`)).toBeNull();
    expect(verifyUnsubscribeToken(secret, list, '')).toBeNull();
    expect(verifyUnsubscribeToken(secret, list, 'not-a-token')).toBeNull();
  });

  it('adds the token to the unsubscribe page address', () => {
    expect(unsubscribeLink('https://tide.example.org/unsubscribe', 'abc.def')).toBe('https://tide.example.org/unsubscribe?t=abc.def');
    expect(unsubscribeLink('https://tide.example.org/u?list=weekly', 'abc')).toBe('https://tide.example.org/u?list=weekly&t=abc');
  });
});
