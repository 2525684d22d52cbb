import { describe, expect, it } from 'vitest';
import { GazetteError, resolveConfig } from '../../src/index.js';
import { parseConfigSource } from '../../src/config/file.js';

const minimal = {
  name: 'The Test Tide',
  from: { address: 'tide@example.org' },
  postalAddress: '1 Harbour Row, Port Ellis TW1 1AA',
  siteUrl: 'https://tide.example.org',
};

function errorOf(fn: () => unknown): GazetteError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GazetteError) return error;
    throw error;
  }
  throw new Error('expected a GazetteError');
}

describe('resolveConfig', () => {
  it('fills defaults for everything but the required keys', () => {
    const config = resolveConfig(minimal);
    expect(config.lang).toBe('en');
    expect(config.summary).toEqual({ words: 60, sentences: 3 });
    expect(config.brandColor).toMatch(/^#/);
    expect(config.subject).toContain('{{name}}');
  });

  it('names an unknown key and suggests the likely one', () => {
    const error = errorOf(() => resolveConfig({ ...minimal, brandColour: '#000' }, 'gazette.config.json'));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.kind).toBe('usage');
    expect(error.message).toContain('gazette.config.json');
    expect(error.message).toContain('unknown key "brandColour"');
    expect(error.message).toContain('did you mean "brandColor"');
  });

  it('names a nested unknown key', () => {
    const error = errorOf(() => resolveConfig({ ...minimal, summary: { word: 40 } }));
    expect(error.message).toContain('"summary.word"');
    expect(error.message).toContain('"summary.words"');
  });

  it('names a key of the wrong type', () => {
    const error = errorOf(() => resolveConfig({ ...minimal, summary: { words: 'sixty' } }, 'cfg.json'));
    expect(error.message).toContain('cfg.json');
    expect(error.message).toContain('"summary.words" must be a number');
  });

  it('requires the postal address the footer must show', () => {
    const { postalAddress: _omitted, ...rest } = minimal;
    const error = errorOf(() => resolveConfig(rest));
    expect(error.message).toContain('missing required key "postalAddress"');
  });

  it('rejects a site URL that is not http(s)', () => {
    expect(errorOf(() => resolveConfig({ ...minimal, siteUrl: 'ftp://tide.example.org' })).message).toContain('"siteUrl"');
  });

  it('reports every problem at once', () => {
    const error = errorOf(() => resolveConfig({ ...minimal, lang: 5, dir: 'sideways' }));
    expect(error.errors).toHaveLength(2);
  });

  it('points at the line of the offending key in the file', () => {
    const source = `{\n  "name": "T",\n  "from": { "address": "a@example.org" },\n  "postalAddress": "1 Harbour Row, Port Ellis",\n  "siteUrl": "https://x.example.org",\n  "brandColour": "#000"\n}\n`;
    const { value, lineOf } = parseConfigSource(source, 'gazette.config.json');
    const error = errorOf(() => resolveConfig(value, 'gazette.config.json', lineOf));
    expect(error.line).toBe(6);
    expect(error.message).toMatch(/^gazette\.config\.json:6: unknown key "brandColour"/);
  });

  it('reads YAML too and points at YAML syntax errors', () => {
    const yaml = 'name: The Test Tide\nfrom:\n  address: tide@example.org\npostalAddress: "1 Harbour Row, Port Ellis\nsiteUrl: https://x.example.org\n';
    const error = errorOf(() => parseConfigSource(yaml, 'gazette.config.yaml'));
    expect(error.code).toBe('CONFIG_PARSE');
    expect(error.line).toBeGreaterThanOrEqual(4);
  });

  it('reports invalid JSON with its line', () => {
    const error = errorOf(() => parseConfigSource('{\n  "name": "T",\n  "lang": "en"\n  "dir": "ltr"\n}', 'gazette.config.json'));
    expect(error.code).toBe('CONFIG_PARSE');
    expect(error.line).toBe(4);
  });
});
