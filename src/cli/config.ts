import path from 'node:path';
import { GazetteError } from '../errors.js';
import { CONFIG_NAMES, findConfigFile, readConfigFile, type ConfigFile } from '../config/file.js';

const EXAMPLE = `{
  "name": "The Tidewater Weekly",
  "from": { "name": "The Tidewater Weekly", "address": "weekly@example.org" },
  "postalAddress": "The Tidewater Weekly, 12 Quay Street, Port Ellis TW1 4AB",
  "siteUrl": "https://example.org"
}`;

/** The config named by --config, or the one in the current folder. */
export async function loadConfig(option: string | undefined, cwd: string): Promise<ConfigFile> {
  if (option !== undefined) return readConfigFile(path.resolve(cwd, option));
  const found = await findConfigFile(cwd);
  if (!found) {
    throw new GazetteError('CONFIG_NOT_FOUND', `no ${CONFIG_NAMES.join(' or ')} in ${cwd}`, {
      fix: `create gazette.config.json there (or pass --config FILE), for example:\n${EXAMPLE}`,
    });
  }
  return readConfigFile(path.relative(cwd, found) || found);
}
