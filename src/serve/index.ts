import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { publicBaseOf } from '../archive/urls.js';
import { GazetteError } from '../errors.js';
import { createServeServer, type ServeServerOptions } from './server.js';

export { createServeServer, DEFAULT_LIMITS, type ServeLimits, type ServeServerOptions } from './server.js';
export type { SuppressionList, UnsubscribeEvent, UnsubscribeVia } from './unsubscribe.js';
export { maskAddress } from './pages.js';

export interface ServeOptions extends ServeServerOptions {
  /** 127.0.0.1 unless set; behind a reverse proxy that is usually right. */
  host?: string;
  /** 0 takes any free port; `url` says which. */
  port?: number;
}

export interface Serving {
  /** Where this process listens, with the public path: http://127.0.0.1:8080/newsletter/ */
  url: string;
  /** Where the emails' links point (the config's publicUrl, or the site's address). */
  publicUrl: string;
  /** Stop taking connections, let the requests in progress finish (up to `graceMs`), then close. */
  close: (graceMs?: number) => Promise<void>;
}

/** Start the public side: see server.ts for what it answers. */
export async function startServe(options: ServeOptions): Promise<Serving> {
  const server = createServeServer(options);
  const host = options.host ?? '127.0.0.1';
  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  const base = publicBaseOf(options.config);
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}${base.pathname}`,
    publicUrl: base.href,
    close(graceMs = 5_000) {
      closing ??= new Promise<void>((resolve) => {
        // Idle kept-alive connections go now; one in the middle of an unsubscribe gets to finish it.
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException): void => {
      server.off('listening', listening);
      if (error.code === 'EADDRINUSE') {
        reject(new GazetteError('USAGE', `port ${port} on ${host} is already in use`, { fix: 'pass another --port, or --port 0 to take any free one' }));
      } else if (error.code === 'EACCES') {
        reject(
          new GazetteError('USAGE', `not allowed to listen on port ${port}`, { fix: 'use a port above 1023 (and a reverse proxy in front), or --port 0' }),
        );
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(
          new GazetteError('USAGE', `cannot listen on host ${host} (${error.code})`, { fix: 'use --host 127.0.0.1, 0.0.0.0, or an address of this machine' }),
        );
      } else {
        reject(error);
      }
    };
    const listening = (): void => {
      server.off('error', failed);
      resolve();
    };
    server.once('error', failed);
    server.once('listening', listening);
    server.listen(port, host);
  });
}
