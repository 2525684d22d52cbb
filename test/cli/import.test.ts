import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticle, type Digest } from '../../src/index.js';
import { startServer, type TestServer } from '../helpers/http.js';
import { fixtures, gazette, gazetteWithInput } from '../helpers/cli.js';

const importFixtures = path.join(fixtures, 'import');


let server: TestServer;
let project: string;
const page = path.join(importFixtures, 'harbour-herald-full.html');

beforeAll(async () => {
  const html = await readFile(page);
  server = await startServer((req, res) => {
    if (req.url === '/news/tide-mill') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else if (req.url === '/short') res.writeHead(301, { location: '/news/tide-mill' }).end();
    else res.writeHead(404, 'Not Found').end();
  });
  project = await mkdtemp(path.join(tmpdir(), 'gazette-import-cli-'));
  await writeFile(
    path.join(project, 'gazette.config.json'),
    JSON.stringify({ name: 'T', from: { address: 'a@example.org' }, postalAddress: '1 Quay Street, Port Ellis', siteUrl: 'https://x.example.org' }),
  );
});
afterAll(async () => {
  await server.close();
  await rm(project, { recursive: true, force: true });
});

describe('gazette import', { timeout: 30_000 }, () => {
  it('imports a page over HTTP, a saved page and a paste, and the three build with no edits', async () => {
    const to = path.join(project, 'three');
    const web = await gazette(project, 'import', server.url('/short'), '--to', to);
    expect(web.code).toBe(0);
    const saved = await gazette(project, 'import', path.join(importFixtures, 'kelpie-coast-wordpress.html'), '--to', to);
    expect(saved.code).toBe(0);
    const paste = await gazette(project, 'import', path.join(importFixtures, 'ferry-deal.txt'), '--to', to, '--url', 'https://news.example.org/ferry-deal', '--date', '2026-11-29');
    expect(paste.code).toBe(0);
    for (const result of [web, saved, paste]) expect(result.stdout.trim()).toMatch(/^three\/\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$/);

    const webFile = path.join(project, web.stdout.trim());
    const { article } = parseArticle(await readFile(webFile), webFile);
    expect(article).toMatchObject({
      title: 'Lantern Bay votes to bring the old tide mill back to life',
      url: 'https://www.harbourherald.example.org/news/2026/03/14/lantern-bay-tide-mill-reopens',
      date: '2026-03-14',
      author: 'Marta Quist',
      caption: 'Volunteers clear silt from the mill race at Lantern Bay on Thursday.',
      credit: 'Photo: Ines Varga/Coastline Press',
    });

    const out = path.join(project, 'three-out');
    const build = await gazette(project, 'build', '--articles', to, '--out', out, '--date', '2026-11-30');
    expect(build.code, build.stderr).toBe(0);
    const digest = JSON.parse(await readFile(path.join(out, 'digest.json'), 'utf8')) as Digest;
    expect(digest.articles).toHaveLength(3);
    const mill = digest.articles.find((a) => a.title.startsWith('Lantern Bay'));
    expect(mill?.photo).toMatchObject({ caption: 'Volunteers clear silt from the mill race at Lantern Bay on Thursday.', credit: 'Photo: Ines Varga/Coastline Press' });
    expect(mill?.pullQuote?.speaker).toMatch(/Orla Brennan|Desmond Achterberg/);
    const ferry = digest.articles.find((a) => a.url === 'https://news.example.org/ferry-deal');
    expect(ferry?.photo).toBeNull();
    expect(ferry?.pullQuote?.speaker).toBeTruthy();
    for (const a of digest.articles) expect(a.summary.length).toBeGreaterThan(0);
  });

  it('exits 2 naming the missing field and the option, and writes nothing', async () => {
    const to = path.join(project, 'missing');
    const result = await gazette(project, 'import', path.join(importFixtures, 'ferry-deal.txt'), '--to', to);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ferry-deal.txt: the source has no url and no date: pass them with --url https://… and --date YYYY-MM-DD');
    await expect(readdir(to)).rejects.toThrow();
    const noDate = await gazette(project, 'import', path.join(importFixtures, 'port-ellis-gazette-no-date.html'), '--to', to);
    expect(noDate.code).toBe(2);
    expect(noDate.stderr).toContain('the source has no date: pass it with --date YYYY-MM-DD');
  });

  it('imports the good sources when one fails, and exits 2', async () => {
    const to = path.join(project, 'mixed');
    const result = await gazette(project, 'import', server.url('/missing'), path.join(importFixtures, 'harbour-herald-full.html'), '--to', to);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('404 Not Found');
    expect(await readdir(to)).toHaveLength(1);
  });

  it('imports a page nested 10,000 deep and the source after it; refuses a page too large, naming it, and imports the rest', async () => {
    const to = path.join(project, 'deep');
    const story = `<h1>Harbour lights to stay on all night</h1>${'<p>The harbour board voted on Tuesday to keep the lights on all night, all winter, after a petition.</p>'.repeat(3)}`;
    const head = '<head><meta property="og:url" content="https://x.example.org/lights"><meta property="article:published_time" content="2026-11-30"></head>';
    const deep = path.join(project, 'deep.html');
    await writeFile(deep, `<html>${head}<body>${'<div>'.repeat(10_000)}${story}${'</div>'.repeat(10_000)}</body></html>`);
    const huge = path.join(project, 'huge.html');
    await writeFile(huge, `<html>${head}<body>${'<p>x</p>'.repeat(60_000)}</body></html>`);
    const first = await gazette(project, 'import', deep, page, '--to', to);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout.trim().split('\n')).toHaveLength(2);
    const second = await gazette(project, 'import', huge, path.join(importFixtures, 'kelpie-coast-wordpress.html'), '--to', to);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`${huge}: the page has more than 50,000 elements`);
    expect(await readdir(to)).toHaveLength(3);
  });

  it('imports a paste piped to - as it imports the same paste from a .txt file, with --url and --date', async () => {
    const txt = path.join(importFixtures, 'ferry-deal.txt');
    const fields = ['--url', 'https://news.example.org/ferry-deal', '--date', '2026-11-29'];
    const piped = await gazetteWithInput(project, await readFile(txt), 'import', '-', '--to', path.join(project, 'stdin'), ...fields);
    expect(piped.stderr).toBe('');
    expect(piped.code).toBe(0);
    const fromFile = await gazette(project, 'import', txt, '--to', path.join(project, 'stdin-file'), ...fields);
    const written = async (result: { stdout: string }): Promise<string> => readFile(path.join(project, result.stdout.trim()), 'utf8');
    expect(await written(piped)).toBe(await written(fromFile));
    expect(await written(piped)).toContain('url: https://news.example.org/ferry-deal\ndate: 2026-11-29\n');
    const missing = await gazetteWithInput(project, await readFile(txt), 'import', '-', '--to', path.join(project, 'stdin'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('gazette: standard input: the source has no url and no date');
  });

  it('imports a UTF-16 paste as its text, and refuses a binary file naming it while importing the rest', async () => {
    const utf16 = path.join(project, 'notepad.txt');
    const text = await readFile(path.join(importFixtures, 'ferry-deal.txt'), 'utf8');
    await writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const paste = await gazette(project, 'import', utf16, '--to', path.join(project, 'utf16'), '--url', 'https://news.example.org/ferry-deal', '--date', '2026-11-29');
    expect(paste.code).toBe(0);
    expect(await readFile(path.join(project, paste.stdout.trim()), 'utf8')).toMatch(/^---\ntitle: Harbour Board, Ferry Crews Strike ‘Last-Chance’ Deal on Winter Timetable\n/);
    const png = path.join(project, 'photo.txt');
    await writeFile(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    const mixed = await gazette(project, 'import', png, page, '--to', path.join(project, 'binary'));
    expect(mixed.code).toBe(2);
    expect(mixed.stderr.trim()).toBe(`gazette: ${png}: it is a PNG image, not a web page or text: import the article's web page (.html), its http(s) address, or its text pasted into a .txt file`);
    expect(await readdir(path.join(project, 'binary'))).toHaveLength(1);
  });

  it('does not import the same story twice, unless --force', async () => {
    const to = path.join(project, 'twice');
    const first = await gazette(project, 'import', page, '--to', to);
    const again = await gazette(project, 'import', server.url('/news/tide-mill'), '--to', to);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already imported');
    expect(await readdir(to)).toHaveLength(1);
    const forced = await gazette(project, 'import', page, '--to', to, '--force');
    expect(forced.stdout.trim()).toBe(`${first.stdout.trim()} (overwritten)`);
  });

  it('refuses --url with several sources, and a bad --date', async () => {
    expect((await gazette(project, 'import', page, page, '--url', 'https://x.example.org/a')).code).toBe(1);
    expect((await gazette(project, 'import', page, '--date', 'yesterday')).code).toBe(1);
  });
});
