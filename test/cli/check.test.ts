import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/check/types.js';
import { startServer } from '../helpers/http.js';
import { fixtures, gazette, minimalConfig, root } from '../helpers/cli.js';
import { addSpecialFiles } from '../helpers/special-files.js';




const config = minimalConfig;

let project: string;
beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'gazette-check-'));
  await writeFile(path.join(project, 'gazette.config.json'), JSON.stringify(config, null, 2));
  await cp(path.join(fixtures, 'digest/articles'), path.join(project, 'articles'), { recursive: true });
});
afterAll(async () => rm(project, { recursive: true, force: true }));

const fixture = (name: string): string => path.join(fixtures, 'check', name);

describe('gazette check on rendered articles', { timeout: 30_000 }, () => {
  it('exits 0 on the sample digest, --strict too, with a table and the counts', async () => {
    const { code, stdout } = await gazette(root, 'check', '--date', '2026-11-30', '--strict');
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^0 errors, 0 warnings \(\d+ info, --verbose lists them\); HTML \d+\.\d KB/);
    const verbose = await gazette(root, 'check', '--date', '2026-11-30', '--verbose');
    expect(verbose.stdout).toMatch(/^level\s+rule\s+message\s+where$/m);
    expect(verbose.stdout).toMatch(/^info\s+compat\s+@media: unsupported in 3 clients, partial in 9 clients .*none: gmail\.mobile-webmail/m);
    expect(verbose.stdout).toMatch(/^0 errors, 0 warnings \(\d+ info\); HTML \d+\.\d KB/m);
    expect(verbose.stdout).not.toContain('\u001b['); // no colour into a pipe
  });

  it('prints the report as JSON and nothing else with --json', async () => {
    const { code, stdout } = await gazette(project, 'check', '--date', '2026-11-30', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as CheckReport;
    expect(report).toMatchObject({ errors: 0, warnings: 0 });
    expect(report.htmlBytes).toBeGreaterThan(10_000);
    expect(report.findings.length).toBeGreaterThan(10);
  });

  it('exits 2 on a digest over 100 KB, naming the articles that cost the most', async () => {
    const dir = await mkdtemp(path.join(project, 'big-'));
    const sentence = 'Boats of every size waited at the harbour mouth for the tide to turn. ';
    const sizes = { 'ferry-timetable': 500, 'lighthouse-repairs': 30, 'fish-market': 800, 'regatta-results': 250, 'harbour-fees': 10 };
    let day = 10;
    for (const [slug, repeats] of Object.entries(sizes)) {
      const caption = sentence.repeat(repeats).trim();
      await writeFile(
        path.join(dir, `${slug}.md`),
        `---\ntitle: "${slug.replace('-', ' ')} story"\nurl: https://news.example.org/2026/11/${slug}\ndate: 2026-11-${day++}\nimage: https://media.example.org/${slug}.jpg\nimage_alt: A photo for the ${slug} story\ncaption: "${caption}"\n---\n\nThe harbour board met on Tuesday. "We will keep the fees as they are this winter," said the chair, Ana Lopes.\n`,
      );
    }
    const { code, stdout } = await gazette(project, 'check', '--articles', dir, '--date', '2026-11-30');
    expect(code).toBe(2);
    expect(stdout).toMatch(/^error\s+size\s+the HTML is 1\d\d\.\d KB: Gmail clips/m);
    expect(stdout).toMatch(/costliest: fish-market \d+\.\d KB, ferry-timetable \d+\.\d KB, regatta-results \d+\.\d KB/);
    expect(stdout).toMatch(/^1 error, 0 warnings/m);
  }, 30_000);

  it('exits 2 on a broken template, naming the template file and line', async () => {
    const templates = await mkdtemp(path.join(project, 'templates-'));
    await cp(path.join(root, 'templates'), templates, { recursive: true });
    const partial = path.join(templates, 'partials/article.mjml.hbs');
    const source = await readFile(partial, 'utf8');
    await writeFile(partial, source.replace('<mj-text padding="20px 24px 0">', '<mj-text padding="20px 24px 0" colour="red">'));
    const mjml = await gazette(project, 'check', '--templates', templates, '--date', '2026-11-30');
    expect(mjml.code).toBe(2);
    const line = source.split('\n').findIndex((l) => l.includes('<mj-text padding="20px 24px 0">')) + 1;
    expect(mjml.stdout).toMatch(new RegExp(`^error\\s+mjml\\s+<mj-text> Attribute colour is illegal.*partials/article\\.mjml\\.hbs:${line}$`, 'm'));

    await writeFile(partial, source.replace('{{/if}}', ''));
    const hbs = await gazette(project, 'check', '--templates', templates, '--date', '2026-11-30', '--json');
    expect(hbs.code).toBe(2);
    const report = JSON.parse(hbs.stdout) as CheckReport;
    expect(report.findings).toEqual([expect.objectContaining({ level: 'error', rule: 'template', where: expect.stringMatching(/partials\/article\.mjml\.hbs:\d+$/) })]);
  });

  it('exits 2 on a bad article, naming the file and line', async () => {
    const dir = await mkdtemp(path.join(project, 'bad-'));
    await cp(path.join(fixtures, 'bad/bad-date.md'), path.join(dir, 'bad-date.md'));
    const { code, stdout } = await gazette(project, 'check', '--articles', dir);
    expect(code).toBe(2);
    expect(stdout).toMatch(/^error\s+articles\s+field "date" is "next Tuesday".*bad-date\.md:4$/m);
  });

  it('exits 2 with a finding for each link, folder, pipe, socket or device named *.md, without hanging', async () => {
    const dir = await mkdtemp(path.join(project, 'special-'));
    await cp(path.join(project, 'articles'), dir, { recursive: true });
    const special = await addSpecialFiles(dir, await readFile(path.join(dir, 'north-pier-lights.md'), 'utf8'));
    try {
      const { code, stdout, stderr } = await gazette(project, 'check', '--articles', dir, '--json');
      expect(code, stderr).toBe(2);
      const report = JSON.parse(stdout) as CheckReport;
      expect(new Set(report.findings.map((f) => f.where))).toEqual(new Set(Object.keys(special.expected).map((name) => path.join(dir, name))));
      expect(report.findings.every((f) => f.level === 'error' && f.rule === 'articles' && f.fix)).toBe(true);
    } finally {
      await special.close();
    }
  });

  it('exits 1 on usage and config errors', async () => {
    expect((await gazette(project, 'check', '--html', 'nowhere.html')).code).toBe(1);
    expect((await gazette(project, 'check', '--html', fixture('clean.html'), '--articles', 'articles')).code).toBe(1);
    expect((await gazette(project, 'check', '--date', 'tomorrow')).code).toBe(1);
    const empty = await mkdtemp(path.join(tmpdir(), 'gazette-nocfg-'));
    const noConfig = await gazette(empty, 'check');
    expect(noConfig.code).toBe(1);
    expect(noConfig.stderr).toContain('gazette.config.json');
    await rm(empty, { recursive: true, force: true });
  });
});

describe('gazette check --html', { timeout: 30_000 }, () => {
  it('exits 0 on a clean email with its index.txt beside it, --strict too', async () => {
    const { code, stdout } = await gazette(project, 'check', '--html', fixture('clean.html'), '--strict');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^0 errors, 0 warnings/m);
  });

  it('exits 2 on an image without alt', async () => {
    const { code, stdout } = await gazette(project, 'check', '--html', fixture('img-no-alt.html'));
    expect(code).toBe(2);
    expect(stdout).toMatch(/^error\s+img-alt\s+image without alt text.*<img src="https:\/\/media\.example\.org\/lights\.jpg"> \(line 14\)$/m);
    expect(stdout).toMatch(/^1 error, 0 warnings/m);
  });

  it('exits 2 on a javascript: link', async () => {
    const { code, stdout } = await gazette(project, 'check', '--html', fixture('javascript-link.html'));
    expect(code).toBe(2);
    expect(stdout).toMatch(/^error\s+link-href\s+javascript: link.*<a href="javascript:void\(0\)"> \(line 17\)$/m);
  });

  it('exits 0 on a warning, and 2 with --strict', async () => {
    expect((await gazette(project, 'check', '--html', fixture('http-link.html'))).code).toBe(0);
    const strict = await gazette(project, 'check', '--html', fixture('http-link.html'), '--strict');
    expect(strict.code).toBe(2);
    expect(strict.stdout).toMatch(/^warning\s+link-href\s+link over plain http/m);
  });

  it('checks what build wrote: index.html with index.txt and digest.json', async () => {
    const out = path.join(project, 'out-built');
    expect((await gazette(project, 'build', '--date', '2026-11-30', '--out', out)).code).toBe(0);
    const { code, stdout } = await gazette(project, 'check', '--html', path.join(out, 'index.html'), '--strict');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^0 errors, 0 warnings/m);
    await writeFile(path.join(out, 'index.txt'), (await readFile(path.join(out, 'index.txt'), 'utf8')).replace('https://news.example.org/2026/11/north-pier-lights-switch-on', ''));
    const missing = await gazette(project, 'check', '--html', path.join(out, 'index.html'));
    expect(missing.code).toBe(2);
    expect(missing.stdout).toMatch(/^error\s+text-part\s+the text part lacks the link to an article/m);
  });

  it('exits 2 over 100 KB', async () => {
    const dir = await mkdtemp(path.join(project, 'big-html-'));
    const html = (await readFile(fixture('clean.html'), 'utf8')).replace('<p>The lamps', `<p>${'The lamps were lit. '.repeat(5200)}</p><p>The lamps`);
    await writeFile(path.join(dir, 'index.html'), html);
    await cp(fixture('index.txt'), path.join(dir, 'index.txt'));
    const { code, stdout } = await gazette(project, 'check', '--html', path.join(dir, 'index.html'));
    expect(code).toBe(2);
    expect(stdout).toMatch(/^error\s+size\s+the HTML is 10\d\.\d KB/m);
  });
});

describe('gazette check --online', { timeout: 30_000 }, () => {
  it('exits 2 naming a link that answers 404, and accepts a good image', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/photo.jpg') res.writeHead(200, { 'content-type': 'image/jpeg' }).end();
      else if (req.url === '/story') res.writeHead(200, { 'content-type': 'text/html' }).end();
      else res.writeHead(404).end();
    });
    try {
      const dir = await mkdtemp(path.join(project, 'online-'));
      const html = (await readFile(fixture('clean.html'), 'utf8'))
        .replace('https://media.example.org/lights.jpg', server.url('/photo.jpg'))
        .replace('<p>The lamps', `<p><a href="${server.url('/gone')}">An old story</a></p><p>The lamps`)
        .replaceAll('https://news.example.org/2026/11/harbour-lights', server.url('/story'))
        .replace('https://tide.example.org/unsubscribe', server.url('/story'));
      await writeFile(path.join(dir, 'index.html'), html);
      await writeFile(path.join(dir, 'index.txt'), (await readFile(fixture('index.txt'), 'utf8')).replace('https://tide.example.org/unsubscribe', server.url('/story')));
      const { code, stdout } = await gazette(project, 'check', '--html', path.join(dir, 'index.html'), '--online', '--json');
      expect(code).toBe(2);
      const report = JSON.parse(stdout) as CheckReport;
      const online = report.findings.filter((f) => f.rule === 'online');
      expect(online).toEqual([expect.objectContaining({ level: 'error', message: 'link answered 404 Not Found', where: server.url('/gone') })]);
      expect(server.requests.map((r) => `${r.method} ${r.url}`).sort()).toEqual(['GET /gone', 'HEAD /gone', 'HEAD /photo.jpg', 'HEAD /story']);
    } finally {
      await server.close();
    }
  });
});
