import path from 'node:path';
import type { CommandModule } from 'yargs';
import { GazetteError } from '../../errors.js';
import type { PreviewState } from '../../preview/index.js';
import { loadConfig } from '../config.js';
import { issueDate, issueOptions } from '../options.js';
import { formatBytes, type Io } from '../io.js';

interface PreviewArgs {
  port: number;
  host: string;
  articles?: string;
  date?: string;
  config?: string;
  templates?: string;
}

export function previewCommand(io: Io, done: (code: number) => void): CommandModule<object, PreviewArgs> {
  return {
    command: 'preview',
    describe: 'Serve the digest at http://127.0.0.1:PORT/, rebuilt and reloaded on every save',
    builder: (y) =>
      y
        .option('port', { type: 'number', default: 4300, describe: 'Port to listen on; 0 takes any free one' })
        .option('host', { type: 'string', default: '127.0.0.1', describe: 'Address to listen on' })
        .options(issueOptions) as never,
    handler: async (args) => {
      if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
        throw new GazetteError('USAGE', `--port is ${String(args.port)}`, { fix: 'use a port number from 1 to 65535, or 0 for any free port' });
      }
      if (args.date !== undefined) issueDate(args.date);
      // The config must be readable to start, as it names the folders to watch; after that, a broken edit shows in the page.
      const { file } = await loadConfig(args.config, io.cwd);
      // The pipeline (MJML above all) and chokidar load here, so --help stays instant.
      const { startPreview, formatProblem } = await import('../../preview/index.js');
      const time = (): string => new Date().toLocaleTimeString('en-GB');
      const report = (state: PreviewState): void => {
        if (state.ok) {
          io.out(`${time()} rendered in ${Math.round(state.renderMs)} ms, HTML ${formatBytes(Buffer.byteLength(state.html))}: "${state.digest.subject}"`);
        } else {
          io.err(`${time()} the email cannot be rendered:`);
          for (const problem of state.error.problems) io.err(`  ${formatProblem(problem)}`);
        }
      };
      const preview = await startPreview({
        cwd: io.cwd,
        configFile: path.resolve(io.cwd, file),
        articlesDir: args.articles,
        templatesDir: args.templates,
        date: args.date,
        host: args.host,
        port: args.port,
        onRebuild: ({ state, changed }) => {
          if (changed) report(state);
        },
      });
      report(preview.state);
      io.out(`Preview at ${preview.url} (Ctrl-C to stop)`);
      const signal = await new Promise<NodeJS.Signals>((resolve) => {
        const stop = (s: NodeJS.Signals): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve(s);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await preview.close();
      io.out(`Preview stopped (${signal}).`);
      done(0);
    },
  };
}
