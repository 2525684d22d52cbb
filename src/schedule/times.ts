import { Cron } from 'croner';

/**
 * Times as the schedule sees them: in its configured time zone, since
 * "0 8 * * 1" means eight o'clock where the editors are, and an issue's date
 * is the day it is there.
 */

export interface ScheduleTimes {
  cron: string;
  timezone: string;
}

/** The next `count` run times after `from`. */
export function nextRuns(schedule: ScheduleTimes, count: number, from: Date = new Date()): Date[] {
  const job = new Cron(schedule.cron, { timezone: schedule.timezone, paused: true });
  try {
    return job.nextRuns(count, from);
  } finally {
    job.stop();
  }
}

/** ISO 8601 with the zone's offset at that instant: "2026-11-30T08:00:00+00:00", "2026-06-01T08:00:00+01:00". */
export function isoInZone(date: Date, timezone: string): string {
  const parts = partsOf(date, timezone);
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName.replace(/^GMT/, '');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** The calendar day at `date` in the zone, YYYY-MM-DD: the issue date of a run. */
export function dateInZone(date: Date, timezone: string): string {
  const parts = partsOf(date, timezone);
  return `${parts.year}-${parts.month}-${parts.day}`;
}

type Part = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'timeZoneName';

function partsOf(date: Date, timezone: string): Record<Part, string> {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  });
  const parts: Record<Part, string> = { year: '', month: '', day: '', hour: '', minute: '', second: '', timeZoneName: '' };
  for (const part of format.formatToParts(date)) if (part.type in parts) parts[part.type as Part] = part.value;
  return parts;
}
