import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import type { ErrorCode } from '../../src/errors.js';

/** Root reads every file whatever its mode, so a permission test only means something as another user. */
export const runsAsRoot = process.getuid?.() === 0;

export interface SpecialFiles {
  /** File name → the error code loading it must give. */
  expected: Record<string, ErrorCode>;
  /** A symbolic link to an ordinary article, which must load like one. */
  goodLink: string;
  close: () => Promise<void>;
}

/**
 * Everything in an articles folder with a `.md` name that is not an ordinary
 * file: a dangling link, a link loop, a folder, a link to a folder, a FIFO,
 * a socket, links to devices. `article` is an ordinary article's text, for
 * the link that must be read.
 */
export async function addSpecialFiles(dir: string, article: string): Promise<SpecialFiles> {
  const expected: Record<string, ErrorCode> = {};
  const at = (name: string): string => path.join(dir, name);

  await symlink('nowhere.md', at('dangling.md'));
  expected['dangling.md'] = 'ARTICLE_UNREADABLE';
  await symlink('loop.md', at('loop.md'));
  expected['loop.md'] = 'ARTICLE_UNREADABLE';
  await symlink('loop-b.md', at('loop-a.md'));
  await symlink('loop-a.md', at('loop-b.md'));
  expected['loop-a.md'] = 'ARTICLE_UNREADABLE';
  expected['loop-b.md'] = 'ARTICLE_UNREADABLE';
  await mkdir(at('folder.md'));
  expected['folder.md'] = 'ARTICLE_NOT_A_FILE';
  await symlink('folder.md', at('link-to-folder.md'));
  expected['link-to-folder.md'] = 'ARTICLE_NOT_A_FILE';
  execFileSync('mkfifo', [at('pipe.md')]);
  expected['pipe.md'] = 'ARTICLE_NOT_A_FILE';
  await symlink('/dev/zero', at('zero.md'));
  expected['zero.md'] = 'ARTICLE_NOT_A_FILE';
  await symlink('/dev/null', at('null.md'));
  expected['null.md'] = 'ARTICLE_NOT_A_FILE';
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(at('socket.md'), resolve));
  expected['socket.md'] = 'ARTICLE_NOT_A_FILE';

  await writeFile(at('real.txt'), article);
  await symlink('real.txt', at('good-link.md'));
  return {
    expected,
    goodLink: 'good-link',
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
