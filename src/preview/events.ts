import type { IncomingMessage, ServerResponse } from 'node:http';

export interface EventHub {
  /** Answer a request to /events: the current version at once, then every new one. */
  attach: (req: IncomingMessage, res: ServerResponse, version: string) => void;
  /** Tell every open page that there is a new version. */
  broadcast: (version: string) => void;
  /** How many pages are listening. */
  readonly clients: number;
  /** End every stream (the server is stopping). */
  close: () => void;
}

/**
 * Server-Sent Events for live reload. Each message is a `version` event
 * whose data is the version id; the page compares it with the one it shows,
 * so a page that reconnects after a restart catches up by itself. A comment
 * line every `heartbeatMs` keeps proxies and idle timeouts from closing the
 * stream; the timer runs only while someone listens.
 */
export function createEventHub({ heartbeatMs = 15_000 }: { heartbeatMs?: number } = {}): EventHub {
  const clients = new Set<ServerResponse>();
  let heartbeat: NodeJS.Timeout | undefined;

  const drop = (res: ServerResponse): void => {
    clients.delete(res);
    if (clients.size === 0) {
      clearInterval(heartbeat);
      heartbeat = undefined;
    }
  };

  return {
    attach(req, res, version) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-content-type-options': 'nosniff',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      // Reconnect quickly after a restart of the preview.
      res.write(`retry: 1000\n\n${versionEvent(version)}`);
      clients.add(res);
      heartbeat ??= setInterval(() => {
        for (const client of clients) client.write(': heartbeat\n\n');
      }, heartbeatMs);
      res.on('close', () => drop(res));
    },
    broadcast(version) {
      const message = versionEvent(version);
      for (const client of clients) client.write(message);
    },
    get clients() {
      return clients.size;
    },
    close() {
      for (const client of [...clients]) {
        client.end();
        drop(client);
      }
    },
  };
}

function versionEvent(version: string): string {
  return `event: version\nid: ${version}\ndata: ${version}\n\n`;
}
