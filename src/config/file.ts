import { readFile, access } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { GazetteError } from '../errors.js';
import type { Config } from './schema.js';
import { resolveConfig, type LineOf } from './resolve.js';

export const CONFIG_NAMES = ['gazette.config.json', 'gazette.config.yaml', 'gazette.config.yml'] as const;

export interface ConfigFile {
  config: Config;
  /** The file it came from. */
  file: string;
  /** Relative paths in the config (`articles`, `templates`) are relative to this folder. */
  dir: string;
}

/** The config file in `dir`, if there is one. */
export async function findConfigFile(dir: string): Promise<string | undefined> {
  for (const name of CONFIG_NAMES) {
    const candidate = path.join(dir, name);
    try {
      await access(candidate);
      return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

/** Read, parse and validate a config file (JSON or YAML). */
export async function readConfigFile(file: string): Promise<ConfigFile> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (cause) {
    throw new GazetteError('CONFIG_NOT_FOUND', `cannot read config file (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, {
      file,
      fix: 'check the path given to --config',
      cause,
    });
  }
  const { value, lineOf } = parseConfigSource(source, file);
  return { config: resolveConfig(value, file, lineOf), file, dir: path.dirname(path.resolve(file)) };
}

/**
 * Parse JSON strictly with JSON.parse and YAML with `yaml`; either way keep a
 * YAML document (JSON is YAML) to find the line of a key for messages.
 */
export function parseConfigSource(source: string, file: string): { value: unknown; lineOf: LineOf } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const lineOf: LineOf = (keyPath) => {
    for (let depth = keyPath.length; depth >= 0; depth--) {
      const node = keyPath.length === 0 ? doc.contents : doc.getIn(keyPath.slice(0, depth).map(String), true);
      if (isNode(node) && node.range) {
        const at = depth === keyPath.length ? keyRangeStart(doc.contents, keyPath) ?? node.range[0] : node.range[0];
        return lineCounter.linePos(at).line;
      }
    }
    return undefined;
  };
  if (file.endsWith('.json')) {
    try {
      return { value: JSON.parse(source) as unknown, lineOf };
    } catch (cause) {
      const position = /position (\d+)/.exec((cause as Error).message)?.[1];
      throw new GazetteError('CONFIG_PARSE', `not valid JSON (${(cause as Error).message})`, {
        file,
        line: position === undefined ? undefined : lineCounter.linePos(Number(position)).line,
        fix: 'check for a missing comma, quote or brace',
        cause,
      });
    }
  }
  const error = doc.errors[0];
  if (error) {
    throw new GazetteError('CONFIG_PARSE', `not valid YAML (${error.message.split('\n')[0]})`, {
      file,
      line: lineCounter.linePos(error.pos[0]).line,
      fix: 'check the indentation and quoting on that line',
    });
  }
  return { value: doc.toJS() as unknown, lineOf };
}

/** Where the key itself (not its value) starts, so "unknown key" points at the key. */
function keyRangeStart(root: unknown, keyPath: readonly PropertyKey[]): number | undefined {
  let node: unknown = root;
  let start: number | undefined;
  for (const key of keyPath) {
    const items = (node as { items?: { key?: { value?: unknown; range?: [number, number, number] }; value?: unknown }[] })?.items;
    const pair = items?.find((item) => item.key?.value === String(key));
    if (!pair) return start;
    start = pair.key?.range?.[0];
    node = pair.value;
  }
  return start;
}
