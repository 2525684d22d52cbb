import { describe, expect, it } from 'vitest';
import { maskAddress } from '../../src/serve/pages.js';
import { postedVia } from '../../src/serve/unsubscribe.js';

describe('maskAddress', () => {
  it('keeps the first and last character of the local part and the domain', () => {
    expect(maskAddress('reader001@example.org')).toBe('r•••1@example.org');
    expect(maskAddress('ab@example.org')).toBe('a•••@example.org');
    expect(maskAddress('a@example.org')).toBe('a•••@example.org');
    expect(maskAddress('zoë.ångström@example.se')).toBe('z•••m@example.se');
  });
});

describe('postedVia', () => {
  const form = (text: string, type?: string): ReturnType<typeof postedVia> => postedVia(Buffer.from(text), type);

  it("reads the one-click body of RFC 8058 and the confirm page's form", async () => {
    expect(await form('List-Unsubscribe=One-Click', 'application/x-www-form-urlencoded')).toBe('one-click');
    expect(await form('List-Unsubscribe=One-Click', 'application/x-www-form-urlencoded; charset=utf-8')).toBe('one-click');
    expect(await form('List-Unsubscribe=One-Click')).toBe('one-click');
    expect(await form('confirm=page', 'application/x-www-form-urlencoded')).toBe('confirm-page');
  });

  it('reads multipart/form-data', async () => {
    const body = '--b\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--b--\r\n';
    expect(await form(body, 'multipart/form-data; boundary=b')).toBe('one-click');
    expect(await form('garbage', 'multipart/form-data; boundary=b')).toBeUndefined();
  });

  it('asks for nothing when the body says anything else', async () => {
    expect(await form('', 'application/x-www-form-urlencoded')).toBeUndefined();
    expect(await form('List-Unsubscribe=one-click', 'application/x-www-form-urlencoded')).toBeUndefined();
    expect(await form('confirm=yes', 'application/x-www-form-urlencoded')).toBeUndefined();
    expect(await form('{"List-Unsubscribe":"One-Click"}', 'application/json')).toBe('unsupported');
  });
});
