import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GazetteError } from '../../src/errors.js';
import { decodeText } from '../../src/import/decode.js';

const story = 'Ferry fares frozen — “a good day”, said Ana Ribeiro. Café au lait.';
const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();

function refusal(bytes: Uint8Array): GazetteError {
  let error: unknown;
  try {
    decodeText(bytes, 'upload.bin');
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(GazetteError);
  expect(error).toMatchObject({ code: 'IMPORT_NOT_TEXT', exitCode: 2, file: 'upload.bin' });
  expect((error as GazetteError).message).toMatch(/^upload\.bin: it is .*: (?:import|if it is text)/);
  return error as GazetteError;
}

describe('decodeText', () => {
  it('decodes by the byte-order mark: UTF-8, UTF-16 LE and BE, the mark itself left out', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(story)]), 'a.txt')).toBe(story);
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(story, 'utf16le')]), 'a.txt')).toBe(story);
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(story)]), 'a.txt')).toBe(story);
  });

  it('lets the byte-order mark win over a declared charset, as browsers do', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(story, 'utf16le')]), 'https://x.example.org/', 'utf-8')).toBe(story);
  });

  it('decodes a declared charset, and UTF-8 when none is declared', () => {
    expect(decodeText(Buffer.from('Café', 'latin1'), 'https://x.example.org/', 'iso-8859-1')).toBe('Café');
    expect(decodeText(Buffer.from(story), 'a.txt')).toBe(story);
    expect(decodeText(Buffer.from(story), 'a.txt', 'no-such-charset')).toBe(story);
  });

  it('reads a file that is not UTF-8 as Windows-1252, but tolerates a broken byte in a UTF-8 one', () => {
    expect(decodeText(Buffer.from([...Buffer.from('Caf'), 0xe9, 0x20, 0x93, ...Buffer.from('quoted'), 0x94]), 'a.txt')).toBe('Café “quoted”');
    const broken = Buffer.concat([Buffer.from(`${story} `.repeat(20)), Buffer.from([0xe9]), Buffer.from(' end')]);
    expect(decodeText(broken, 'a.txt')).toBe(`${`${story} `.repeat(20)}\ufffd end`);
  });

  it('refuses known binary formats by their signature, naming what they are', () => {
    const files: [string, Uint8Array][] = [
      ['a PNG image', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
      ['a JPEG image', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16])],
      ['a GIF image', Buffer.from('GIF89a\x01\x00')],
      ['a WebP image', Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ')],
      ['a PDF document', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj')],
      ['a ZIP archive', Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0])],
      ['a gzip archive', gzipSync('<p>a page</p>')],
      ['an RTF document', Buffer.from('{\\rtf1\\ansi Ferry fares}')],
    ];
    for (const [kind, bytes] of files) expect(refusal(bytes).message).toContain(`it is ${kind}`);
  });

  it('refuses NUL bytes (binary, or UTF-16 without its mark) and control characters', () => {
    expect(refusal(Buffer.from(story, 'utf16le')).message).toContain('NUL bytes');
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    refusal(binary);
    refusal(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i % 2 === 0 ? 0x41 : 0x01 + (i % 8)))));
  });
});
