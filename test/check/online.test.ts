import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOnline } from '../../src/check/online.js';
import { startServer, type TestServer } from '../helpers/http.js';

let server: TestServer;
let inFlight = 0;
let maxInFlight = 0;

beforeAll(async () => {
  server = await startServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/slow')) return; // never answers
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      if (url === '/missing') res.writeHead(404).end('gone');
      else if (url === '/broken') res.writeHead(500).end('oops');
      else if (url === '/picture.png') res.writeHead(200, { 'content-type': 'image/png' }).end(req.method === 'HEAD' ? undefined : 'png');
      else if (url === '/page-not-picture') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>hi</p>');
      else if (url === '/no-head') res.writeHead(req.method === 'HEAD' ? 405 : 200, { 'content-type': 'text/html' }).end();
      else if (url === '/moved') res.writeHead(301, { location: '/ok' }).end();
      else if (url === '/moved-away') res.writeHead(302, { location: '/missing' }).end();
      else if (url.startsWith('/loop')) res.writeHead(302, { location: `/loop${url.length}` }).end();
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<p>ok</p>');
    }, 20);
  });
});
afterAll(async () => server.close());

const html = (links: string[], images: string[] = []): string =>
  `<html><body>${links.map((l) => `<a href="${l}">x</a>`).join('')}${images.map((i) => `<img alt="x" src="${i}">`).join('')}<a href="mailto:a@example.org">m</a></body></html>`;

describe('checkOnline', () => {
  it('accepts links and images that answer, after redirects and a GET where HEAD is refused', async () => {
    const findings = await checkOnline(html([server.url('/ok'), server.url('/moved'), server.url('/no-head')], [server.url('/picture.png')]));
    expect(findings).toEqual([]);
    const noHead = server.requests.filter((r) => r.url === '/no-head').map((r) => r.method);
    expect(noHead).toEqual(['HEAD', 'GET']);
  });

  it('is an error for a 404 or a 500, naming the URL, and for a redirect to one', async () => {
    const findings = await checkOnline(html([server.url('/missing'), server.url('/broken'), server.url('/moved-away'), server.url('/ok')]));
    expect(findings).toEqual([
      expect.objectContaining({ level: 'error', rule: 'online', message: 'link answered 404 Not Found', where: server.url('/missing') }),
      expect.objectContaining({ level: 'error', message: 'link answered 500 Internal Server Error', where: server.url('/broken') }),
      expect.objectContaining({ level: 'error', message: `link answered 404 Not Found (at ${server.url('/missing')})`, where: server.url('/moved-away') }),
    ]);
  });

  it('checks each address once, however often it is linked', async () => {
    const before = server.requests.filter((r) => r.url === '/ok?once').length;
    await checkOnline(html([server.url('/ok?once'), server.url('/ok?once'), server.url('/ok?once')]));
    expect(server.requests.filter((r) => r.url === '/ok?once').length - before).toBe(1);
  });

  it('warns about an image address that answers with something else', async () => {
    expect(await checkOnline(html([], [server.url('/page-not-picture')]))).toEqual([
      expect.objectContaining({ level: 'warning', message: 'image answered with content type text/html, not an image', where: server.url('/page-not-picture') }),
    ]);
  });

  it('gives up after 5 redirects, and on a server that does not answer in time', async () => {
    const findings = await checkOnline(html([server.url('/loop'), server.url('/slow')]), { timeoutMs: 300 });
    expect(findings.map((f) => f.message)).toEqual(['link more than 5 redirects (a redirect loop?)', 'link no answer within 0.3 s']);
  });

  it('is an error when the connection is refused', async () => {
    const closed = await startServer(() => undefined);
    const url = closed.url('/');
    await closed.close();
    expect(await checkOnline(html([url]))).toEqual([expect.objectContaining({ level: 'error', message: 'link connection refused', where: url })]);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    maxInFlight = 0;
    const links = Array.from({ length: 12 }, (_, i) => server.url(`/ok?n=${i}`));
    expect(await checkOnline(html(links), { concurrency: 3 })).toEqual([]);
    expect(maxInFlight).toBe(3);
  });
});
