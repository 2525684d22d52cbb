import { describe, expect, it } from 'vitest';
import { addressKey, addressProblem, cleanDisplayName, isValidAddress, normaliseAddress } from '../../src/send/address.js';

/** An address of `length` characters with the longest local part: 64 + "@" + a 189- or 190-character domain. */
function longest(length: number): string {
  const address = `${'l'.repeat(64)}@${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(length - 64 - 1 - 63 - 1 - 63 - 1 - 4)}.org`;
  if (address.length !== length) throw new Error(`made ${address.length} characters, not ${length}`);
  return address;
}

describe('isValidAddress', () => {
  it.each([
    'ana@example.org',
    'Ana.Lopes@Example.ORG',
    'a@example.org',
    'bea+newsletter@example.com',
    'first.middle.last@mail.example.net',
    "o'brien@example.org",
    "!#$%&'*+/=?^_`{|}~-@example.org",
    'x-y_z@sub-domain.example.co.uk',
    'digits123@123.example.org',
    '"quoted"@example.org',
    '"with..dots"@example.org',
    '"at@inside"@example.org',
    '"escaped\\"quote"@example.org',
    'ivo@bücher.example',
    'ivo@BÜCHER.example',
    'ivo@xn--bcher-kva.example',
    'yuki@例え.テスト',
    'ana@münchen。example',
    `${'l'.repeat(64)}@example.org`,
    `a@${'d'.repeat(63)}.example.org`,
    longest(254),
    'ana@example.xn--p1ai',
    'ana@a-b.example',
  ])('accepts %s', (email) => {
    expect(addressProblem(email)).toBeNull();
    expect(isValidAddress(email)).toBe(true);
  });

  it.each([
    ['', 'it is empty'],
    ['ana(at)example.org', 'it has no @'],
    ['ana', 'it has no @'],
    ['ana@bea@example.org', 'it has more than one @'],
    ['@example.org', 'nothing comes before the @'],
    ['ana@', 'nothing comes after the @'],
    ['ana @example.org', 'it contains a space, line break or control character'],
    [' ana@example.org', 'it contains a space, line break or control character'],
    ['ana@example.org ', 'it contains a space, line break or control character'],
    ['ana@exam ple.org', 'it contains a space, line break or control character'],
    ['ana@example.org\r\nBcc: all@example.org', 'it contains a space, line break or control character'],
    ['ana@example.org\n', 'it contains a space, line break or control character'],
    ['ana\u0000@example.org', 'it contains a space, line break or control character'],
    ['ana\u007f@example.org', 'it contains a space, line break or control character'],
    ['ana\u00a0@example.org', 'it contains a space, line break or control character'],
    ['ana@example.org\u2028', 'it contains a space, line break or control character'],
    ['"with space"@example.org', 'it contains a space, line break or control character'],
    ['.ana@example.org', 'the part before the @ has a character or dot where none may be'],
    ['ana.@example.org', 'the part before the @ has a character or dot where none may be'],
    ['ana..lopes@example.org', 'the part before the @ has a character or dot where none may be'],
    ['ana,lopes@example.org', 'the part before the @ has a character or dot where none may be'],
    ['ana(comment)@example.org', 'the part before the @ has a character or dot where none may be'],
    ['<ana@example.org>', 'the part before the @ has a character or dot where none may be'],
    ['"unclosed@example.org', 'the part before the @ has a character or dot where none may be'],
    ['"quoted"tail@example.org', 'the part before the @ has a character or dot where none may be'],
    ['josé@example.org', 'the part before the @ has non-ASCII letters, which most mail servers refuse'],
    [`${'l'.repeat(65)}@example.org`, 'the part before the @ is longer than 64 characters'],
    ['ana@example', 'the domain "example" has no dot'],
    ['ana@localhost', 'the domain "localhost" has no dot'],
    ['ana@example.org.', '"example.org." is not a domain name'],
    ['ana@.example.org', '".example.org" is not a domain name'],
    ['ana@example..org', '"example..org" is not a domain name'],
    ['ana@-example.org', '"-example.org" is not a domain name'],
    ['ana@example-.org', '"example-.org" is not a domain name'],
    ['ana@exa_mple.org', '"exa_mple.org" is not a domain name'],
    ['ana@example.org/path', '"example.org/path" is not a domain name'],
    ['ana@example.org:25', '"example.org:25" is not a domain name'],
    ['ana@ex%41mple.org', '"ex%41mple.org" is not a domain name'],
    ['ana@[192.0.2.1]', '"[192.0.2.1]" is not a domain name'],
    ['ana@192.0.2.1', '"192.0.2.1" is not a domain name'],
    ['ana@example.123', '"example.123" is not a domain name'],
    ['ana@xn--zz.example', '"xn--zz.example" is not a domain name'],
    ['ana@☃.example', '"☃.example" is not a domain name'],
    [`ana@${'d'.repeat(64)}.example.org`, `"${'d'.repeat(64)}.example.org" is not a domain name`],
    [`ana@${Array.from({ length: 5 }, () => 'd'.repeat(60)).join('.')}.org`, 'the domain is longer than 253 characters'],
    [longest(255), 'it is longer than 254 characters'],
  ])('rejects %j: %s', (email, problem) => {
    expect(addressProblem(email)).toBe(problem);
    expect(isValidAddress(email)).toBe(false);
  });
});

describe('normaliseAddress', () => {
  it('trims and lowercases the domain only', () => {
    expect(normaliseAddress('  Ana.Lopes@Example.ORG \t')).toBe('Ana.Lopes@example.org');
    expect(normaliseAddress('"Odd@Case"@EXAMPLE.org')).toBe('"Odd@Case"@example.org');
    expect(normaliseAddress('Ivo@BÜCHER.Example')).toBe('Ivo@bücher.example');
    expect(normaliseAddress('no-at-sign ')).toBe('no-at-sign');
    expect(normaliseAddress('')).toBe('');
  });
});

describe('addressKey', () => {
  it('is the same for every spelling of one address', () => {
    const key = addressKey('ana.lopes@example.org');
    expect(addressKey('Ana.Lopes@Example.org')).toBe(key);
    expect(addressKey(' ANA.LOPES@EXAMPLE.ORG ')).toBe(key);
    expect(addressKey(normaliseAddress('Ana.Lopes@EXAMPLE.org'))).toBe(key);
  });

  it('tells different addresses apart', () => {
    expect(addressKey('ana.lopes@example.org')).not.toBe(addressKey('analopes@example.org'));
    expect(addressKey('ana@example.org')).not.toBe(addressKey('ana@example.com'));
  });
});

describe('cleanDisplayName', () => {
  it.each([
    ['Ana Lopes', 'Ana Lopes'],
    ['  Ana   Lopes  ', 'Ana Lopes'],
    ['Ana\r\nBcc: all@example.org', 'Ana Bcc: all@example.org'],
    ['Ana\rLopes', 'Ana Lopes'],
    ['Ana\nLopes', 'Ana Lopes'],
    ['Ana\tLopes', 'Ana Lopes'],
    ['Ana\u0000\u0007\u001b[31mLopes', 'Ana [31mLopes'],
    ['Ana\u0085Lopes', 'Ana Lopes'],
    ['Ana\u2028Lopes\u2029', 'Ana Lopes'],
    ['Zoë Kraków-Łódź', 'Zoë Kraków-Łódź'],
    ['Gus "Goose" Moreau', 'Gus "Goose" Moreau'],
  ])('makes %j one line: %j', (name, clean) => {
    expect(cleanDisplayName(name)).toBe(clean);
    expect(cleanDisplayName(name)).not.toMatch(/[\r\n\p{Cc}]/u);
  });

  it.each(['', '   ', '\r\n', '\u0000\t'])('is null for %j', (name) => {
    expect(cleanDisplayName(name)).toBeNull();
  });
});
