import path from 'node:path';
import type { CommandModule } from 'yargs';
import { loadConfig } from '../config.js';
import { formatBytes, type Io } from '../io.js';

interface ArchiveArgs {
  out: string;
  state?: string;
  config?: string;
}

const DEFAULT_STATE = '.gazette/state.db';

export function archiveCommand(io: Io, done: (code: number) => void): CommandModule<object, ArchiveArgs> {
  return {
    command: 'archive',
    describe: 'Write the archive of past issues and its RSS feed as static files, the same pages `gazette serve` answers with',
    builder: (y) =>
      y
        .option('out', { type: 'string', demandOption: true, describe: 'Folder to write archive/ and feed.xml to' })
        .option('state', { type: 'string', describe: `The send ledger (SQLite) [default: ${DEFAULT_STATE}]` })
        .option('config', { type: 'string', describe: 'Config file [default: ./gazette.config.json or .yaml]' }) as never,
    handler: async (args) => {
      const { config } = await loadConfig(args.config, io.cwd);
      const [{ openPublicState }, { listIdOf }, { archiveFiles }, { writeArchive }, { archiveUrl }] = await Promise.all([
        import('../../serve/state.js'),
        import('../../send/message.js'),
        import('../../archive/site.js'),
        import('../../archive/write.js'),
        import('../../archive/urls.js'),
      ]);
      const state = openPublicState(path.resolve(io.cwd, args.state ?? DEFAULT_STATE), listIdOf(config));
      const files = (() => {
        try {
          return archiveFiles(config, state.archive);
        } finally {
          state.close();
        }
      })();
      const written = await writeArchive(path.resolve(io.cwd, args.out), files);
      const issues = files.length - 2;
      io.out(`Wrote the archive of ${config.name}: ${issues} issue${issues === 1 ? '' : 's'}, for ${archiveUrl(config)}`);
      const shown = written.map((file) => path.relative(io.cwd, file) || file);
      const width = Math.max(...shown.map((s) => s.length));
      files.forEach((file, i) => io.out(`  ${(shown[i] ?? '').padEnd(width)}  ${formatBytes(Buffer.byteLength(file.body)).padStart(8)}`));
      done(0);
    },
  };
}
