/**
 * Nicknames inside names: Marguerite "Maggie" Doyle, Lee 'Uncle Poodle'
 * Thompson, Anna ‘Chickadee’ Cardwell. The marks around the nickname are not
 * a quotation, and the name is the one around it ("Marguerite Doyle").
 */

/** A nickname in quotation marks between two words of a name. */
export interface Nickname {
  /** Offset of the opening mark. */
  start: number;
  /** Offset just past the closing mark. */
  end: number;
  /** The nickname without its marks. */
  name: string;
  /** The capitalised words on either side of it, titles and all ("Marguerite Doyle"). */
  around: string;
}

const WORD = "\\p{Lu}[\\p{L}\\p{M}.'’\\-]*";
/** One to three capitalised words in a pair of marks, with a capitalised word on either side. */
const NICKNAME = new RegExp(
  `(?<=(?:^|[\\s(])${WORD} )(?:"(${WORD}(?: ${WORD}){0,2})"|“(${WORD}(?: ${WORD}){0,2})”|‘(${WORD}(?: ${WORD}){0,2})’|'(${WORD}(?: ${WORD}){0,2})')(?= \\p{Lu}\\p{Ll})`,
  'gu',
);

/** Every nickname in `text`, in document order. */
export function findNicknames(text: string): Nickname[] {
  const out: Nickname[] = [];
  for (const m of text.matchAll(NICKNAME)) {
    const name = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    // A word that ends in an apostrophe or a quotation mark is not a nickname's last word.
    if (/['’]$/.test(name)) continue;
    const before = /(?:\p{Lu}[\p{L}\p{M}.'’\-]*\s+){1,4}$/u.exec(text.slice(Math.max(0, m.index - 80), m.index))?.[0] ?? '';
    const after = /^(?:\s+\p{Lu}[\p{L}\p{M}'’\-]*){1,3}/u.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 80))?.[0] ?? '';
    const around = `${before.trim()} ${after.trim()}`.replace(/['’]s$/u, '');
    out.push({ start: m.index, end: m.index + m[0].length, name, around });
  }
  return out;
}

/**
 * The text with each nickname and its marks turned into spaces, so that the
 * name around it reads as one run of words ("Marguerite         Doyle"), at
 * the same offsets.
 */
export function blankNicknames(text: string, nicknames: readonly Nickname[] = findNicknames(text)): string {
  if (nicknames.length === 0) return text;
  let out = '';
  let from = 0;
  for (const n of nicknames) {
    out += text.slice(from, n.start) + ' '.repeat(n.end - n.start);
    from = n.end;
  }
  return out + text.slice(from);
}
