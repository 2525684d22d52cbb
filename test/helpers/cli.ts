import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

export const root = path.join(import.meta.dirname, '../..');
export const fixtures = path.join(root, 'test/fixtures');
const cli = path.join(root, 'dist/src/cli/main.js');
const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the built CLI (npm test builds it first) in `cwd`, as a user would. */
export async function gazette(cwd: string, ...args: string[]): Promise<CliResult> {
  return gazetteWithInput(cwd, '', ...args);
}

/** The same, with `input` piped to its standard input. */
export async function gazetteWithInput(cwd: string, input: string | Uint8Array, ...args: string[]): Promise<CliResult> {
  const pending = run(process.execPath, [cli, ...args], { cwd });
  pending.child.stdin?.end(input);
  try {
    const { stdout, stderr } = await pending;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A minimal valid config file's contents. */
export const minimalConfig = {
  name: 'The Test Tide',
  from: { address: 'tide@example.org' },
  postalAddress: 'The Test Tide, 1 Harbour Row, Port Ellis TW1 1AA',
  siteUrl: 'https://tide.example.org',
};
