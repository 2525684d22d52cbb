import path from 'node:path';
import type { CommandModule } from 'yargs';
import { GazetteError } from '../../errors.js';
import { loadConfig } from '../config.js';
import type { Io } from '../io.js';

interface ServeArgs {
  port: number;
  host: string;
  state?: string;
  config?: string;
}

const DEFAULT_STATE = '.gazette/state.db';

export function serveCommand(io: Io, done: (code: number) => void): CommandModule<object, ServeArgs> {
  return {
    command: 'serve',
    describe: "Serve one-click unsubscribe, the archive of past issues and its RSS feed, under the config's publicUrl",
    builder: (y) =>
      y
        .option('port', { type: 'number', default: 4301, describe: 'Port to listen on; 0 takes any free one' })
        .option('host', { type: 'string', default: '127.0.0.1', describe: 'Address to listen on (0.0.0.0 for every interface)' })
        .option('state', { type: 'string', describe: `The send ledger (SQLite) [default: ${DEFAULT_STATE}]` })
        .option('config', { type: 'string', describe: 'Config file [default: ./gazette.config.json or .yaml]' }) as never,
    handler: async (args) => {
      if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
        throw new GazetteError('USAGE', `--port is ${String(args.port)}`, { fix: 'use a port number from 1 to 65535, or 0 for any free port' });
      }
      const secret = process.env.GAZETTE_UNSUBSCRIBE_SECRET || undefined;
      if (!secret) {
        throw new GazetteError('SECRET_MISSING', 'GAZETTE_UNSUBSCRIBE_SECRET is not set', {
          fix: 'set it to the secret `gazette send` signs the unsubscribe links with: without it no link can be checked',
        });
      }
      const { config } = await loadConfig(args.config, io.cwd);
      const [{ startServe }, { openPublicState }, { listIdOf }] = await Promise.all([
        import('../../serve/index.js'),
        import('../../serve/state.js'),
        import('../../send/message.js'),
      ]);
      const state = openPublicState(path.resolve(io.cwd, args.state ?? DEFAULT_STATE), listIdOf(config));
      try {
        const time = (): string => new Date().toISOString();
        const serving = await startServe({
          config,
          secret,
          archive: state.archive,
          suppressions: state.suppressions,
          checkHealth: state.checkHealth,
          host: args.host,
          port: args.port,
          onUnsubscribe: ({ masked, via, added }) => io.out(`${time()} unsubscribe ${masked} (${via}${added ? '' : ', already'})`),
          onError: (error, { method, path: where }) =>
            io.err(`${time()} ${method} ${where} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
        });
        io.out(`Serving ${config.name} at ${serving.url} for ${serving.publicUrl} (Ctrl-C to stop)`);
        io.out(`  ${serving.url}archive/  ${serving.url}feed.xml  ${serving.url}unsubscribe  ${serving.url}healthz`);
        const signal = await new Promise<NodeJS.Signals>((resolve) => {
          const stop = (s: NodeJS.Signals): void => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            resolve(s);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
        await serving.close();
        io.out(`Stopped (${signal}).`);
      } finally {
        state.close();
      }
      done(0);
    },
  };
}
