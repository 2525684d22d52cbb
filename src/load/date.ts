export interface ParsedDate {
  /** The calendar date as written, YYYY-MM-DD. */
  date: string;
  /** Milliseconds since the epoch; a date without a time is UTC midnight. */
  timestamp: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Parse YYYY-MM-DD or an ISO 8601 date-time. Anything else, and dates that
 * do not exist (2026-02-30), give null: a newsletter must not guess a date.
 */
export function parseDate(value: string): ParsedDate | null {
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  let offsetMinutes = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  }
  const timestamp = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s)) - offsetMinutes * 60_000;
  return { date: `${y}-${mo}-${d}`, timestamp };
}

/** Today's date in the local time zone, YYYY-MM-DD: the default issue date. */
export function today(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
