import { resolveConfig, type Config } from '../../src/index.js';

/** The config most tests render with; a fixed one, so snapshots never depend on the repo's own. */
export function testConfig(overrides: Record<string, unknown> = {}): Config {
  return resolveConfig({
    name: 'The Test Tide',
    from: { name: 'The Test Tide', address: 'tide@example.org' },
    postalAddress: 'The Test Tide, 1 Harbour Row, Port Ellis TW1 1AA',
    siteUrl: 'https://tide.example.org',
    ...overrides,
  });
}
