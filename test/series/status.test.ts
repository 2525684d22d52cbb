import { describe, expect, it } from 'vitest';
import { seriesStatus, type StatusInput } from '../../src/series/status.js';

const base: StatusInput = { stored: 'created', locked: false, sent: 0, failed: 0, left: 0 };

describe('seriesStatus', () => {
  it.each<[string, Partial<StatusInput>, string]>([
    ['created, the list loaded, nobody sent', { left: 10 }, 'built'],
    ['a run holds the lock', { stored: 'sending', locked: true, sent: 3, left: 7 }, 'sending'],
    ['finished, everyone sent', { stored: 'finished', sent: 10 }, 'sent'],
    ['finished with permanent failures, everyone attempted', { stored: 'finished', sent: 8, failed: 2 }, 'sent'],
    ['finished with nobody to send to (all suppressed)', { stored: 'finished' }, 'sent'],
    ['stopped early', { stored: 'stopped', sent: 4, left: 6 }, 'partial'],
    ['stopped before the first message (a refused login)', { stored: 'stopped', left: 10 }, 'built'],
    ['a run died mid-send: sending, but no live lock', { stored: 'sending', sent: 4, left: 6 }, 'partial'],
    ['finished, then a rerun added subscribers it did not send to', { stored: 'finished', sent: 10, left: 2 }, 'partial'],
  ])('%s → %s', (_what, input, status) => {
    expect(seriesStatus({ ...base, ...input })).toBe(status);
  });
});
