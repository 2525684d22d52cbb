import { spawn, type ChildProcess } from 'node:child_process';
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fixtures, minimalConfig, root } from './cli.js';

export const cli = path.join(root, 'dist/src/cli/main.js');

/** The environment of a child run: ours without any SMTP or gazette settings, plus `extra`. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^(GAZETTE_|SMTP_)/.test(key)) env[key] = value;
  return { ...env, ...extra };
}

/** A project folder: the fixture articles and a config whose send limits suit tests. */
export async function makeProject(dir: string, send: Record<string, number> = {}): Promise<void> {
  const config = { ...minimalConfig, send: { rate: 10_000, concurrency: 3, confirmAbove: 10, ...send } };
  await writeFile(path.join(dir, 'gazette.config.json'), JSON.stringify(config, null, 2));
  await cp(path.join(fixtures, 'digest/articles'), path.join(dir, 'articles'), { recursive: true });
}

export interface Child {
  process: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves when it has exited: its code, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `gazette ARGS` as a child process in `cwd`, its output collected. */
export function spawnGazette(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, [cli, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return { process: child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Run `gazette ARGS` to the end. */
export async function runGazette(
  cwd: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnGazette(cwd, args, env);
  const { code } = await child.exited;
  return { code, stdout: child.stdout(), stderr: child.stderr() };
}
