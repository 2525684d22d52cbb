import { request } from 'node:http';
import { connect } from 'node:net';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveSource } from '../../src/archive/types.js';
import type { Config } from '../../src/config/schema.js';
import { startServe, type ServeLimits, type Serving } from '../../src/serve/index.js';
import { Ledger } from '../../src/send/ledger.js';
import { listIdOf } from '../../src/send/message.js';
import { unsubscribeToken } from '../../src/send/unsubscribe.js';
import { memoryArchive } from '../helpers/archive.js';
import { testConfig } from '../helpers/config.js';
import { scratchDir, SECRET } from '../helpers/send.js';

const config = testConfig({ publicUrl: 'https://tide.example.org/newsletter/', lang: 'en-GB' });
const READER = 'Reader.One@example.org';
const ONE_CLICK = 'List-Unsubscribe=One-Click';

let scratch: Awaited<ReturnType<typeof scratchDir>>;
let n = 0;
const open: { serving: Serving; ledger: Ledger }[] = [];

beforeAll(async () => {
  scratch = await scratchDir('gazette-serve-');
});
afterEach(async () => {
  for (const { serving, ledger } of open.splice(0)) {
    await serving.close();
    ledger.close();
  }
});
afterAll(async () => scratch.remove());

interface Started {
  base: string;
  origin: string;
  ledger: Ledger;
  errors: unknown[];
  suppressions: () => { address_key: string; reason: string; source: string }[];
}

async function start(options: { config?: Config; archive?: ArchiveSource; limits?: Partial<ServeLimits>; checkHealth?: () => void } = {}): Promise<Started> {
  const ledger = Ledger.open(path.join(scratch.dir, `state-${++n}.db`));
  const errors: unknown[] = [];
  const serving = await startServe({
    config: options.config ?? config,
    secret: SECRET,
    archive: options.archive ?? memoryArchive(),
    suppressions: ledger,
    checkHealth: options.checkHealth ?? (() => undefined),
    limits: options.limits,
    onError: (error) => errors.push(error),
  });
  open.push({ serving, ledger });
  return {
    base: serving.url,
    origin: new URL(serving.url).origin,
    ledger,
    errors,
    suppressions: () =>
      ledger.db.prepare('SELECT address_key, reason, source FROM suppressions').all() as { address_key: string; reason: string; source: string }[],
  };
}

function token(email = READER, list = listIdOf(config), secret = SECRET): string {
  return unsubscribeToken(secret, list, email);
}

function oneClick(base: string, t: string, body: string = ONE_CLICK, type = 'application/x-www-form-urlencoded'): Promise<Response> {
  return fetch(`${base}unsubscribe?t=${encodeURIComponent(t)}`, { method: 'POST', headers: { 'content-type': type }, body, redirect: 'manual' });
}

/** A raw HTTP exchange, for what fetch will not send (a lying or endless body, slow headers). */
function raw(origin: string, text: string, options: { end?: boolean } = {}): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(text);
      if (options.end !== false) socket.end();
    });
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    socket.on('close', () => resolve(answer));
    socket.on('error', (error: NodeJS.ErrnoException) => (answer ? resolve(answer) : reject(error)));
  });
}

describe('POST unsubscribe (RFC 8058 one-click)', () => {
  it('suppresses the address and answers 200, with no redirect and no cookie', async () => {
    const { base, suppressions, ledger } = await start();
    const res = await oneClick(base, token());
    expect(res.status).toBe(200);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const $ = cheerio.load(await res.text());
    expect($('h1').text()).toBe('You are unsubscribed');
    expect($('main').text()).toContain('R•••e@example.org will get no more issues of The Test Tide');
    expect(ledger.isSuppressed(READER)).toBe(true);
    expect(suppressions()).toEqual([{ address_key: 'reader.one@example.org', reason: 'one-click unsubscribe', source: 'unsubscribe' }]);
  });

  it('answers a replay with 200 again and records the address once', async () => {
    const { base, suppressions } = await start();
    const t = token();
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await oneClick(base, t)).status);
    expect(statuses).toEqual([200, 200, 200]);
    expect(suppressions()).toHaveLength(1);
    // The confirm page's button, after a one-click: the same, and the first reason stays.
    expect((await oneClick(base, t, 'confirm=page')).status).toBe(200);
    expect(suppressions()).toEqual([{ address_key: 'reader.one@example.org', reason: 'one-click unsubscribe', source: 'unsubscribe' }]);
  });

  it('refuses a tampered or foreign token with 400 and changes nothing', async () => {
    const { base, suppressions } = await start();
    const good = token();
    const [addressPart, macPart] = good.split('.') as [string, string];
    const flipped = `${macPart.slice(0, 10)}${macPart[10] === 'A' ? 'B' : 'A'}${macPart.slice(11)}`;
    const someoneElse = Buffer.from('victim@example.org').toString('base64url');
    const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const spareBit = (part: string): string => part.slice(0, -1) + (B64URL[B64URL.indexOf(part.slice(-1)) ^ 1] ?? '');
    const bad = [
      `${addressPart}.${spareBit(macPart)}`, // the MAC's last character with a spare bit flipped: the same bytes
      `${good}%3D`, // padding appended: the same bytes
      `${addressPart}%3D.${macPart}`,
      `${addressPart}.${macPart.replaceAll('-', '%2B').replaceAll('_', '%2F')}`, // base64 rather than base64url
      `${addressPart}.${flipped}`, // the MAC changed
      `${someoneElse}.${macPart}`, // another address under this MAC
      `${addressPart}.${macPart.slice(0, -4)}`, // cut short
      token(READER, 'another-list.example.org'), // another list's
      token(READER, listIdOf(config), 'another-secret'), // signed with another secret
      `${addressPart}.${macPart}.extra`,
      'not-a-token',
      '',
    ];
    for (const t of bad) {
      const res = await oneClick(base, t);
      expect(res.status, t).toBe(400);
      expect(await res.text()).toContain('This unsubscribe link does not work');
    }
    const none = await fetch(`${base}unsubscribe`, { method: 'POST', body: ONE_CLICK });
    expect(none.status).toBe(400);
    expect(suppressions()).toEqual([]);
  });

  it("takes the confirm page's form, with its own reason", async () => {
    const { base, suppressions } = await start();
    expect((await oneClick(base, token(), 'confirm=page')).status).toBe(200);
    expect(suppressions()).toEqual([{ address_key: 'reader.one@example.org', reason: 'unsubscribed from the confirm page', source: 'unsubscribe' }]);
  });

  it('takes multipart/form-data, which RFC 8058 also allows', async () => {
    const { base, ledger } = await start();
    const form = new FormData();
    form.set('List-Unsubscribe', 'One-Click');
    const res = await fetch(`${base}unsubscribe?t=${token()}`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    expect(ledger.isSuppressed(READER)).toBe(true);
  });

  it('refuses a body that does not ask to unsubscribe (400) or a form it cannot read (415), and changes nothing', async () => {
    const { base, suppressions } = await start();
    expect((await oneClick(base, token(), '')).status).toBe(400);
    expect((await oneClick(base, token(), 'List-Unsubscribe=Maybe')).status).toBe(400);
    expect((await oneClick(base, token(), '{"List-Unsubscribe":"One-Click"}', 'application/json')).status).toBe(415);
    expect(suppressions()).toEqual([]);
  });

  it('refuses a body over 1 KB with 413 without reading it, and changes nothing', async () => {
    const { base, origin, suppressions } = await start();
    const declared = await oneClick(base, token(), `${ONE_CLICK}&pad=${'x'.repeat(2000)}`);
    expect(declared.status).toBe(413);
    expect(declared.headers.get('connection')).toBe('close');

    // Chunked, so no length is declared: refused as soon as it passes the limit.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(`${base}unsubscribe?t=${token()}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(`${ONE_CLICK}&pad=`);
      req.write('x'.repeat(600));
      req.write('x'.repeat(600));
      req.end();
    });
    expect(chunked).toBe(413);

    // A length far over the limit, and only a little of it sent: the answer does not wait for the rest.
    const path = new URL(`${base}unsubscribe?t=${token()}`);
    const answer = await raw(
      origin,
      `POST ${path.pathname}${path.search} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000000\r\n\r\n${ONE_CLICK}`,
      { end: false },
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(suppressions()).toEqual([]);
  });
});

describe('GET unsubscribe', () => {
  it('shows a confirm page whose button POSTs here, with the address masked, and does not unsubscribe', async () => {
    const { base, ledger } = await start();
    const res = await fetch(`${base}unsubscribe?t=${token()}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const html = await res.text();
    const $ = cheerio.load(html);
    expect($('h1').text()).toBe('Unsubscribe from The Test Tide?');
    const form = $('form');
    expect(form.attr('method')).toBe('post');
    // No action: the form posts to the page's own address, token and all.
    expect(form.attr('action')).toBeUndefined();
    expect(form.find('input[type=hidden]').attr('name')).toBe('confirm');
    expect(form.find('button[type=submit]').text()).toBe('Unsubscribe');
    expect($('main').text()).toContain('R•••e@example.org');
    expect(html.toLowerCase()).not.toContain('reader.one@');
    expect(ledger.isSuppressed(READER)).toBe(false);
    // HEAD too: a scanner's HEAD must not unsubscribe either.
    expect((await fetch(`${base}unsubscribe?t=${token()}`, { method: 'HEAD' })).status).toBe(200);
    expect(ledger.isSuppressed(READER)).toBe(false);
  });

  it('says so, without a button, when the address is already unsubscribed', async () => {
    const { base, ledger } = await start();
    ledger.suppress(READER, 'bounced', 'smtp');
    const $ = cheerio.load(await (await fetch(`${base}unsubscribe?t=${token()}`)).text());
    expect($('form')).toHaveLength(0);
    expect($('main').text()).toContain('was already unsubscribed');
  });

  it('answers 400 with a page for a bad or missing token', async () => {
    const { base } = await start();
    for (const query of ['?t=bogus', '', `?t=${token(READER, 'other.example.org')}`]) {
      const res = await fetch(`${base}unsubscribe${query}`);
      expect(res.status, query).toBe(400);
      const $ = cheerio.load(await res.text());
      expect($('h1').text()).toBe('This unsubscribe link does not work');
      expect($('a[href^="mailto:"]').attr('href')).toBe('mailto:tide@example.org');
    }
  });
});

describe('the archive, the feed and healthz', () => {
  it('serves the list of issues and each issue, cacheable for a few minutes', async () => {
    const { base } = await start();
    const list = await fetch(`${base}archive/`);
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('public, max-age=300');
    const $ = cheerio.load(await list.text());
    expect(
      $('a.subject')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['3/', '2/', '1/']);

    const issue = await fetch(new URL('2/', `${base}archive/`));
    expect(issue.status).toBe(200);
    const page = cheerio.load(await issue.text());
    expect(page('h2').text()).toBe('Lifeboat crew rescues two');
    expect(page('body > div').first().text()).toContain('No. 2, 7 December 2026');

    expect((await fetch(`${base}archive/9/`)).status).toBe(404);
  });

  it('serves the feed as RSS that an XML parser reads', async () => {
    const { base } = await start();
    const res = await fetch(`${base}feed.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser().parse(xml) as { rss: { channel: { title: string; item: { link: string }[] } } };
    expect(doc.rss.channel.title).toBe('The Test Tide');
    expect(doc.rss.channel.item.map((i) => i.link)).toEqual([
      'https://tide.example.org/newsletter/archive/3/',
      'https://tide.example.org/newsletter/archive/2/',
      'https://tide.example.org/newsletter/archive/1/',
    ]);
  });

  it('answers healthz with "ok", and 500 when the database cannot be read', async () => {
    const { base } = await start();
    const ok = await fetch(`${base}healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('ok\n');
    expect(ok.headers.get('cache-control')).toBe('no-store');

    const broken = await start({
      checkHealth: () => {
        throw new Error('SQLITE_CORRUPT: database disk image is malformed');
      },
    });
    const res = await fetch(`${broken.base}healthz`);
    expect(res.status).toBe(500);
    // The details go to the log, not to the public.
    expect(await res.text()).not.toContain('SQLITE');
    expect(broken.errors).toHaveLength(1);
  });

  it('sends the security headers on every page', async () => {
    const { base } = await start();
    for (const p of ['archive/', 'archive/1/', 'feed.xml', 'healthz', `unsubscribe?t=${token()}`, 'nowhere']) {
      const res = await fetch(`${base}${p}`);
      expect(res.headers.get('content-security-policy'), p).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src https: http:; form-action 'self'");
      expect(res.headers.get('x-content-type-options'), p).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), p).toBe('no-referrer');
      expect(res.headers.get('set-cookie'), p).toBeNull();
    }
  });
});

describe('routes', () => {
  it('answers 405 naming the allowed methods for a known path with the wrong method', async () => {
    const { base, suppressions } = await start();
    const cases: [string, string, string][] = [
      ['PUT', `unsubscribe?t=${token()}`, 'GET, HEAD, POST'],
      ['DELETE', `unsubscribe?t=${token()}`, 'GET, HEAD, POST'],
      ['POST', 'archive/', 'GET, HEAD'],
      ['POST', 'archive/1/', 'GET, HEAD'],
      ['PUT', 'feed.xml', 'GET, HEAD'],
      ['POST', 'healthz', 'GET, HEAD'],
    ];
    for (const [method, p, allow] of cases) {
      const res = await fetch(`${base}${p}`, { method, body: method === 'PUT' || method === 'POST' ? ONE_CLICK : undefined });
      expect(res.status, `${method} ${p}`).toBe(405);
      expect(res.headers.get('allow'), `${method} ${p}`).toBe(allow);
    }
    expect(suppressions()).toEqual([]);
  });

  it('answers 404 to everything else, and to the routes outside the public path', async () => {
    const { base, origin } = await start();
    expect(base).toBe(`${origin}/newsletter/`);
    for (const p of [
      '/newsletter/',
      '/newsletter/nope',
      '/newsletter/archive',
      '/newsletter/archive/0/',
      '/newsletter/archive/01/',
      '/newsletter/archive/abc/',
      '/newsletter/archive/1',
      '/newsletter/archive/1/index.html',
      '/newsletter/feed.xml/',
      '/newsletter/unsubscribe/',
      '/archive/',
      '/feed.xml',
      '/healthz',
      '/unsubscribe',
      '/newsletterarchive/',
      '//newsletter/archive/',
    ]) {
      const res = await fetch(`${origin}${p}`);
      expect(res.status, p).toBe(404);
    }
    const escaped = await raw(origin, 'GET /newsletter/../archive/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(escaped).toMatch(/^HTTP\/1\.1 404 /);
  });

  it('answers at / without a publicUrl (where the default unsubscribe link, <siteUrl>/unsubscribe, points)', async () => {
    const { base, origin } = await start({ config: testConfig() });
    expect(base).toBe(`${origin}/`);
    expect((await fetch(`${origin}/archive/`)).status).toBe(200);
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    expect((await fetch(`${origin}/unsubscribe?t=${token(READER, listIdOf(testConfig()))}`)).status).toBe(200);
  });

  it('closes a connection whose headers do not arrive in time', async () => {
    const { origin } = await start({ limits: { headersTimeoutMs: 200, requestTimeoutMs: 400 } });
    const started = Date.now();
    const answer = await raw(origin, 'GET /newsletter/archive/ HTTP/1.1\r\nHost: x\r\n', { end: false });
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
