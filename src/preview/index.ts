import type { AddressInfo } from 'node:net';
import { GazetteError } from '../errors.js';
import { createEventHub } from './events.js';
import { createRenderer, type PreviewInputs, type PreviewState } from './renderer.js';
import { createPreviewServer } from './server.js';
import { watchInputs } from './watch.js';

export type { PreviewInputs, PreviewState, RenderedState, FailedState } from './renderer.js';
export type { PreviewError, PreviewProblem } from './problems.js';
export type { PreviewStatus } from './server.js';
export { formatProblem } from './problems.js';

export interface PreviewOptions extends PreviewInputs {
  /** 127.0.0.1 unless set: the preview is for the person at this machine. */
  host?: string;
  /** 0 takes any free port; `url` says which. */
  port?: number;
  /** Quiet time that ends a burst of saves (ms). */
  debounceMs?: number;
  /** Told after every render that follows a change on disk, for the CLI to print. */
  onRebuild?: (event: RebuildEvent) => void;
}

export interface RebuildEvent {
  state: PreviewState;
  /** Whether what the preview serves changed (and open pages were told to reload). */
  changed: boolean;
  /** The files whose change caused it. */
  files: string[];
}

export interface Preview {
  /** http://host:port/ */
  url: string;
  /** The latest render. */
  readonly state: PreviewState;
  /** How many renders have run, the first included. */
  readonly rebuilds: number;
  /** Render again now (as a save would), and tell the pages if anything changed. */
  rebuild: () => Promise<boolean>;
  /** Stop watching, end the event streams and close the server. */
  close: () => Promise<void>;
}

/**
 * Start the preview: render once, watch the config file, the articles and
 * the templates, render again once per burst of saves and tell open pages
 * over /events. Everything is held in memory (only the latest render);
 * nothing is written to disk.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const renderer = createRenderer(options);
  const firstRender = renderer.rebuild();
  const hub = createEventHub();
  const host = options.host ?? '127.0.0.1';
  const server = createPreviewServer({ renderer, hub, cwd: options.cwd, ready: firstRender, host });
  // Listen first, so that a port in use is reported at once, not after a render.
  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  await firstRender;

  let closed = false;
  let announced = renderer.state.version;
  const rebuild = async (files: string[] = []): Promise<boolean> => {
    await renderer.rebuild();
    if (closed) return false;
    watcher.update(renderer.watched);
    // Bursts that arrive during one render share the next one: announce each version once.
    const changed = renderer.state.version !== announced;
    announced = renderer.state.version;
    if (changed) hub.broadcast(announced);
    options.onRebuild?.({ state: renderer.state, changed, files });
    return changed;
  };
  // The first render told us what to watch (the config names the folders).
  const watcher = watchInputs(renderer.watched, (files) => void rebuild(files), { debounceMs: options.debounceMs });
  await watcher.ready;
  // A save made while the first render ran and the watcher started would be missed: render once more (no reload if nothing changed).
  await rebuild();

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    get state() {
      return renderer.state;
    },
    get rebuilds() {
      return renderer.rebuilds;
    },
    rebuild: () => rebuild(),
    close() {
      closing ??= (async () => {
        closed = true;
        await watcher.close();
        // Let a render in progress finish, so nothing runs after close() resolves.
        await renderer.idle();
        hub.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}

function listen(server: ReturnType<typeof createPreviewServer>, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException): void => {
      server.off('listening', listening);
      if (error.code === 'EADDRINUSE') {
        reject(new GazetteError('USAGE', `port ${port} on ${host} is already in use`, { fix: 'pass another --port, or --port 0 to take any free one' }));
      } else if (error.code === 'EACCES') {
        reject(new GazetteError('USAGE', `not allowed to listen on port ${port}`, { fix: 'use a port above 1023, or --port 0' }));
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(new GazetteError('USAGE', `cannot listen on host ${host} (${error.code})`, { fix: 'use --host 127.0.0.1, or an address of this machine' }));
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
