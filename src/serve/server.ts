import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { archiveFeed } from '../archive/feed.js';
import { archiveIndexPage, archiveIssuePage } from '../archive/pages.js';
import type { ArchiveSource } from '../archive/types.js';
import { publicPrefixOf } from '../archive/urls.js';
import type { Config } from '../config/schema.js';
import { listIdOf } from '../send/message.js';
import { readBody } from './body.js';
import { problemPage } from './pages.js';
import {
  postedVia,
  unsubscribeGet,
  unsubscribePost,
  type PageReply,
  type SuppressionList,
  type UnsubscribeContext,
  type UnsubscribeEvent,
} from './unsubscribe.js';

const HTML = 'text/html; charset=utf-8';
const TEXT = 'text/plain; charset=utf-8';
const RSS = 'application/rss+xml; charset=utf-8';

/** Every page: nothing runs, nothing loads but images, forms post only here, no referrer leaks a token. */
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src https: http:; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;

/** Unsubscribe answers are about one person: never kept by a cache. The archive changes once a week: a few minutes is fine. */
const NO_STORE = 'no-store';
const PUBLIC = 'public, max-age=300';

export interface ServeLimits {
  /** Request bodies above this many bytes are refused with 413 (a one-click POST is 26 bytes). */
  bodyBytes: number;
  /** Time to receive a request's headers. */
  headersTimeoutMs: number;
  /** Time to receive a whole request. */
  requestTimeoutMs: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
}

export const DEFAULT_LIMITS: ServeLimits = { bodyBytes: 1024, headersTimeoutMs: 10_000, requestTimeoutMs: 15_000, keepAliveTimeoutMs: 5_000 };

export interface ServeServerOptions {
  config: Config;
  /** GAZETTE_UNSUBSCRIBE_SECRET: the one the unsubscribe links were signed with. */
  secret: string;
  archive: ArchiveSource;
  suppressions: SuppressionList;
  /** Throws when the state database cannot be read (for /healthz). */
  checkHealth: () => void;
  limits?: Partial<ServeLimits>;
  onUnsubscribe?: (event: UnsubscribeEvent) => void;
  /** A request that failed with a 500. */
  onError?: (error: unknown, request: { method: string; path: string }) => void;
}

interface Reply {
  status: number;
  type: string;
  body: string;
  cache: string;
  headers?: Record<string, string>;
}

interface Incoming {
  req: IncomingMessage;
  url: URL;
  /** The path after the prefix: "archive/3/". */
  route: string;
}

type Handler = (request: Incoming) => Reply | Promise<Reply>;

/**
 * The public side's HTTP server. Under the public address's path (the
 * prefix, e.g. /newsletter/) it answers:
 *
 *   unsubscribe?t=TOKEN   GET the confirm page; POST unsubscribes (RFC 8058 one-click, or the page's button)
 *   archive/              the list of issues
 *   archive/<n>/          one issue, as emailed to nobody in particular
 *   feed.xml              RSS 2.0 of the issues
 *   healthz               "ok" when the state database can be read
 *
 * and 404 to anything else (405 to a known path with the wrong method). It
 * writes only to the suppression list.
 */
export function createServeServer(options: ServeServerOptions): Server {
  const limits: ServeLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const { config } = options;
  const prefix = publicPrefixOf(config);
  const archiveHref = `${prefix}archive/`;
  const unsubscribe: UnsubscribeContext = {
    config,
    secret: options.secret,
    listId: listIdOf(config),
    suppressions: options.suppressions,
    onUnsubscribe: options.onUnsubscribe,
  };
  const page = (status: number, body: string, cache = NO_STORE): Reply => ({ status, type: HTML, body, cache });
  const pageOf = (reply: PageReply): Reply => page(reply.status, reply.body);
  const problem = (status: number, heading: string, detail: string): Reply => page(status, problemPage(config, heading, detail, archiveHref));

  const routes: { match: (route: string) => boolean; methods: Record<string, Handler> }[] = [
    {
      match: (r) => r === 'unsubscribe',
      methods: {
        GET: ({ url }) => frameless(pageOf(unsubscribeGet(unsubscribe, url.searchParams.get('t')))),
        POST: async ({ req, url }) => {
          const read = await readBody(req, limits.bodyBytes);
          if (!read.ok) {
            if (read.reason === 'aborted') return problem(400, 'Incomplete request', 'The request ended before its body did.');
            // Drain without keeping it, and close the connection once answered, so the client reads the 413.
            req.resume();
            const reply = problem(413, 'Request too large', `An unsubscribe request is a few bytes; this one is over ${limits.bodyBytes}.`);
            return { ...reply, headers: { connection: 'close' } };
          }
          const via = await postedVia(read.body, req.headers['content-type']);
          return frameless(pageOf(unsubscribePost(unsubscribe, url.searchParams.get('t'), via)));
        },
      },
    },
    {
      match: (r) => r === 'archive/',
      methods: { GET: () => page(200, archiveIndexPage(config, options.archive.issues()), PUBLIC) },
    },
    {
      match: (r) => ISSUE_ROUTE.test(r),
      methods: {
        GET: ({ route }) => {
          const issue = options.archive.issue(Number(ISSUE_ROUTE.exec(route)?.[1]));
          if (!issue) return problem(404, 'No such issue', `There is no issue ${route.slice('archive/'.length, -1)} (yet).`);
          return page(200, archiveIssuePage(config, issue), PUBLIC);
        },
      },
    },
    {
      match: (r) => r === 'feed.xml',
      methods: { GET: () => ({ status: 200, type: RSS, body: archiveFeed(config, options.archive.issues()), cache: PUBLIC }) },
    },
    {
      match: (r) => r === 'healthz',
      methods: {
        GET: () => {
          options.checkHealth();
          return { status: 200, type: TEXT, body: 'ok\n', cache: NO_STORE };
        },
      },
    },
  ];

  const handle = async (req: IncomingMessage): Promise<Reply> => {
    const url = requestUrl(req.url);
    if (!url || !url.pathname.startsWith(prefix)) return problem(404, 'Not found', 'There is no page at this address.');
    const route = url.pathname.slice(prefix.length);
    const found = routes.find((r) => r.match(route));
    if (!found) return problem(404, 'Not found', 'There is no page at this address.');
    const method = req.method === 'HEAD' && found.methods.GET ? 'GET' : (req.method ?? '');
    const handler = found.methods[method];
    if (!handler) {
      const allowed = Object.keys(found.methods).flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m]));
      return { ...problem(405, 'Method not allowed', `This address answers ${allowed.join(', ')}.`), headers: { allow: allowed.join(', ') } };
    }
    return handler({ req, url, route });
  };

  const server = createServer(
    {
      maxHeaderSize: 8 * 1024,
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      // How often those two are enforced (Node's default, 30 s, would let a slow client hold a connection that long).
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs / 2),
    },
    (req, res) => {
      handle(req).then(
        (reply) => send(res, reply),
        (error: unknown) => {
          options.onError?.(error, { method: req.method ?? '', path: requestUrl(req.url)?.pathname ?? '' });
          // A failing request must cost that request, not the server; the details go to the log, not to the public.
          if (res.headersSent) res.destroy();
          else send(res, problem(500, 'Something went wrong', 'The server could not answer this time. Please try again later.'));
        },
      );
    },
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  return server;
}

const ISSUE_ROUTE = /^archive\/([1-9]\d{0,8})\/$/;

/** The unsubscribe pages are never framed by another site (a button someone else could trick a click onto). */
function frameless(reply: Reply): Reply {
  return { ...reply, headers: { ...reply.headers, 'x-frame-options': 'DENY' } };
}

/** The request target as a URL; only its path and query matter (the Host header is not checked: serve is public). */
function requestUrl(target: string | undefined): URL | undefined {
  try {
    // Origin-form ("/a?b") is appended to a fixed origin, so that "//host/x" stays a path and not a host.
    return target?.startsWith('/') ? new URL(`http://serve.invalid${target}`) : new URL(target ?? '');
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, { status, type, body, cache, headers }: Reply): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': cache,
    ...headers,
  });
  // Node leaves the body out of a HEAD response by itself.
  res.end(body);
}
