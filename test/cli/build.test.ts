import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, gazette, minimalConfig } from '../helpers/cli.js';
import { addSpecialFiles } from '../helpers/special-files.js';




const config = minimalConfig;

let project: string;
beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'gazette-cli-'));
  await writeFile(path.join(project, 'gazette.config.json'), JSON.stringify(config, null, 2));
  await cp(path.join(fixtures, 'digest/articles'), path.join(project, 'articles'), { recursive: true });
});
afterAll(async () => rm(project, { recursive: true, force: true }));

describe('gazette build', { timeout: 30_000 }, () => {
  it('builds into out/<date>/ and prints each path and size', async () => {
    const { code, stdout } = await gazette(project, 'build', '--date', '2026-11-30');
    expect(code).toBe(0);
    for (const name of ['index.html', 'index.txt', 'digest.json', 'digest.mjml']) {
      expect(stdout).toContain(path.join('out/2026-11-30', name));
    }
    expect(stdout).toMatch(/index\.html\s+\d+\.\d KB/);
    const digest = JSON.parse(await readFile(path.join(project, 'out/2026-11-30/digest.json'), 'utf8')) as { date: string };
    expect(digest.date).toBe('2026-11-30');
  });

  it('takes --articles, --out and --config from anywhere', async () => {
    const out = path.join(project, 'elsewhere');
    const { code } = await gazette(tmpdir(), 'build', '--articles', path.join(project, 'articles'), '--out', out, '--config', path.join(project, 'gazette.config.json'), '--date', '2026-11-30');
    expect(code).toBe(0);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('<html lang="en"');
  });

  it('--number puts the View in your browser link in both parts when the config has a publicUrl', async () => {
    const dir = path.join(project, 'numbered');
    await cp(path.join(project, 'articles'), path.join(dir, 'articles'), { recursive: true });
    await writeFile(path.join(dir, 'gazette.config.json'), JSON.stringify({ ...config, publicUrl: 'https://tide.example.org/news' }));
    const { code, stderr } = await gazette(dir, 'build', '--date', '2026-11-30', '--number', '12');
    expect(code, stderr).toBe(0);
    const link = 'https://tide.example.org/news/archive/12/';
    expect(await readFile(path.join(dir, 'out/2026-11-30/index.txt'), 'utf8')).toContain(`View in your browser: ${link}`);
    expect(await readFile(path.join(dir, 'out/2026-11-30/index.html'), 'utf8')).toContain(`href="${link}"`);
    const bad = await gazette(dir, 'build', '--number', '0');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--number is 0');
  });

  it('exits 2 naming the file and line of a bad article', async () => {
    const { code, stderr } = await gazette(project, 'build', '--articles', path.join(fixtures, 'bad/duplicate-slug'), '--out', path.join(project, 'o2'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/harbour-fees.*\.md.*slug "harbour-fees"/);
    const single = await gazette(project, 'build', '--articles', await folderWith('bad-date.md'), '--out', path.join(project, 'o3'));
    expect(single.code).toBe(2);
    expect(single.stderr).toMatch(/bad-date\.md:4: field "date" is "next Tuesday": use a real date/);
  });

  it('exits 2 listing every link, folder, pipe, socket and device named *.md, without a stack trace or a hang', async () => {
    const dir = await mkdtemp(path.join(project, 'special-'));
    await cp(path.join(project, 'articles'), dir, { recursive: true });
    const special = await addSpecialFiles(dir, await readFile(path.join(dir, 'north-pier-lights.md'), 'utf8'));
    try {
      const { code, stderr } = await gazette(project, 'build', '--articles', dir, '--out', path.join(project, 'o4'));
      expect(code, stderr).toBe(2);
      expect(stderr).not.toMatch(/internal error|\n\s+at /);
      expect(stderr).toContain(`${Object.keys(special.expected).length} articles in ${dir} need fixing:`);
      for (const name of Object.keys(special.expected)) expect(stderr).toContain(`${path.join(dir, name)}: is `);
      expect(stderr).toContain(`${path.join(dir, 'pipe.md')}: is a named pipe (FIFO), not a file: delete it, or replace it with the article as an ordinary file`);
    } finally {
      await special.close();
    }
  });

  it('refuses an article over limits.articleBytes, naming the file and the key', async () => {
    const dir = await mkdtemp(path.join(project, 'limit-'));
    await cp(path.join(project, 'articles'), path.join(dir, 'articles'), { recursive: true });
    await writeFile(path.join(dir, 'gazette.config.json'), JSON.stringify({ ...config, limits: { articleBytes: 1024 } }));
    const { code, stderr } = await gazette(dir, 'build', '--date', '2026-11-30');
    expect(code).toBe(2);
    expect(stderr).toMatch(/articles\/[a-z-]+\.md: is over the 1 KB limit for an article \(\d\.\d KB\): .*raise "limits\.articleBytes" in the config/);
    await writeFile(path.join(dir, 'gazette.config.json'), JSON.stringify({ ...config, limits: { articleBytes: 100 } }));
    const invalid = await gazette(dir, 'build', '--date', '2026-11-30');
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('key "limits.articleBytes" must be at least 1024 (1 KB)');
  });

  it('exits 3 when --out holds files gazette did not write, and keeps them and the previous issue', async () => {
    const out = path.join(project, 'o5');
    expect((await gazette(project, 'build', '--out', out, '--date', '2026-11-30')).code).toBe(0);
    const before = await readFile(path.join(out, 'index.html'), 'utf8');
    await writeFile(path.join(out, 'notes.md'), 'my notes');
    const { code, stderr } = await gazette(project, 'build', '--out', out, '--date', '2026-12-07');
    expect(code).toBe(3);
    expect(stderr).toBe(`gazette: ${out} holds a file gazette did not write (notes.md): move it out of the folder, or pass another --out: gazette replaces the folder whole, and will not delete what is not its own\n`);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe(before);
    expect(await readFile(path.join(out, 'notes.md'), 'utf8')).toBe('my notes');
  });

  it('exits 3 when --out is a file', async () => {
    const file = path.join(project, 'a-file');
    await writeFile(file, 'x');
    const { code, stderr } = await gazette(project, 'build', '--out', file);
    expect(code).toBe(3);
    expect(stderr).toBe(`gazette: ${file} is a file, not a folder: move the file, or pass another --out\n`);
  });

  it('leaves one whole issue when two builds of the same date run at once', async () => {
    const out = path.join(project, 'o6');
    const names = ['north-pier-lights.md', 'sao-brandao-regatta.md'];
    const folders = await Promise.all(
      names.map(async (name) => {
        const dir = await mkdtemp(path.join(project, 'one-article-'));
        await cp(path.join(project, 'articles', name), path.join(dir, name));
        return dir;
      }),
    );
    const runs = await Promise.all(folders.map((dir) => gazette(project, 'build', '--articles', dir, '--out', out, '--date', '2026-11-30')));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const digest = JSON.parse(await readFile(path.join(out, 'digest.json'), 'utf8')) as { articles: { title: string }[] };
    const title = digest.articles[0]?.title ?? '';
    expect(digest.articles).toHaveLength(1);
    expect(await readFile(path.join(out, 'index.txt'), 'utf8')).toContain(title);
    expect(await readFile(path.join(out, 'digest.mjml'), 'utf8')).toContain(title.replace(/'/g, '&#x27;'));
    expect((await readdir(project)).filter((n) => n.startsWith('.o6'))).toEqual([]);
  });

  it('exits 1 for a config error, naming the key and the file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gazette-cfg-'));
    await writeFile(path.join(dir, 'gazette.config.json'), JSON.stringify({ ...config, colour: 'blue' }, null, 2));
    const { code, stderr } = await gazette(dir, 'build', '--articles', path.join(project, 'articles'));
    expect(code).toBe(1);
    expect(stderr).toContain('gazette.config.json:8: unknown key "colour"');
    await rm(dir, { recursive: true, force: true });
  });

  it('exits 1 without a config file, showing one to start from', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gazette-nocfg-'));
    const { code, stderr } = await gazette(dir, 'build');
    expect(code).toBe(1);
    expect(stderr).toContain('gazette.config.json');
    expect(stderr).toContain('"postalAddress"');
    await rm(dir, { recursive: true, force: true });
  });

  it('exits 1 on a bad --date or an unknown option', async () => {
    expect((await gazette(project, 'build', '--date', '30/11/2026')).code).toBe(1);
    const unknown = await gazette(project, 'build', '--artcles', 'x');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('artcles');
    expect(unknown.stderr).not.toContain('internal error');
    const nonsense = await gazette(project, 'frobnicate');
    expect(nonsense.code).toBe(1);
    expect(nonsense.stderr).toMatch(/^gazette: Unknown argument: frobnicate: run "gazette --help"/);
    const nothing = await gazette(project);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toMatch(/^gazette: Name a command: build, /);
  });
});

async function folderWith(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(project, 'one-'));
  await cp(path.join(fixtures, 'bad', name), path.join(dir, name));
  return dir;
}
