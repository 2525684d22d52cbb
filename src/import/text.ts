import { splitCredit, type CaptionParts } from '../enrich/caption.js';
import { parseDate } from '../load/date.js';
import { DATE_PIECE, isBoilerplate, isHeadlineLike, isTimestamp, markLeftovers, type Leftover } from './boilerplate.js';
import type { ImportedArticle } from './types.js';

/**
 * A news story as it arrives when copied from a page and pasted: the
 * headline on the first line, then paragraphs, with the page's furniture
 * mixed in. Pure. The steps, in order:
 *
 *   normalise spaces → paragraphs (unwrapping a hard-wrapped paste)
 *   → headline → leftovers marked (boilerplate.ts) → metadata lines taken
 *   out (READERS below) → story paragraphs as markdown
 */
export function importText(text: string): ImportedArticle {
  const units = paragraphs(normaliseSpaces(text));
  const titleAt = findTitle(units);
  const { title, source: titleSource } = splitTitle(units[titleAt]?.text ?? '');
  const rest = units.slice(titleAt + 1);
  const paste: Paste = {
    units: rest,
    marks: markLeftovers(rest.map((u) => u.text)),
    meta: { url: null, date: null, author: null, source: null, image: null, caption: null, credit: null },
    story: [],
  };
  for (let i = 0; i < rest.length; ) {
    const unit = rest[i] as Unit;
    const mark = paste.marks[i] ?? null;
    if (mark === 'listed' || mark === 'list-head' || sameText(unit.text, title)) {
      i++;
      continue;
    }
    let taken = 0;
    for (const read of READERS) {
      taken = read(paste, i);
      if (taken > 0) break;
    }
    if (taken === 0 && mark === null && !isBoilerplate(unit.text)) paste.story.push({ ...unit, index: i });
    i += Math.max(taken, 1);
  }
  const { meta } = paste;
  return {
    title,
    url: meta.url,
    date: meta.date,
    author: meta.author,
    source: meta.source ?? titleSource,
    image: meta.image,
    imageAlt: null,
    caption: meta.caption,
    credit: meta.credit,
    body: toMarkdown(withoutRepeats(paste.story.map((u) => u.text))).join('\n\n'),
  };
}

/** The paste being read: its paragraphs after the headline, what is known so far, the story kept. */
interface Paste {
  units: Unit[];
  marks: (Leftover | null)[];
  meta: Meta;
  story: Unit[];
}

/**
 * A reader looks at the paragraph at `i`; when it is the kind of line it
 * knows, it records what the line says and returns how many paragraphs it
 * took (0 when the line is not its kind).
 */
type Reader = (paste: Paste, i: number) => number;

/** Before the first story paragraph, where bylines and date lines sit. */
function inHead(paste: Paste): boolean {
  return !paste.story.some((u) => isStoryLike(u.text));
}

/** "https://…" alone: the photo's address, or the story's own near its top or bottom or when labelled. */
const readAddress: Reader = (paste, i) => {
  const link = linkLine(paste.units[i]?.text ?? '');
  if (!link) return 0;
  const storyAhead = paste.units.slice(i + 1).some((u, k) => paste.marks[i + 1 + k] === null && isStoryLike(u.text));
  if (link.image) paste.meta.image ??= link.address;
  else if (link.labelled || inHead(paste) || !storyAhead) paste.meta.url ??= link.address;
  return 1;
};

const readDateLine: Reader = (paste, i) => {
  const text = paste.units[i]?.text ?? '';
  if (!isTimestamp(text)) return 0;
  paste.meta.date ??= dateIn(text);
  return 1;
};

const readBylineLine: Reader = (paste, i) => {
  const byline = readByline(paste.units[i]?.text ?? '', inHead(paste));
  if (!byline) return 0;
  paste.meta.author ??= byline.author;
  paste.meta.source ??= byline.source;
  paste.meta.date ??= byline.date;
  return 1;
};

/**
 * Near the top: "Staff Writer" alone, and a name over its role ("Staff
 * Writer"), its outlet ("Harbour News, Port Ellis"), a "Follow" button or the date.
 */
const readNameLines: Reader = (paste, i) => {
  if (!inHead(paste)) return 0;
  const text = paste.units[i]?.text ?? '';
  if (isRoleLine(text)) return 1;
  const next = paste.units[i + 1]?.text;
  if (next === undefined || !isPersonName(text) || text.split(' ').length < 2) return 0;
  const outlet = outletLine(next);
  if (isRoleLine(next) || outlet) {
    paste.meta.author ??= properCase(text);
    paste.meta.source ??= outlet;
    return 2;
  }
  if (isBoilerplate(next) || isTimestamp(next)) {
    paste.meta.author ??= properCase(text);
    return 1;
  }
  return 0;
};

/** "Image source, Getty Images" / "Image caption, The Kestrel at dawn": a caption printed with its labels. */
const readLabelledCaption: Reader = (paste, i) => {
  const labelled = labelledCaption(paste.units[i]?.text ?? '');
  if (!labelled) return 0;
  paste.meta.caption ??= labelled.caption;
  paste.meta.credit ??= labelled.credit;
  return 1;
};

const readDoubledCaption: Reader = (paste, i) => {
  const next = paste.units[i + 1];
  if (!next || paste.marks[i + 1] === 'listed') return 0;
  const pair = captionPair(paste.units[i]?.text ?? '', next.text);
  if (!pair) return 0;
  takeCaption(paste.meta, pair);
  return 2;
};

/**
 * A caption ending in its credit, or a credit alone: that one belongs to the
 * caption printed just above it, or, where a site prints the credit first,
 * to a caption line just below.
 */
const readCreditLine: Reader = (paste, i) => {
  const unit = paste.units[i] as Unit;
  const parts = creditParts(unit.text);
  if (!parts?.credit) return 0;
  if (parts.caption) {
    takeCaption(paste.meta, parts);
    return 1;
  }
  const previous = paste.story.at(-1);
  const next = paste.units[i + 1];
  if (previous && previous.index === i - 1 && isCaptionAbove(previous, unit)) {
    paste.story.pop();
    takeCaption(paste.meta, { caption: previous.text, credit: parts.credit });
    return 1;
  }
  if (next && paste.marks[i + 1] === null && isCaptionBelow(next)) {
    takeCaption(paste.meta, { caption: next.text, credit: parts.credit });
    return 2;
  }
  takeCaption(paste.meta, { caption: null, credit: parts.credit });
  return 1;
};

/** The run order, written once: addresses and dates before bylines, captions last. */
const READERS: readonly Reader[] = [readAddress, readDateLine, readBylineLine, readNameLines, readLabelledCaption, readDoubledCaption, readCreditLine];

interface Meta {
  url: string | null;
  date: string | null;
  author: string | null;
  source: string | null;
  image: string | null;
  caption: string | null;
  credit: string | null;
}

/** One paragraph of the paste; `afterBlank` when a blank line (or the start) comes before it. */
interface Unit {
  text: string;
  afterBlank: boolean;
  index?: number;
}

// ── Spaces and lines ────────────────────────────────────────────────────────

/**
 * Pages use non-breaking, thin and ideographic spaces, and zero-width
 * characters that a paste carries along invisibly; the story wants plain
 * spaces. Joiners inside a word (emoji, Indic scripts) are kept.
 */
export function normaliseSpaces(text: string): string {
  return text
    .replace(/\r\n?|[\u0085\u2028]/g, '\n')
    .replace(/\u2029/g, '\n\n')
    .replace(/[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u200B\u2060\uFEFF\u180E\u00AD]/g, '')
    .replace(/[\u200C\u200D](?=\s|$)|(?<=^|\s)[\u200C\u200D]/gm, '')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n');
}

/**
 * Paragraphs of the paste. Each line is one, unless the paste is hard-wrapped
 * (as mail and terminals do at 72 or 80 columns): then a line is joined to the
 * next when the next one's first word would not have fitted on it, which is
 * exactly when a wrapper breaks; a short line ends its paragraph.
 */
function paragraphs(text: string): Unit[] {
  const lines = text.split('\n');
  const width = wrapWidth(lines);
  const units: Unit[] = [];
  let afterBlank = true;
  let previous = '';
  for (const line of lines) {
    if (!line) {
      afterBlank = true;
      previous = '';
      continue;
    }
    const current = units.at(-1);
    const joins = current && previous && width && !afterBlank && continuesLine(previous, line, width) && !startsAgain(current.text, line);
    // The headline is never wrapped into the byline or date line under it.
    if (current && joins && (units.length > 1 || !isMetaLine(line))) {
      current.text = /\p{L}-$/u.test(current.text) ? current.text + line : `${current.text} ${line}`;
    } else {
      units.push({ text: line, afterBlank });
    }
    previous = line;
    afterBlank = false;
  }
  return units;
}

function isMetaLine(line: string): boolean {
  return isBoilerplate(line) || isTimestamp(line) || linkLine(line) !== null || readByline(line, true) !== null;
}

interface Width {
  chars: number;
  bytes: number;
}

/** The column a hard-wrapped paste was wrapped at, or null when it is not hard-wrapped. */
function wrapWidth(lines: readonly string[]): Width | null {
  const first = lines.findIndex((l) => l !== '');
  const measured = lines.filter((l, i) => i !== first && l.includes(' '));
  if (measured.length < 3) return null;
  const width: Width = { chars: Math.max(...measured.map(chars)), bytes: Math.max(...measured.map(bytes)) };
  if (width.chars < 45 || width.chars > 110) return null;
  let pairs = 0;
  let full = 0;
  let midSentence = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] as string;
    const next = lines[i + 1] as string;
    if (i === first || !line || !next) continue;
    pairs++;
    if (!continuesLine(line, next, width)) continue;
    full++;
    if (/^\p{Ll}/u.test(next)) midSentence++;
  }
  // Wrapped prose breaks mostly mid-sentence, so most continuation lines start
  // in lower case; one paragraph per line starts every line with a capital.
  return full >= 3 && full / pairs >= 0.5 && midSentence >= Math.max(2, 0.3 * full) ? width : null;
}

/** Whether `next` continues `line` in a paste wrapped at `width`: its first word would not have fitted. */
function continuesLine(line: string, next: string, width: Width): boolean {
  if (/^(?:[•·▪◦●■►‣⁃*+-]|\d+[.)])\s/u.test(next)) return false;
  const word = next.split(' ')[0] ?? '';
  // Wrappers count characters or bytes (fold, fmt); either can be the one used.
  if (chars(line) + 1 + chars(word) > width.chars - 1) return true;
  if (bytes(line) + 1 + bytes(word) > width.bytes - 1) return true;
  return /\p{L}-$/u.test(line) && chars(line) >= width.chars - 15;
}

/** A caption printed twice wraps like a paragraph; its second printing starts a new one. */
function startsAgain(paragraph: string, line: string): boolean {
  const words = (s: string): string => s.split(' ').slice(0, 4).join(' ');
  return paragraph.split(' ').length >= 4 && words(paragraph) === words(line);
}

function chars(s: string): number {
  return [...s].length;
}

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

// ── Headline ────────────────────────────────────────────────────────────────

/** The headline is the first line, past any furniture and a one-word section label ("Politics") above it. */
function findTitle(units: readonly Unit[]): number {
  const candidates = units.map((u, i) => ({ u, i })).filter(({ u }) => !isBoilerplate(u.text) && !isTimestamp(u.text) && !linkLine(u.text));
  const first = candidates[0];
  const second = candidates[1];
  if (!first) return units.length;
  const label = first.u.text;
  const kicker = (!label.includes(' ') || (label.split(' ').length <= 3 && label === label.toUpperCase())) && !/[.!?:]$/u.test(label);
  if (kicker && second && isHeadlineLike(second.u.text) && second.u.text.split(' ').length >= 4 && !readByline(second.u.text, true)) return second.i;
  return first.i;
}

const OUTLET_WORDS = String.raw`News|Herald|Times|Post|Press|Journal|Gazette|Tribune|Chronicle|Review|Daily|Weekly|Observer|Guardian|Standard|Telegraph|Courier|Echo|Mail|Express|Record|Star|Sun|Bulletin|Radio|TV|Television|Network|Wire|Today|Magazine|Monitor|Register|Sentinel|Examiner|Inquirer|Independent|Mirror|Argus|Advertiser|Dispatch|Leader|Enquirer|Online|Media|Insider|Digest|Week|Globe|Citizen|Voice|Nation|Mercury|Reuters|Bloomberg|Associated Press|Agency|Broadcasting|Channel|Stations?`;
const OUTLET = new RegExp(String.raw`\b(?:${OUTLET_WORDS})\b`, 'u');

/**
 * A site name as pages append it to headlines: "The Harbour Herald",
 * "Harbour News", "BBC", "harbourherald.example".
 */
function isSiteName(text: string): boolean {
  const t = text.trim();
  if (/^(?:www\.)?[\w-]+(?:\.[\w-]+)+$/u.test(t)) return true;
  const words = t.split(/\s+/u);
  if (words.length > 6 || /[.!?,;:]$/u.test(t)) return false;
  if (!words.every((w) => /^[\p{Lu}\p{N}&]/u.test(w) || /^(?:of|the|and|on|de|la|le|du|des|am|im)$/u.test(w))) return false;
  if (/^[\p{Lu}]{2,6}$/u.test(words[0] ?? '') && words.length <= 2) return true;
  return OUTLET.test(t) || (/^The\s/u.test(t) && words.length >= 2);
}

/** "Ferry fares frozen | The Harbour Herald" → the headline and the site; a dash only before a clear site name. */
function splitTitle(line: string): { title: string; source: string | null } {
  const pipe = /^(.+?\S)\s+[|｜]\s+(.+)$/u.exec(line);
  if (pipe?.[1] && pipe[2] && pipe[1].split(' ').length >= 3) {
    const segments = pipe[2].split(/\s+[|｜]\s+/u);
    if (segments.every((s) => s.split(' ').length <= 6 && !/[.!?]$/u.test(s))) {
      const site = [...segments].reverse().find(isSiteName) ?? segments.at(-1) ?? null;
      return { title: pipe[1], source: site };
    }
  }
  const dash = /^(.+\S)\s+[-–—]\s+([^-–—]+)$/u.exec(line);
  if (dash?.[1] && dash[2] && dash[1].split(' ').length >= 3 && isSiteName(dash[2])) return { title: dash[1], source: dash[2].trim() };
  return { title: line, source: null };
}

// ── Metadata lines ──────────────────────────────────────────────────────────

/** A line that is only an address: the story's own ("Source: https://…"), or its photo. */
function linkLine(text: string): { address: string; image: boolean; labelled: boolean } | null {
  const m = /^(?:((?:source|link|url|original(?: article| story)?|read (?:it )?(?:online|here)|originally published (?:at|on)|permalink)\s*:?)\s*)?<?(https?:\/\/[^\s<>]+?)>?$/iu.exec(text);
  if (!m?.[2]) return null;
  const address = m[2];
  return { address, image: /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]\S*)?$/iu.test(address), labelled: m[1] !== undefined };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The publication date in a date line, YYYY-MM-DD: the one labelled
 * "Published" or "Posted" when there are several, else the first that is not
 * an update. A numeric date that could be day/month or month/day is not guessed.
 */
function dateIn(text: string): string | null {
  const found = [...text.matchAll(new RegExp(DATE_PIECE.source, 'giu'))].map((m) => ({
    value: m[0],
    label: /(published|posted|updated|modified|edited)\W*(?:on\W*|at\W*)?$/iu.exec(text.slice(Math.max(0, (m.index ?? 0) - 30), m.index))?.[1]?.toLowerCase() ?? null,
  }));
  const pick =
    found.find((f) => f.label === 'published' || f.label === 'posted') ??
    found.find((f) => f.label === null) ??
    found[0];
  return pick ? calendarDate(pick.value) : null;
}

function calendarDate(value: string): string | null {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const make = (y: number, m: number, d: number): string | null => parseDate(`${y}-${pad(m)}-${pad(d)}`)?.date ?? null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/u.exec(value);
  if (iso) return make(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/u.exec(value);
  if (numeric) {
    const a = Number(numeric[1]);
    const b = Number(numeric[2]);
    const y = Number(numeric[3]);
    if (a === b) return make(y, a, b);
    if (a > 12 && b <= 12) return make(y, b, a);
    if (b > 12 && a <= 12) return make(y, a, b);
    return null;
  }
  const monthFirst = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/iu.exec(value);
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?,?\s+(\d{4})$/iu.exec(value);
  const [monthName, day, year] = monthFirst ? [monthFirst[1], monthFirst[2], monthFirst[3]] : dayFirst ? [dayFirst[2], dayFirst[1], dayFirst[3]] : [];
  const month = MONTHS.indexOf((monthName ?? '').slice(0, 3).toLowerCase()) + 1;
  return month > 0 ? make(Number(year), month, Number(day)) : null;
}

interface Byline {
  author: string | null;
  source: string | null;
  date: string | null;
}

const ROLE = /\b(?:writer|reporter|correspondent|editor|columnist|contributor|staff|journalist|producer|critic|bureau|desk|intern|freelancer?|photographer|analyst|presenter|anchor|special to|team)s?\b/iu;
const PARTICLE = /^(?:de|da|di|du|del|della|der|den|van|von|ter|ten|la|le|dos|das|bin|binti|al|el|y|e)$/u;
const NOT_A_NAME = /^(?:the|a|an|this|that|these|police|officials?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|january|february|march|april|june|july|august|september|october|november|december|today|tonight|yesterday|then|now|far|contrast|comparison|law|hand|car|train|boat|noon)$/iu;

/**
 * A byline: "By Jane Doe", "By JANE DOE and Sam Ito, Staff Writers",
 * "By Jane Doe | The Harbour Herald | Nov. 3, 2026", "Written by Jane Doe",
 * "Author: Jane Doe" anywhere; near the top also "Jane Doe | The Harbour
 * Herald" and "Jane Doe, Staff Writer". Null for anything else.
 */
function readByline(text: string, head: boolean): Byline | null {
  if (text.split(' ').length > 24 || /[.!?]["”’]?$/u.test(text.replace(/\b\p{Lu}\.$/u, ''))) return null;
  const out: Byline = { author: null, source: null, date: null };
  const names: string[] = [];
  let marked = false;
  const segments = text.split(/\s+[|·•–—]\s+|\s+-\s+/u).map((s) => s.trim()).filter(Boolean);
  for (const [k, segment] of segments.entries()) {
    const by = /^(?:(?:written|words|story|text|reported|reporting|article|posted|compiled) )?by:?\s+(.+)$/iu.exec(segment) ?? /^(?:authors?|reporters?|writers?|byline)\s*:\s*(.+)$/iu.exec(segment);
    if (by?.[1]) {
      const parsed = namesOf(by[1]);
      if (!parsed) return null;
      marked = true;
      names.push(...parsed.names);
      out.source ??= parsed.source;
      out.date ??= parsed.date;
      continue;
    }
    if (isTimestamp(segment)) {
      out.date ??= dateIn(segment);
      continue;
    }
    if (head && k === 0) {
      const parsed = namesOf(segment);
      if (parsed && parsed.names.length > 0 && parsed.names.every((n) => n.split(' ').length >= 2)) {
        names.push(...parsed.names);
        out.source ??= parsed.source;
        continue;
      }
    }
    if (isBoilerplate(segment) && segment.split(' ').length <= 4) continue;
    if (isRoleLine(segment)) continue;
    if (names.length > 0 && isSiteName(segment)) {
      out.source ??= segment;
      continue;
    }
    return null;
  }
  if (names.length === 0) return marked && (out.source || out.date) ? out : null;
  // Without "By", only a name with an outlet, a role or a date beside it is a byline.
  if (!marked && segments.length === 1 && !/,/u.test(text)) return null;
  if (!marked && !out.source && !out.date && !ROLE.test(text)) return null;
  out.author = joinNames(names);
  return out;
}

/** "Jane Doe and Sam Ito, Staff Writers", "Jane Doe for The Harbour Herald", "JANE DOE in Port Ellis on Nov. 3, 2026". */
function namesOf(text: string): { names: string[]; source: string | null; date: string | null } | null {
  let rest = text.trim();
  let date: string | null = null;
  let source: string | null = null;
  // The longest tail that is a date line: "… on Nov. 3, 2026", "…, Updated 3:15 PM EDT, Mon November 3, 2026".
  for (const cut of rest.matchAll(/,?\s+/gu)) {
    const tail = rest.slice((cut.index ?? 0) + cut[0].length);
    if (!isTimestamp(tail)) continue;
    date = dateIn(tail);
    rest = rest.slice(0, cut.index).replace(/\s+(?:on|at)$/iu, '');
    break;
  }
  const outlet = /\s+(?:for|of|at)\s+(.+)$/u.exec(rest);
  if (outlet?.[1] && isSiteName(outlet[1])) {
    source = outlet[1].trim();
    rest = rest.slice(0, outlet.index);
  }
  rest = rest.replace(/\s+in\s+\p{Lu}[\p{L}.'’ -]*$/u, '');
  const names: string[] = [];
  for (const part of rest.split(/\s*,\s*|\s+and\s+|\s*&\s*/u).filter(Boolean)) {
    if (isPersonName(part)) names.push(properCase(part));
    else if (ROLE.test(part) && part.split(' ').length <= 5) continue;
    else if (isSiteName(part)) source ??= part;
    else return null;
  }
  return { names, source, date };
}

/** "Staff Writer", "Harbour Correspondent": a byline's second line. */
function isRoleLine(text: string): boolean {
  return ROLE.test(text) && text.split(' ').length <= 5 && /^\p{Lu}/u.test(text) && !/[.!?,;:]/u.test(text);
}

function isPersonName(text: string): boolean {
  const words = text.split(/\s+/u);
  if (words.length < 1 || words.length > 5) return false;
  if (words.length === 1 && (OUTLET.test(text) || /^[\p{Lu}]{2,6}$/u.test(text))) return false;
  if (!/^\p{Lu}/u.test(words[0] ?? '')) return false;
  if (words.some((w) => NOT_A_NAME.test(w)) || ROLE.test(text) || (words.length > 1 && OUTLET.test(text))) return false;
  return words.every((w) => /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(w) || PARTICLE.test(w));
}

/** "JANE O'DOE" → "Jane O'Doe"; names already in mixed case are left as written. */
function properCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

// ── Photo caption ───────────────────────────────────────────────────────────

/**
 * The caption as a site prints it twice: a short line, then the same line
 * extended with a date and a credit. The caption is the text before the
 * credit, taken from the extended line; the credit is what follows.
 */
function captionPair(first: string, second: string): CaptionParts | null {
  if (first.split(' ').length > 40) return null;
  const stem = first.replace(/(?:\.{3}|…|[.:,;])+$/u, '').trim();
  if (stem.length < 15 || !second.startsWith(stem)) return null;
  const parts = creditParts(second);
  if (parts) return parts;
  return second.length > first.length && second.split(' ').length <= 60 ? { caption: second, credit: null } : null;
}

/** A caption with its credit ("… Photo: X/Agency", "(AP Photo/…)"), or a credit alone; null for a story paragraph. */
function creditParts(text: string): CaptionParts | null {
  const parts = splitCredit(text);
  if (!parts.credit || !isCredit(parts.credit)) return null;
  if (parts.caption && (parts.caption.split(' ').length > 50 || sentenceCount(parts.caption) > 3)) return null;
  return parts;
}

/** A credit names a photographer or an agency: a label, Name/Agency, "via", "Courtesy of": never a sentence. */
function isCredit(credit: string): boolean {
  const words = credit.split(/\s+/u);
  if (words.length > 12 || /[.!?]\s+\p{Lu}/u.test(credit)) return false;
  if (/^(?:photo(?:graph)?s?|pictures?|images?|illustrations?|video|credits?|photo credits?|picture credits?|image credits?)\s*(?::|\bby\b)/iu.test(credit)) return true;
  if (/^(?:AP|AFP|Reuters|EPA|AAP|CP|PA) Photo\//u.test(credit) || /^courtesy\b/iu.test(credit)) return true;
  return words.every((w) => /^[\p{Lu}\p{N}(]/u.test(w) || w.includes('/') || /^(?:via|for|and|of|the|de|van|von|der|da|di|du|la|le|images?)$/u.test(w));
}

/** A caption line, then its credit alone on the next line: the caption is short and not a paragraph of the story. */
function isCaptionAbove(caption: Unit, credit: Unit): boolean {
  const words = caption.text.split(' ').length;
  if (words > 40 || /["“”]/u.test(caption.text)) return false;
  if (!credit.afterBlank && words <= 40) return true;
  return words <= 30 && !/[.!?]$/u.test(caption.text);
}

/** A caption under its credit: short, no full stop, no quotation, nothing of a byline. */
function isCaptionBelow(unit: Unit): boolean {
  const text = unit.text;
  return text.split(' ').length <= 25 && !/[.!?:]$/u.test(text) && !/["“”]/u.test(text) && /^\p{Lu}/u.test(text) && !readByline(text, true);
}

/** "Image caption, …", "Caption: …", "Image source, …", "Photo credit: …" with the text after the label. */
function labelledCaption(text: string): CaptionParts | null {
  const caption = /^(?:(?:image|photo|picture|video)\s+)?caption\s*[,:]\s*(.+)$/iu.exec(text);
  if (caption?.[1]) return { caption: caption[1].trim(), credit: null };
  const source = /^(?:image|photo|picture)\s+source\s*[,:]\s*(.+)$/iu.exec(text);
  if (source?.[1] && source[1].split(' ').length <= 10) return { caption: null, credit: source[1].trim() };
  return null;
}

/** "Harbour News, Port Ellis", "The Harbour Herald": the outlet line under a byline name. */
function outletLine(text: string): string | null {
  const outlet = text.split(',')[0]?.trim() ?? '';
  return outlet && text.split(' ').length <= 8 && isSiteName(outlet) && !isPersonName(outlet) ? outlet : null;
}

function takeCaption(meta: Meta, parts: CaptionParts): void {
  // The first photo of the paste is the lead; later captions just leave the story.
  if (meta.caption !== null || meta.credit !== null) return;
  meta.caption = parts.caption;
  meta.credit = parts.credit;
}

// ── Story paragraphs ────────────────────────────────────────────────────────

function isStoryLike(text: string): boolean {
  return text.split(' ').length >= 12 && /[.!?…]["”’)]?$/u.test(text);
}

function sentenceCount(text: string): number {
  return text.split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?\p{Lu})/u).length;
}

function sameText(a: string, b: string): boolean {
  const key = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return key(a) === key(b);
}

/**
 * Pages repeat a line of the story as a pull-quote box, and sometimes a whole
 * paragraph; the story keeps its first printing.
 */
function withoutRepeats(story: readonly string[]): string[] {
  const bare = (s: string): string => s.replace(/^["“‘']+|["”’']+$/gu, '').trim();
  return story.filter((text, i) => {
    if (story.slice(0, i).some((earlier) => sameText(earlier, text))) return false;
    const inner = bare(text);
    if (inner.split(' ').length < 8) return true;
    return !story.some((other, k) => k !== i && other.length > text.length && other.includes(inner));
  });
}

/**
 * The paragraphs as markdown: bullets become list items, a short line
 * between two story paragraphs becomes a `## ` crosshead, and a paragraph
 * that starts like markdown syntax is escaped so it stays a paragraph.
 */
function toMarkdown(story: readonly string[]): string[] {
  return story.map((text, i) => {
    const bullet = /^[•·▪◦●■►‣⁃]\s*(.+)$/u.exec(text);
    if (bullet?.[1]) return `- ${bullet[1]}`;
    const before = story[i - 1];
    const after = story[i + 1];
    if (before && after && isCrosshead(text) && /[.!?]["”’)]?$/u.test(before) && isStoryLike(after)) return `## ${text}`;
    return text.replace(/^(#{1,6}(?=\s)|>|\+(?=\s)|={3,}|-{3,})/u, '\\$1');
  });
}

function isCrosshead(text: string): boolean {
  return text.split(' ').length <= 10 && /^\p{Lu}/u.test(text) && !/[.!?:;,"”’)…]$/u.test(text) && !/^[-*+]\s/u.test(text);
}
