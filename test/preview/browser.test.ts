import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src/preview/index.js';
import { testConfig } from '../helpers/config.js';

/** Debian's chromium; CI (.ci/run) installs it. */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const ARTICLE = 'north-pier-lights.md';
const TITLE = 'North Pier lights switched on for the winter';
const WAIT = { timeout: 10_000, interval: 50 };

describe.skipIf(!hasChromium)(hasChromium ? 'gazette preview in Chromium' : `gazette preview in Chromium (skipped: ${CHROMIUM} not found; apt-get install chromium)`, { timeout: 30_000 }, () => {
  let dir: string;
  let article: string;
  let original: string;
  let preview: Preview;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gazette-browser-'));
    await cp(path.join(import.meta.dirname, '../fixtures/digest/articles'), path.join(dir, 'articles'), { recursive: true });
    await writeFile(path.join(dir, 'gazette.config.json'), JSON.stringify(testConfig(), null, 2));
    article = path.join(dir, 'articles', ARTICLE);
    original = await readFile(article, 'utf8');
    preview = await startPreview({ cwd: dir, configFile: 'gazette.config.json', date: '2026-11-30', port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Offline: the email's photos live on example.org; only the preview answers.
    await context.route('**/*', (route) => (route.request().url().startsWith(preview.url) ? route.continue() : route.abort()));
    page = await context.newPage();
    await page.goto(preview.url);
    await page.waitForFunction(
      (title) => [...document.querySelectorAll('iframe')].every((f) => f.contentDocument?.body?.innerText.includes(title)),
      TITLE,
      { timeout: WAIT.timeout },
    );
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function frame(width: 600 | 375): Promise<Frame> {
    const handle = await page.$(`iframe[data-width="${width}"]`);
    const content = await handle?.contentFrame();
    if (!content) throw new Error(`no ${width} px frame`);
    return content;
  }

  /** The frame's text, or '' while it is between documents. */
  async function frameText(width: 600 | 375): Promise<string> {
    try {
      return await (await frame(width)).evaluate(() => document.body?.innerText ?? '');
    } catch {
      return '';
    }
  }

  async function frameScrollY(width: 600 | 375): Promise<number> {
    try {
      return await (await frame(width)).evaluate(() => window.scrollY);
    } catch {
      return -1;
    }
  }

  it('shows the inbox row, the text part and the check table', async () => {
    await expect.poll(() => page.textContent('#subject'), WAIT).toBe('The Test Tide: Harbour board publishes new winter mooring rules');
    expect(await page.textContent('#from')).toBe('The Test Tide');
    expect(await page.textContent('#preheader')).not.toBe('');
    expect(await page.textContent('#text')).toContain(TITLE);
    expect(await page.locator('#findings tr').count()).toBeGreaterThan(0);
    expect(await page.textContent('#check-summary')).toMatch(/\d+ errors, \d+ warnings/);
  });

  it('shows the email at 600 px and at 375 px, the narrow one without horizontal scrolling', async () => {
    const wide = await (await frame(600)).evaluate(() => document.documentElement.clientWidth);
    expect(wide).toBe(600);
    const narrow = await (await frame(375)).evaluate(() => ({
      width: document.documentElement.clientWidth,
      scrollWidth: document.documentElement.scrollWidth,
      bodyScrollWidth: document.body.scrollWidth,
    }));
    expect(narrow.width).toBe(375);
    expect(narrow.scrollWidth).toBeLessThanOrEqual(narrow.width);
    expect(narrow.bodyScrollWidth).toBeLessThanOrEqual(narrow.width);
  });

  it('shows an edit in both frames without a reload of the page, keeping the scroll positions', async () => {
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
      window.scrollTo(0, 150);
    });
    await (await frame(600)).evaluate(() => window.scrollTo(0, 400));
    await (await frame(375)).evaluate(() => window.scrollTo(0, 700));
    expect(await frameScrollY(600)).toBe(400);

    await writeFile(article, original.replace(TITLE, 'North Pier lights stay dark for another week'));
    await expect.poll(() => frameText(600), WAIT).toContain('North Pier lights stay dark for another week');
    await expect.poll(() => frameText(375), WAIT).toContain('North Pier lights stay dark for another week');
    await expect.poll(() => frameScrollY(600), WAIT).toBe(400);
    await expect.poll(() => frameScrollY(375), WAIT).toBe(700);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(150);
    expect(await page.textContent('#text')).toContain('North Pier lights stay dark for another week');
  });

  it('shows a broken article in place of the email, and the email again once it is fixed', async () => {
    await writeFile(article, original.replace('date: 2026-11-11', 'date: next Tuesday'));
    await page.waitForSelector('#error', { state: 'visible', ...WAIT });
    expect(await page.isHidden('#frames')).toBe(true);
    const error = (await page.textContent('#error')) ?? '';
    expect(error).toContain(`articles/${ARTICLE}:4`);
    expect(error).toContain('next Tuesday');
    expect(error).toContain('Fix: use a real date as YYYY-MM-DD');

    await writeFile(article, original);
    await page.waitForSelector('#frames', { state: 'visible', ...WAIT });
    expect(await page.isHidden('#error')).toBe(true);
    await expect.poll(() => frameText(600), WAIT).toContain(TITLE);
    await expect.poll(() => frameScrollY(600), WAIT).toBe(400);
  });

  it('emulates dark mode in the frames, and remembers the choice across reloads', async () => {
    const darkStyle = async (): Promise<boolean> => {
      try {
        return await (await frame(375)).evaluate(() => document.querySelector('style[data-gazette-preview="dark"]') !== null);
      } catch {
        return false;
      }
    };
    expect(await darkStyle()).toBe(false);
    await page.check('#dark');
    await expect.poll(darkStyle, WAIT).toBe(true);
    await page.reload();
    expect(await page.isChecked('#dark')).toBe(true);
    await expect.poll(darkStyle, WAIT).toBe(true);
    await expect.poll(() => frameScrollY(600), WAIT).toBe(400); // kept across a reload of the page too
    await page.uncheck('#dark');
    await expect.poll(darkStyle, WAIT).toBe(false);
  });
});
