import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIssue, GazetteError, loadTemplates } from '../src/index.js';
import { testConfig } from './helpers/config.js';

const fixture = path.join(import.meta.dirname, 'fixtures/digest');
const config = testConfig();
const temps: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gazette-build-'));
  temps.push(dir);
  return dir;
}

async function build(outDir: string, pretty = false) {
  return buildIssue(config, { articlesDir: path.join(fixture, 'articles'), outDir, date: '2026-11-30', pretty });
}

afterAll(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

describe('buildIssue on the fixture folder', () => {
  // Pinned --pretty, so that a template change shows as a readable diff.
  it('writes index.html, index.txt, digest.json and digest.mjml as pinned', async () => {
    const out = await tempDir();
    const result = await build(out, true);
    expect((await readdir(out)).sort()).toEqual(['digest.json', 'digest.mjml', 'index.html', 'index.txt']);
    for (const name of ['index.html', 'index.txt', 'digest.json']) {
      await expect(await readFile(path.join(out, name), 'utf8')).toMatchFileSnapshot(path.join(fixture, 'expected', name));
    }
    expect(result.files.map((f) => path.basename(f.path))).toEqual(['index.html', 'index.txt', 'digest.json', 'digest.mjml']);
  });

  it('gives byte-identical files on a second build', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    await build(a);
    await build(b);
    for (const name of await readdir(a)) {
      expect(Buffer.compare(await readFile(path.join(a, name)), await readFile(path.join(b, name))), name).toBe(0);
    }
  });

  it('writes digest.json in the documented shape', async () => {
    const out = await tempDir();
    await build(out);
    const json = JSON.parse(await readFile(path.join(out, 'digest.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['title', 'date', 'subject', 'preheader', 'articles']);
    const articles = json.articles as Record<string, unknown>[];
    for (const article of articles) {
      expect(article).toEqual(
        expect.objectContaining({
          slug: expect.any(String),
          title: expect.any(String),
          url: expect.stringMatching(/^https?:/),
          date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          summary: expect.any(Array),
        }),
      );
      expect(article.pullQuote === null || typeof article.pullQuote === 'object').toBe(true);
      expect(article.photo === null || typeof article.photo === 'object').toBe(true);
    }
  });

  it('leaves the previous output untouched when a build fails', async () => {
    const out = await tempDir();
    await build(out);
    const before = await readFile(path.join(out, 'index.html'));
    const templatesDir = await tempDir();
    await writeFile(path.join(templatesDir, 'digest.mjml.hbs'), '<mjml><mj-body><mj-nope /></mj-body></mjml>');
    await expect(
      buildIssue(config, { articlesDir: path.join(fixture, 'articles'), outDir: out, date: '2026-12-07', templates: loadTemplates(templatesDir) }),
    ).rejects.toBeInstanceOf(GazetteError);
    expect(Buffer.compare(await readFile(path.join(out, 'index.html')), before)).toBe(0);
    expect((await readdir(out)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('says so when there are no articles', async () => {
    const empty = await tempDir();
    await mkdir(path.join(empty, 'articles'));
    await expect(buildIssue(config, { articlesDir: path.join(empty, 'articles'), outDir: empty, date: '2026-11-30' })).rejects.toMatchObject({ code: 'NO_ARTICLES' });
  });
});

describe('the "View in your browser" link', () => {
  const numbered = testConfig({ publicUrl: 'https://tide.example.org/newsletter/' });

  // Pinned: the text part of issue 7 as the archive link puts it first; the HTML carries the same link in its header.
  it('is in both parts of a numbered issue when the config has a publicUrl', async () => {
    const out = await tempDir();
    const result = await buildIssue(numbered, { articlesDir: path.join(fixture, 'articles'), outDir: out, date: '2026-11-30', number: 7 });
    const text = await readFile(path.join(out, 'index.txt'), 'utf8');
    await expect(text).toMatchFileSnapshot(path.join(fixture, 'expected', 'numbered', 'index.txt'));
    expect(text.split('\n')[0]).toBe('View in your browser: https://tide.example.org/newsletter/archive/7/');
    expect(result.rendered.html).toMatch(/<a href="https:\/\/tide\.example\.org\/newsletter\/archive\/7\/"[^>]*>View in your browser<\/a>/);
    // publicUrl also moves the default unsubscribe page to where `gazette serve` answers.
    expect(text).toContain('https://tide.example.org/newsletter/unsubscribe');
    expect(result.rendered.html).toContain('href="https://tide.example.org/newsletter/unsubscribe"');
  });

  it('is left out without a number, or without a publicUrl', async () => {
    for (const [cfg, number] of [
      [numbered, undefined],
      [config, 7],
    ] as const) {
      const out = await tempDir();
      const result = await buildIssue(cfg, { articlesDir: path.join(fixture, 'articles'), outDir: out, date: '2026-11-30', number });
      expect(result.rendered.text).not.toContain('View in your browser');
      expect(result.rendered.html).not.toContain('View in your browser');
    }
  });
});
