/**
 * A local SMTP sink for the send benchmark: smtp-server on 127.0.0.1 that
 * reads every message and answers 250, nothing kept. It runs as a process
 * of its own, so that its work is not counted against either sender. Prints
 * its port on the first line of stdout; exits on SIGTERM or when stdin ends.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

let accepted = 0;
const server = new SMTPServer({
  disableReverseLookup: true,
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  maxClients: 200,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      accepted++;
      callback(null, `OK ${accepted}`);
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.server.address() as AddressInfo).port}\n`);
});
const stop = (): void => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.stdin.on('end', stop).resume();
