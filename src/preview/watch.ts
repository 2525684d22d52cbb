import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

export interface WatchOptions {
  /** Quiet time after the last event before the burst counts as over. */
  debounceMs?: number;
  /** A burst that never goes quiet (a build tool writing non-stop) still fires this often. */
  maxWaitMs?: number;
}

export interface InputWatcher {
  /** Resolves once the initial scan is done; changes before that may be missed. */
  ready: Promise<void>;
  /** Watch these paths instead (the config may name other folders after an edit). */
  update: (paths: readonly string[]) => void;
  close: () => Promise<void>;
}

/**
 * Files editors leave beside the one they save, which never change the
 * email: dotfiles (vim's .x.md.swp, emacs's .#x.md), backups (x.md~),
 * emacs autosaves (#x.md#), vim's write probe (4913) and temporary files of
 * atomic writers (x.md.tmp, x.md.tmp.123).
 */
const EDITOR_LEFTOVERS = /^\.|~$|^#.*#$|^4913$|\.te?mp(?:\.\d+)?$|\.sw[a-p]$/i;

/**
 * Watch files and folders, and call `onBurst` once per burst of changes.
 * Saves by rename (atomic writes) show up as `add`/`unlink`, so every kind of
 * event counts, not only `change`.
 */
export function watchInputs(paths: readonly string[], onBurst: (files: string[]) => void, options: WatchOptions = {}): InputWatcher {
  const { debounceMs = 40, maxWaitMs = 300 } = options;
  let roots = new Set(paths.map((p) => path.resolve(p)));
  const watcher: FSWatcher = watch([...roots], {
    ignoreInitial: true,
    depth: 1,
    ignored: (file) => !roots.has(path.resolve(file)) && EDITOR_LEFTOVERS.test(path.basename(file)),
  });

  let closed = false;
  let changed = new Set<string>();
  let quiet: NodeJS.Timeout | undefined;
  let deadline: NodeJS.Timeout | undefined;
  const fire = (): void => {
    if (closed) return;
    clearTimeout(quiet);
    clearTimeout(deadline);
    quiet = deadline = undefined;
    const files = [...changed];
    changed = new Set();
    if (files.length > 0) onBurst(files);
  };
  const note = (file: string): void => {
    if (closed) return;
    changed.add(file);
    clearTimeout(quiet);
    quiet = setTimeout(fire, debounceMs);
    deadline ??= setTimeout(fire, maxWaitMs);
  };
  watcher.on('all', (_event, file) => note(file));
  // chokidar drops a second `change` of a file within 50 ms of the first, with
  // no event after (paulmillr/chokidar#1455): a save, then a formatter's save,
  // would leave the preview one save behind. Its raw events are not throttled.
  watcher.on('raw', (_event, name, details) => {
    const watchedPath = (details as { watchedPath?: unknown } | undefined)?.watchedPath;
    if (typeof name !== 'string' || name === '' || typeof watchedPath !== 'string' || EDITOR_LEFTOVERS.test(path.basename(name))) return;
    note(path.basename(watchedPath) === name ? watchedPath : path.join(watchedPath, name));
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  // A watch error (a folder deleted under us, too many files) must not kill the preview; the next render reports what is missing.
  watcher.on('error', () => undefined);

  return {
    ready,
    update(next) {
      if (closed) return;
      const resolved = new Set(next.map((p) => path.resolve(p)));
      const gone = [...roots].filter((p) => !resolved.has(p));
      const added = [...resolved].filter((p) => !roots.has(p));
      roots = resolved;
      if (gone.length > 0) watcher.unwatch(gone);
      if (added.length > 0) watcher.add(added);
    },
    async close() {
      closed = true;
      clearTimeout(quiet);
      clearTimeout(deadline);
      changed.clear();
      await watcher.close();
    },
  };
}
