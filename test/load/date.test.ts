import { describe, expect, it } from 'vitest';
import { parseDate, today } from '../../src/load/date.js';

describe('parseDate', () => {
  it.each([
    ['2026-11-30', '2026-11-30', Date.UTC(2026, 10, 30)],
    ['2026-11-30T08:15:00Z', '2026-11-30', Date.UTC(2026, 10, 30, 8, 15)],
    ['2026-11-30T08:15+02:00', '2026-11-30', Date.UTC(2026, 10, 30, 6, 15)],
    ['2026-11-30 08:15:30.250', '2026-11-30', Date.UTC(2026, 10, 30, 8, 15, 30)],
    ['2028-02-29', '2028-02-29', Date.UTC(2028, 1, 29)],
    ['2026-11-30 10:00:00 +0100', '2026-11-30', Date.UTC(2026, 10, 30, 9, 0)],
  ])('%s', (input, date, timestamp) => {
    expect(parseDate(input)).toEqual({ date, timestamp });
  });

  it.each(['next Tuesday', '30/11/2026', '2026-13-01', '2026-02-29', '2026-11-31', '2026-11-30T25:00', '20261130'])('rejects %s', (input) => {
    expect(parseDate(input)).toBeNull();
  });

  it('gives today as a local calendar date', () => {
    expect(today(new Date(2026, 10, 28, 23, 59))).toBe('2026-11-28');
  });
});
