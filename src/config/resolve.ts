import type { z } from 'zod';
import { GazetteError } from '../errors.js';
import { closest } from '../text/suggest.js';
import { configSchema, type Config } from './schema.js';

/** Finds the 1-based line of a key path in the config file, when the file is known. */
export type LineOf = (path: readonly PropertyKey[]) => number | undefined;

/**
 * Validate a config object and fill in defaults. This is the library's way in:
 * it never reads a file; `file` and `lineOf` only make messages point at one.
 */
export function resolveConfig(input: unknown, file = 'config', lineOf: LineOf = () => undefined): Config {
  const result = configSchema.safeParse(input);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => issueToError(issue, input, file, lineOf));
  const first = errors[0];
  if (errors.length === 1 && first) throw first;
  throw new GazetteError('CONFIG_INVALID', `${file} has ${errors.length} problems`, { file, errors });
}

function issueToError(issue: z.core.$ZodIssue, input: unknown, file: string, lineOf: LineOf): GazetteError {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(path);
    const key = issue.keys[0] ?? '';
    const keyPath = [...path, key];
    const suggestion = closest(key, known);
    return new GazetteError('CONFIG_INVALID', `unknown key "${dotted(keyPath)}"`, {
      file,
      line: lineOf(keyPath),
      fix: suggestion ? `did you mean "${dotted([...path, suggestion])}"?` : `remove it; known keys here: ${known.join(', ')}`,
    });
  }
  const missing = issue.code === 'invalid_type' && valueAt(input, path) === undefined;
  if (missing) {
    return new GazetteError('CONFIG_INVALID', `missing required key "${dotted(path)}"`, {
      file,
      line: lineOf(path.slice(0, -1)),
      fix: `add it (${describe(path)})`,
    });
  }
  return new GazetteError('CONFIG_INVALID', `key "${dotted(path)}" ${reason(issue)}`, {
    file,
    line: lineOf(path),
    fix: `fix the value (${describe(path)})`,
  });
}

function reason(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `must be a ${issue.expected}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return issue.message.startsWith('must') ? issue.message : `is invalid: ${issue.message}`;
}

const DESCRIPTIONS: Record<string, string> = {
  name: 'the newsletter name, e.g. "The Tidewater Weekly"',
  from: 'an object { "name": …, "address": … }',
  'from.address': 'the sender address, e.g. "weekly@example.org"',
  'from.name': 'the sender name shown in inboxes',
  postalAddress: 'your postal address, shown in every footer as the law requires',
  siteUrl: 'your website, e.g. "https://example.org"',
  unsubscribeUrl: 'an https:// address',
  publicUrl: 'the https:// address where `gazette serve` answers, e.g. "https://example.org/newsletter/"',
  schedule: 'an object { "cron": "0 8 * * 1", "timezone": "Europe/London", "to": "subscribers.csv" }',
  'schedule.cron': 'a cron expression: minute hour day-of-month month day-of-week, e.g. "0 8 * * 1" for Mondays at 08:00',
  'schedule.timezone': 'an IANA time zone such as "Europe/London"',
  'schedule.to': 'the subscriber list, relative to the config file',
  imageBaseUrl: 'an https:// address that relative image paths are resolved against',
  logoUrl: 'an https:// address of your logo image',
  lang: 'a language tag such as "en"',
  dir: '"ltr" or "rtl"',
  brandColor: 'a hex colour such as "#0b5c7a"',
  subject: 'a pattern such as "{{name}}: {{firstTitle}}"',
  'summary.words': 'a whole number of words, e.g. 60',
  'summary.sentences': 'a whole number of sentences, 1 to 10',
  'pullQuote.fallback': 'true or false',
  'preview.subscriber': 'an object of subscriber columns, e.g. { "email": "reader@example.org", "name": "Sam Reader" }',
  'greeting.named': 'a pattern such as "Hi {{firstName}},"',
  'greeting.fallback': 'the greeting without a name, such as "Hello,"',
  'limits.articleBytes': 'the largest article file, in bytes, e.g. 2097152 for 2 MB',
  'check.allow': 'a list of compatibility feature titles you accept, e.g. ["word-break"]',
};

function describe(path: readonly PropertyKey[]): string {
  return DESCRIPTIONS[dotted(path)] ?? 'see the README';
}

function dotted(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function knownKeys(path: readonly PropertyKey[]): string[] {
  let schema: unknown = configSchema;
  for (const key of path) {
    const shape = shapeOf(schema);
    schema = shape?.[String(key)];
  }
  return Object.keys(shapeOf(schema) ?? {});
}

/** The object shape behind a schema, looking through `.default()` and `.optional()` wrappers. */
function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  let current = schema as { shape?: Record<string, unknown>; def?: { innerType?: unknown } } | undefined;
  for (let i = 0; i < 4 && current; i++) {
    if (current.shape) return current.shape;
    current = current.def?.innerType as typeof current;
  }
  return undefined;
}
