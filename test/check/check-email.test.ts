import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEmail, findingsFromError, reportOf } from '../../src/check/index.js';
import { GazetteError, readConfigFile, renderIssue } from '../../src/index.js';
import { testConfig } from '../helpers/config.js';

const root = path.join(import.meta.dirname, '../..');
const problems = (findings: { level: string }[]) => findings.filter((f) => f.level !== 'info');

describe('checkEmail on rendered digests', () => {
  it('finds no errors and no warnings in the fixture digest', async () => {
    const config = testConfig();
    const { digest, rendered } = await renderIssue(config, { articlesDir: path.join(root, 'test/fixtures/digest/articles'), date: '2026-11-30' });
    const report = checkEmail({ html: rendered.html, text: rendered.text, digest, config }, { allow: config.check.allow });
    expect(problems(report.findings)).toEqual([]);
    expect(report).toMatchObject({ errors: 0, warnings: 0, htmlBytes: Buffer.byteLength(rendered.html) });
  });

  it('finds no errors and no warnings in the sample digest, well within half a second', async () => {
    const { config } = await readConfigFile(path.join(root, 'gazette.config.json'));
    const { digest, rendered } = await renderIssue(config, { articlesDir: path.join(root, 'articles'), date: '2026-11-30' });
    const input = { html: rendered.html, text: rendered.text, digest, config };
    const first = performance.now();
    const report = checkEmail(input);
    const firstMs = performance.now() - first;
    const warm = performance.now();
    checkEmail(input);
    const warmMs = performance.now() - warm;
    console.log(`checkEmail on the sample: ${firstMs.toFixed(0)} ms, then ${warmMs.toFixed(0)} ms`);
    expect(problems(report.findings)).toEqual([]);
    expect(report.findings.filter((f) => f.message.includes('(allowed: ')).length).toBeGreaterThan(10);
    expect(warmMs).toBeLessThan(500);
  });

  it('checks what it is given: an email that is not a digest at all', () => {
    const report = checkEmail({ html: '<p><img src="a.png"><a href="javascript:go()">go</a></p>' });
    expect(report.findings.map((f) => `${f.level} ${f.rule}`)).toEqual(
      expect.arrayContaining(['error lang', 'warning title', 'error subject', 'warning preheader', 'warning width', 'warning outlook', 'error img-alt', 'error img-src', 'error link-href', 'error footer', 'error text-part']),
    );
    expect(report.errors).toBe(report.findings.filter((f) => f.level === 'error').length);
  });
});

describe('findingsFromError', () => {
  it('turns each of several content errors into a finding with its file and line', () => {
    const error = new GazetteError('MJML_INVALID', 'the rendered MJML does not validate:', {
      errors: [
        new GazetteError('MJML_INVALID', '<mj-text> Attribute colour is illegal', { file: 'templates/partials/article.mjml.hbs', line: 7, fix: 'correct the template' }),
        new GazetteError('MJML_INVALID', '<mj-image> Attribute size is illegal', { file: 'templates/partials/photo.mjml.hbs', line: 2 }),
      ],
    });
    expect(findingsFromError(error)).toEqual([
      { level: 'error', rule: 'mjml', message: '<mj-text> Attribute colour is illegal', where: 'templates/partials/article.mjml.hbs:7', fix: 'correct the template' },
      { level: 'error', rule: 'mjml', message: '<mj-image> Attribute size is illegal', where: 'templates/partials/photo.mjml.hbs:2', fix: undefined },
    ]);
    expect(findingsFromError(new GazetteError('ARTICLE_BAD_DATE', 'field "date" is "soon"', { file: 'a.md', line: 4 }))).toMatchObject([{ rule: 'articles', where: 'a.md:4' }]);
  });

  it('leaves usage errors and bugs alone', () => {
    expect(findingsFromError(new GazetteError('CONFIG_INVALID', 'bad key'))).toBeUndefined();
    expect(findingsFromError(new TypeError('oops'))).toBeUndefined();
  });

  it('counts a report', () => {
    expect(reportOf([{ level: 'error', rule: 'x', message: 'm' }, { level: 'info', rule: 'y', message: 'n' }], 0)).toEqual({
      findings: expect.any(Array),
      errors: 1,
      warnings: 0,
      htmlBytes: 0,
    });
  });
});
