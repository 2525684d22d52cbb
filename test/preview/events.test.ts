import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventHub, type EventHub } from '../../src/preview/events.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

/** A server that hands every request to the hub, and a client that reads what arrives. */
async function serve(hub: EventHub): Promise<{ open: () => Promise<{ res: IncomingMessage; received: () => string }> }> {
  server = createServer((req, res) => hub.attach(req, res, 'v1'));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    open: () =>
      new Promise((resolve) => {
        get(`http://127.0.0.1:${port}/events`, (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
          resolve({ res, received: () => text });
        });
      }),
  };
}

describe('createEventHub', () => {
  it('sends the version at once and on broadcast, heartbeats while someone listens, and forgets closed clients', async () => {
    const hub = createEventHub({ heartbeatMs: 20 });
    const { open } = await serve(hub);
    const client = await open();
    expect(client.res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    await expect.poll(() => client.received()).toContain('event: version\nid: v1\ndata: v1\n\n');
    expect(hub.clients).toBe(1);

    hub.broadcast('v2');
    await expect.poll(() => client.received()).toContain('event: version\nid: v2\ndata: v2\n\n');
    await expect.poll(() => client.received()).toContain(': heartbeat\n\n');

    client.res.destroy();
    await expect.poll(() => hub.clients).toBe(0);
  });

  it('ends every stream on close', async () => {
    const hub = createEventHub();
    const { open } = await serve(hub);
    const clients = [await open(), await open()];
    await expect.poll(() => hub.clients).toBe(2);
    const ended = clients.map(({ res }) => new Promise((resolve) => res.on('end', resolve)));
    hub.close();
    await Promise.all(ended);
    expect(hub.clients).toBe(0);
  });
});
