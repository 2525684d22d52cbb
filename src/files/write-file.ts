import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { nodeFileOps, type FileOps } from './ops.js';
import { writeFailed, type OutputNames } from './write-failed.js';

/**
 * Write one file so that it appears whole or not at all: to a temporary name
 * beside it, then renamed over it (rename is atomic within a folder). On
 * failure the temporary file goes and the file that was there stays.
 */
export async function writeFileAtomically(file: string, data: string | Uint8Array, names: OutputNames, ops: FileOps = nodeFileOps): Promise<void> {
  // The pid and a random part keep two writers of the same file off each other's temporary file.
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await ops.mkdir(path.dirname(file));
    await ops.writeFile(temp, data);
    await ops.rename(temp, file);
  } catch (cause) {
    await ops.remove(temp).catch(() => undefined);
    throw writeFailed(file, names, cause);
  }
}
