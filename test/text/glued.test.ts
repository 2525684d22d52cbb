import { describe, expect, it } from 'vitest';
import { runsOn } from '../../src/text/glued.js';

describe('runsOn', () => {
  it.each([
    ['The tram climbs the long track to the summit Turning left the tram enters a tunnel.'],
    ['The new beetle has a bright green shell unlike its cousins Officially named after the island, it lives in the hills.'],
  ])('finds a caption or a sentence run on without a full stop: %s', (sentence) => {
    expect(runsOn(sentence)).toBe(true);
  });

  it.each([
    ['United beat Reading on Saturday.'],
    ['The club lost against Reading last season.'],
    ['She told Fielding she would stay.'],
    ['The council met on Tuesday and approved the plan.'],
    ['Getting there took three hours.'],
  ])('leaves an ordinary sentence alone: %s', (sentence) => {
    expect(runsOn(sentence)).toBe(false);
  });
});
