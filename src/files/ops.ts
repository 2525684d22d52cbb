import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';

/**
 * The file system calls that change what is on disk while gazette writes its
 * output. Tests pass their own to fail any one step and to look at the
 * target between steps; everything else reads the disk directly.
 */
export interface FileOps {
  mkdir(dir: string): Promise<void>;
  /** A new empty folder whose name starts with `prefix`; returns its path. */
  mkdtemp(prefix: string): Promise<string>;
  writeFile(file: string, data: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Removes a file or a folder and everything in it; nothing there is fine. */
  remove(target: string): Promise<void>;
}

export const nodeFileOps: FileOps = {
  mkdir: async (dir) => {
    await mkdir(dir, { recursive: true });
  },
  mkdtemp: (prefix) => mkdtemp(prefix),
  // wx: a staging name is never anyone else's file, and must not become one by accident.
  writeFile: (file, data) => writeFile(file, data, { flag: 'wx' }),
  rename: (from, to) => rename(from, to),
  remove: (target) => rm(target, { recursive: true, force: true }),
};
