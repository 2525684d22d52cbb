import { parseDate } from '../load/date.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const SLASHED = /\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY_MONTH_YEAR = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+${MONTH},?\s+(\d{4})\b`, 'i');
const MONTH_DAY_YEAR = new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'i');
const ISO_INSIDE = /\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/i;

/**
 * A publication date as the article loader takes it: ISO 8601 with its
 * offset when the page gives a time zone, else YYYY-MM-DD. A time without a
 * zone is dropped, since it cannot be placed. Also reads the dates pages show
 * people ("14 March 2026", "Mar. 14, 2026", "2026/03/14"), even inside a
 * longer line ("Published 14 March 2026, 09:30"). Null when there is none.
 */
export function normaliseDate(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  const iso = fromIso(text);
  if (iso) return iso;
  const inside = ISO_INSIDE.exec(text);
  if (inside) return fromIso(inside[0]);
  return fromWords(text);
}

function fromIso(text: string): string | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00', zone] = m;
  const date = `${y}-${mo}-${d}`;
  if (!parseDate(date)) return null;
  if (h === undefined || mi === undefined || zone === undefined) return date;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : formatOffset(zone);
  const full = `${date}T${h}:${mi}:${s}${offset}`;
  return parseDate(full) ? full : date;
}

function formatOffset(zone: string): string {
  const digits = zone.slice(1).replace(':', '').padEnd(4, '0');
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2, 4)}`;
}

function fromWords(text: string): string | null {
  const slashed = SLASHED.exec(text);
  if (slashed) return calendar(slashed[1], slashed[2], slashed[3]);
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) return calendar(dmy[3], monthNumber(dmy[2]), dmy[1]);
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) return calendar(mdy[3], monthNumber(mdy[1]), mdy[2]);
  return null;
}

function monthNumber(name: string | undefined): string | undefined {
  const index = MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase());
  return index < 0 ? undefined : String(index + 1);
}

function calendar(year: string | undefined, month: string | undefined, day: string | undefined): string | null {
  if (!year || !month || !day) return null;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return parseDate(date) ? date : null;
}
