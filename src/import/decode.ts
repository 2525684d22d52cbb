import { GazetteError } from '../errors.js';

/** Files that are not text, by their first bytes. */
const SIGNATURES: readonly { kind: string; bytes: readonly number[]; at?: number }[] = [
  { kind: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'a GIF image', bytes: ascii('GIF8') },
  { kind: 'a WebP image', bytes: ascii('WEBP'), at: 8 },
  { kind: 'a PDF document', bytes: ascii('%PDF-') },
  { kind: 'a ZIP archive (or a Word, Excel or EPUB file)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'a ZIP archive', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { kind: 'an old Word or Excel document', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: 'an RTF document', bytes: ascii('{\\rtf') },
  { kind: 'a program', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

const BOMS: readonly { encoding: string; bytes: readonly number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

/** Of every 1,000 characters of a UTF-8 file, how many may be broken before it is read as Windows-1252 instead. */
const BROKEN_PER_MILLE = 1;

/** Control characters no text has (all but tab, line feed, vertical tab, form feed, carriage return and escape); C1 controls are what binary read as Windows-1252 gives. */
const CONTROL = /[\u0001-\u0008\u000e-\u001a\u001c-\u001f\u007f-\u009f]/g;

/**
 * The text of a source's bytes. The encoding is its byte-order mark's (UTF-8,
 * UTF-16 LE or BE), else the one it declares (`declared`: the Content-Type
 * charset or the page's <meta>), else UTF-8; a file that is not UTF-8 beyond a
 * few broken bytes is read as Windows-1252, which older editors save. What is
 * not text (a known binary signature, NUL bytes, control characters) is
 * refused, naming `source`.
 */
export function decodeText(bytes: Uint8Array, source: string, declared: string | null = null): string {
  const signature = SIGNATURES.find((s) => startsWith(bytes, s.bytes, s.at));
  if (signature) {
    throw notText(source, `it is ${signature.kind}, not a web page or text`, 'import the article\'s web page (.html), its http(s) address, or its text pasted into a .txt file');
  }
  const text = decodeAs(encodingOf(bytes, declared), bytes);
  if (text.includes('\0')) {
    throw notText(source, 'it is not text (it holds NUL bytes)', 'if it is text, save it as UTF-8 and import it again');
  }
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > 1 + text.length / 1000) {
    throw notText(source, `it is not text (${controls} control characters)`, 'if it is text, save it as UTF-8 and import it again');
  }
  return text;
}

function encodingOf(bytes: Uint8Array, declared: string | null): string {
  const bom = BOMS.find((b) => startsWith(bytes, b.bytes));
  if (bom) return bom.encoding;
  const label = declared === null ? null : knownEncoding(declared);
  if (label && label !== 'utf-8') return label;
  return mostlyUtf8(bytes) ? 'utf-8' : 'windows-1252';
}

/**
 * Windows-1252's printable characters in 0x80–0x9F (curly quotes, dashes,
 * the euro sign…), which Node 20's TextDecoder decodes as ISO-8859-1's
 * invisible C1 controls instead.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeAs(encoding: string, bytes: Uint8Array): string {
  const text = new TextDecoder(encoding).decode(bytes);
  if (encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** Valid UTF-8, or UTF-8 with a few broken bytes among its other non-ASCII characters. */
function mostlyUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const broken = text.match(/\ufffd/g)?.length ?? 0;
    const others = text.match(/[^\u0000-\u007f\ufffd]/g)?.length ?? 0;
    return others > broken && broken <= Math.max(1, (text.length * BROKEN_PER_MILLE) / 1000);
  }
}

/** The encoding a label names, as TextDecoder knows it ("latin1" → "windows-1252"), or null. */
function knownEncoding(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
}

function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0));
}

function notText(source: string, problem: string, fix: string): GazetteError {
  return new GazetteError('IMPORT_NOT_TEXT', problem, { file: source, fix });
}
