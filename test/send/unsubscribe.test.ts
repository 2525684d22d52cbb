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

  it('binds the address exactly, letter case included', () => {
    const token = unsubscribeToken(secret, list, 'Ana@Example.org');
    const [addressPart, macPart] = token.split('.');
    expect(addressPart).toBe(Buffer.from('Ana@Example.org').toString('base64url'));
    expect(verifyUnsubscribeToken(secret, list, `${Buffer.from('ana@example.org').toString('base64url')}.${macPart}`)).toBeNull();
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

  it('refuses every altered token: each character changed, dropped or doubled, padding or text appended', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/= .%';
    for (const address of ['ana@example.org', 'Bo.Li+news@example.co.uk', 'zoë@exämple.org']) {
      const token = unsubscribeToken(secret, list, address);
      const altered = new Set<string>();
      for (let i = 0; i < token.length; i++) {
        for (const c of alphabet) altered.add(token.slice(0, i) + c + token.slice(i + 1));
        altered.add(token.slice(0, i) + token.slice(i + 1));
        altered.add(token.slice(0, i + 1) + token.slice(i));
      }
      for (const tail of ['=', '==', '%3D', ' ', '\n', 'A', '.']) altered.add(token + tail);
      altered.delete(token);
      const accepted = [...altered].filter((t) => verifyUnsubscribeToken(secret, list, t) !== null);
      expect(accepted).toEqual([]);
      expect(verifyUnsubscribeToken(secret, list, token)).toBe(address);
    }
  });

  it('adds the token to the unsubscribe page address', () => {
    expect(unsubscribeLink('https://tide.example.org/unsubscribe', 'abc.def')).toBe('https://tide.example.org/unsubscribe?t=abc.def');
    expect(unsubscribeLink('https://tide.example.org/u?list=weekly', 'abc')).toBe('https://tide.example.org/u?list=weekly&t=abc');
  });
});
