import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GazetteError } from '../../src/index.js';
import { fetchPage, type FetchOptions } from '../../src/import/fetch.js';
import { isPrivateAddress } from '../../src/import/private-address.js';
import { startServer, type TestServer } from '../helpers/http.js';

const page = '<!doctype html><html><head><title>Quay</title></head><body><p>Story.</p></body></html>';
let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/story') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    } else if (path === '/moved') {
      res.writeHead(301, { location: '/story' }).end();
    } else if (path.startsWith('/loop')) {
      res.writeHead(302, { location: `/loop${path.length}` }).end();
    } else if (path === '/to-ftp') {
      res.writeHead(302, { location: 'ftp://127.0.0.1/file' }).end();
    } else if (path === '/gone') {
      res.writeHead(404, 'Not Found', { 'content-type': 'text/html' }).end('<p>nope</p>');
    } else if (path === '/broken') {
      res.writeHead(503, 'Service Unavailable').end();
    } else if (path === '/slow') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>Start of a story');
      // never ends: the client's time limit must cover the body too
    } else if (path === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = `<p>${'x'.repeat(64 * 1024)}</p>`;
      for (let i = 0; i < 100; i++) res.write(chunk);
      res.end();
    } else if (path === '/huge-declared') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
      res.write('<p>');
    } else if (path === '/pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7');
    } else if (path === '/utf16') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>Café “quoted”</p>', 'utf16le')]));
    } else if (path === '/cp1252') {
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' }).end(Buffer.from([...Buffer.from('<p>'), 0x93, ...Buffer.from('Quoted'), 0x94, 0x20, 0x80, ...Buffer.from('5</p>')]));
    } else if (path === '/png-as-html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    } else if (path === '/latin1') {
      res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' }).end(Buffer.from([...Buffer.from('<p>Caf'), 0xe9, ...Buffer.from('</p>')]));
    } else {
      res.writeHead(500).end();
    }
  });
});
afterAll(async () => server.close());

async function failure(promise: Promise<unknown>): Promise<GazetteError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GazetteError);
  const gazetteError = error as GazetteError;
  expect(gazetteError.code).toBe('IMPORT_FETCH');
  expect(gazetteError.exitCode).toBe(2);
  return gazetteError;
}

describe('fetchPage', () => {
  it('fetches an HTML page and names itself in the user agent', async () => {
    const result = await fetchPage(server.url('/story'));
    expect(result).toEqual({ url: server.url('/story'), html: page });
    expect(server.requests.at(-1)?.headers['user-agent']).toMatch(/^gazette\//);
  });

  it('follows a redirect and reports where it ended', async () => {
    expect((await fetchPage(server.url('/moved'))).url).toBe(server.url('/story'));
  });

  it('stops a redirect loop', async () => {
    const error = await failure(fetchPage(server.url('/loop'), { maxRedirects: 3 }));
    expect(error.message).toContain('more than 3 redirects');
    expect(error.file).toBe(server.url('/loop'));
  });

  it('refuses a redirect to another scheme', async () => {
    expect((await failure(fetchPage(server.url('/to-ftp')))).message).toContain('only http and https');
  });

  it('reports 404 and 5xx with the status', async () => {
    expect((await failure(fetchPage(server.url('/gone')))).message).toContain('404 Not Found');
    expect((await failure(fetchPage(server.url('/broken')))).message).toMatch(/503.*try again later/);
  });

  it('gives up on a page that never finishes', async () => {
    const error = await failure(fetchPage(server.url('/slow'), { timeoutMs: 300 }));
    expect(error.message).toContain('no complete answer within 0.3 s');
  });

  it('stops reading a page over the size limit', async () => {
    expect((await failure(fetchPage(server.url('/huge'), { maxBytes: 1024 * 1024 }))).message).toContain('larger than 1 MB');
    expect((await failure(fetchPage(server.url('/huge-declared')))).message).toContain('larger than 5 MB');
  });

  it('refuses what is not HTML', async () => {
    expect((await failure(fetchPage(server.url('/pdf')))).message).toContain('not an HTML page (content type application/pdf)');
  });

  it('refuses addresses that are not http(s)', async () => {
    await failure(fetchPage('file:///etc/passwd'));
    await failure(fetchPage('not a url'));
  });

  it('decodes the charset the page declares', async () => {
    expect((await fetchPage(server.url('/latin1'))).html).toBe('<p>Café</p>');
  });

  it('decodes by the byte-order mark over the declared charset, and Windows-1252 with its curly quotes', async () => {
    expect((await fetchPage(server.url('/utf16'))).html).toBe('<p>Café “quoted”</p>');
    expect((await fetchPage(server.url('/cp1252'))).html).toBe('<p>“Quoted” €5</p>');
  });

  it('refuses a body that is not text whatever its content type says, naming the address', async () => {
    const error = await fetchPage(server.url('/png-as-html')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'IMPORT_NOT_TEXT', exitCode: 2, file: server.url('/png-as-html') });
    expect((error as Error).message).toContain('it is a PNG image');
  });

  it('reports a refused connection', async () => {
    const closed = await startServer(() => undefined);
    const address = closed.url('/');
    await closed.close();
    expect((await failure(fetchPage(address))).message).toContain('cannot fetch it');
  });
});

describe('fetchPage: redirects into a private network', () => {
  // 127.0.0.3 plays a public news site (through the option a caller has for that), so that
  // redirects from it can be tried against the private addresses tests can reach.
  let site: TestServer;
  let intranet: TestServer;
  let intranetPort: string;
  const asPublic: FetchOptions = { isPrivateAddress: (a) => a !== '127.0.0.3' && isPrivateAddress(a) };
  const resolving = (name: string, address: string): FetchOptions['lookup'] => (hostname, options, callback) => {
    if (hostname !== name) throw new Error(`unexpected lookup of ${hostname}`);
    if (options.all) callback(null, [{ address, family: 4 }]);
    else callback(null, address, 4);
  };

  beforeAll(async () => {
    intranet = await startServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
    intranetPort = new URL(intranet.url('/')).port;
    site = await startServer((req, res) => {
      const to: Record<string, string> = {
        '/to-ip': `http://127.0.0.1:${intranetPort}/admin`,
        '/to-name': `http://intranet.example:${intranetPort}/admin`,
        '/to-localhost': `http://localhost:${intranetPort}/admin`,
        '/to-v6-loopback': 'http://[::1]:9/admin',
        '/to-mapped': `http://[::ffff:127.0.0.1]:${intranetPort}/admin`,
        '/to-metadata': 'http://169.254.169.254/latest/meta-data/',
        '/hop': '/to-ip',
        '/to-public': '/story',
      };
      const location = to[req.url ?? ''];
      if (location) res.writeHead(302, { location }).end();
      else res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    }, '127.0.0.3');
  });
  afterAll(async () => Promise.all([site.close(), intranet.close()]));

  it('refuses a redirect from a public address to a private one, naming the hop, and never connects to it', async () => {
    for (const path of ['/to-ip', '/to-localhost', '/to-v6-loopback', '/to-mapped', '/to-metadata', '/hop']) {
      const error = await failure(fetchPage(site.url(path), asPublic));
      expect(error.file).toBe(site.url(path));
      expect(error.message).toMatch(/redirects to http:\/\/\S+, a private address|redirects to http:\/\/\S+ \(\S+\), a private address/);
      expect(error.message).toContain('if you mean to import that page, give its address itself');
    }
    expect(intranet.requests).toHaveLength(0);
  });

  it('checks the address a host name resolves to, with the connection\'s own lookup', async () => {
    const error = await failure(fetchPage(site.url('/to-name'), { ...asPublic, lookup: resolving('intranet.example', '127.0.0.1') }));
    expect(error.message).toContain(`${site.url('/to-name')} redirects to http://intranet.example:${intranetPort}/admin (127.0.0.1), a private address`);
    expect(intranet.requests).toHaveLength(0);
  });

  it('follows a redirect from a public address to a public one', async () => {
    expect((await fetchPage(site.url('/to-public'), asPublic)).url).toBe(site.url('/story'));
  });

  it('follows redirects inside a private network, where the address given leads', async () => {
    expect((await fetchPage(site.url('/to-ip'))).url).toBe(`http://127.0.0.1:${intranetPort}/admin`);
    expect((await fetchPage(site.url('/to-name'), { lookup: resolving('intranet.example', '127.0.0.1') })).html).toBe(page);
  });
});
