import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Finding } from '../check/index.js';
import { emulateDarkMode } from './dark.js';
import { errorPage } from './error-page.js';
import type { EventHub } from './events.js';
import { previewPage } from './page.js';
import { displayPath, formatProblem, type PreviewError } from './problems.js';
import type { PreviewState, Renderer } from './renderer.js';

const HTML = 'text/html; charset=utf-8';
const TEXT = 'text/plain; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

interface Reply {
  status: number;
  type: string;
  body: string;
}

interface RouteContext {
  state: PreviewState;
  query: URLSearchParams;
  /** Paths in messages are shown relative to it. */
  cwd: string;
}

type Route = (context: RouteContext) => Reply;

/**
 * The routes, all computed from the latest render in memory:
 *
 *   /             the preview page
 *   /email.html   the email as build writes it (500 and the problems while it cannot be rendered);
 *                 ?dark=1 adds the dark-mode emulation
 *   /email.txt    the text part
 *   /digest.json  the digest
 *   /status.json  what the page's panels show: subject, preheader, version, error, check findings
 *   /events       Server-Sent Events: the version, at once and on every change
 */
const ROUTES: Record<string, Route> = {
  '/': () => ({ status: 200, type: HTML, body: previewPage() }),
  '/email.html': ({ state, query }) => {
    if (!state.ok) return { status: 500, type: HTML, body: errorPage(state.error) };
    return { status: 200, type: HTML, body: query.get('dark') === '1' ? emulateDarkMode(state.html) : state.html };
  },
  '/email.txt': ({ state }) =>
    state.ok ? { status: 200, type: TEXT, body: state.text } : { status: 500, type: TEXT, body: `${state.error.problems.map(formatProblem).join('\n')}\n` },
  '/digest.json': ({ state }) =>
    state.ok ? { status: 200, type: JSON_TYPE, body: state.digestJson } : { status: 500, type: JSON_TYPE, body: `${JSON.stringify({ error: state.error }, null, 2)}\n` },
  '/status.json': ({ state, cwd }) => ({ status: 200, type: JSON_TYPE, body: `${JSON.stringify(statusOf(state, cwd), null, 2)}\n` }),
};

/** What /status.json says about the latest render. */
export interface PreviewStatus {
  version: string;
  ok: boolean;
  builtAt: string;
  renderMs: number;
  /** The sender's name as an inbox shows it. */
  from: string | null;
  subject: string | null;
  preheader: string | null;
  /** The issue date, YYYY-MM-DD. */
  date: string | null;
  articles: number | null;
  htmlBytes: number | null;
  error: PreviewError | null;
  warnings: { code: string; message: string; file?: string; line?: number }[];
  check: { errors: number; warnings: number; findings: Finding[] } | null;
}

export function statusOf(state: PreviewState, cwd: string): PreviewStatus {
  const from = state.config ? (state.config.from.name ?? state.config.name) : null;
  const base = { version: state.version, ok: state.ok, builtAt: state.builtAt.toISOString(), renderMs: Math.round(state.renderMs * 10) / 10, from };
  if (!state.ok) {
    return { ...base, subject: null, preheader: null, date: null, articles: null, htmlBytes: null, error: state.error, warnings: [], check: null };
  }
  const report = state.check();
  return {
    ...base,
    subject: state.digest.subject,
    preheader: state.digest.preheader,
    date: state.digest.date,
    articles: state.digest.articles.length,
    htmlBytes: Buffer.byteLength(state.html),
    error: null,
    warnings: state.warnings.map((w) => (w.file === undefined ? w : { ...w, file: displayPath(w.file, cwd) })),
    check: { errors: report.errors, warnings: report.warnings, findings: report.findings },
  };
}

export interface PreviewServerOptions {
  renderer: Renderer;
  hub: EventHub;
  /** Paths in messages are shown relative to it. */
  cwd: string;
  /** The first render: requests wait for it. */
  ready: Promise<unknown>;
  /** The address the server listens on. */
  host: string;
}

/**
 * The preview's HTTP server: GET and HEAD only, nothing cached, everything
 * else 404. Requests wait for the first render, so a page left open from an
 * earlier run can reconnect as soon as the port is open.
 */
export function createPreviewServer(options: PreviewServerOptions): Server {
  return createServer((req, res) => {
    const answer = (): void => {
      try {
        handle(req, res, options);
      } catch (error) {
        // A bug in a route must cost one request, not the preview.
        if (!res.headersSent) reply(res, { status: 500, type: TEXT, body: `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n` });
        else res.destroy();
      }
    };
    options.ready.then(answer, answer);
  });
}

function handle(req: IncomingMessage, res: ServerResponse, { renderer, hub, cwd, host }: PreviewServerOptions): void {
  if (!hostAllowed(req.headers.host, host)) {
    // DNS rebinding: a web page must not be able to read unpublished articles through a name that points here.
    reply(res, { status: 403, type: TEXT, body: `the preview answers to http://127.0.0.1 or http://localhost only, not ${req.headers.host ?? 'a request without a Host header'}\n` });
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    reply(res, { status: 405, type: TEXT, body: `${req.method ?? 'this method'} is not allowed: the preview only serves GET and HEAD\n` });
    return;
  }
  const url = new URL(req.url ?? '/', 'http://preview.invalid');
  if (url.pathname === '/events') {
    hub.attach(req, res, renderer.state.version);
    return;
  }
  const route = ROUTES[url.pathname];
  if (!route) {
    reply(res, { status: 404, type: TEXT, body: `not found: ${url.pathname}; the preview serves ${[...Object.keys(ROUTES), '/events'].join(' ')}\n` });
    return;
  }
  reply(res, route({ state: renderer.state, query: url.searchParams, cwd }));
}

/** On a loopback address, only loopback names; listening wider (--host 0.0.0.0), any name may reach it. */
function hostAllowed(header: string | undefined, bound: string): boolean {
  if (!isLoopback(bound)) return true;
  if (header === undefined) return false;
  const name = header.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return isLoopback(name) || name.endsWith('.localhost');
}

function isLoopback(name: string): boolean {
  return name === 'localhost' || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name);
}

function reply(res: ServerResponse, { status, type, body }: Reply): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  // Node leaves the body out of a HEAD response by itself.
  res.end(body);
}
