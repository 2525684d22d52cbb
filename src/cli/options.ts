import path from 'node:path';
import type { Options } from 'yargs';
import { GazetteError } from '../errors.js';
import { parseDate, today } from '../load/date.js';
import type { TemplateSet } from '../render/templates.js';
import type { ConfigFile } from '../config/file.js';
import type { Io } from './io.js';

/** The options every command that renders an issue takes, described once. */
export const issueOptions = {
  articles: { type: 'string', describe: 'Folder of article markdown [default: "articles", or the config\'s]' },
  config: { type: 'string', describe: 'Config file [default: ./gazette.config.json or .yaml]' },
  date: { type: 'string', describe: 'Issue date, YYYY-MM-DD [default: today]' },
  templates: { type: 'string', describe: 'Folder with your own digest.mjml.hbs and partials/' },
} as const satisfies Record<string, Options>;

export const selectionOptions = {
  since: { type: 'string', describe: 'Only articles published on or after this date' },
  limit: { type: 'number', describe: 'At most this many articles, newest first' },
} as const satisfies Record<string, Options>;

/** --date as given (checked), or today. */
export function issueDate(value: string | undefined): string {
  const date = value ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !parseDate(date)) {
    throw new GazetteError('USAGE', `--date is ${JSON.stringify(date)}`, { fix: 'use YYYY-MM-DD, e.g. 2026-11-30' });
  }
  return date;
}

/** --articles, else the config's folder (relative to the config file), shown relative to where we run. */
export function articlesDirOf(option: string | undefined, { config, dir }: ConfigFile, io: Io): string {
  return option ?? (path.relative(io.cwd, path.resolve(dir, config.articles)) || '.');
}

/** The templates of --templates, else the config's `templates` folder, else none (gazette's own). */
export async function templatesOf(option: string | undefined, configFile: ConfigFile | undefined, io: Io): Promise<TemplateSet | undefined> {
  const dir = option ?? (configFile?.config.templates ? path.resolve(configFile.dir, configFile.config.templates) : undefined);
  if (dir === undefined) return undefined;
  const { loadTemplates } = await import('../render/templates.js');
  return loadTemplates(path.resolve(io.cwd, dir));
}
