import { nodeFileOps, type FileOps } from '../../src/files/ops.js';

export interface FaultyOps extends FileOps {
  /** Each call made, in order: "rename", "writeFile"… */
  calls: string[];
}

/**
 * The real file operations, with the calls numbered in `failing` (1-based)
 * failing with EIO instead, and `after` run after every call that succeeds:
 * to break any one step of a write, and to look at the disk between steps.
 */
export function faultyOps(failing: ReadonlySet<number> = new Set(), after?: () => Promise<void>): FaultyOps {
  const calls: string[] = [];
  async function step<R>(name: string, run: () => Promise<R>): Promise<R> {
    calls.push(name);
    if (failing.has(calls.length)) throw Object.assign(new Error(`injected failure of ${name}`), { code: 'EIO' });
    const result = await run();
    await after?.();
    return result;
  }
  return {
    calls,
    mkdir: (dir) => step('mkdir', () => nodeFileOps.mkdir(dir)),
    mkdtemp: (prefix) => step('mkdtemp', () => nodeFileOps.mkdtemp(prefix)),
    writeFile: (file, data) => step('writeFile', () => nodeFileOps.writeFile(file, data)),
    rename: (from, to) => step('rename', () => nodeFileOps.rename(from, to)),
    remove: (target) => step('remove', () => nodeFileOps.remove(target)),
  };
}
