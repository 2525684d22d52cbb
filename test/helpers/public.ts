import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveConfig } from '../../src/config/resolve.js';
import type { Config } from '../../src/config/schema.js';
import { sendIssue } from '../../src/send/index.js';
import { smtpSettings } from '../../src/send/transport.js';
import { minimalConfig } from './cli.js';
import { people, renderFixture, rowsOf, SECRET } from './send.js';
import { startSmtp } from './smtp.js';

/** The config of a project whose public side answers under a path, as behind a reverse proxy. */
export const publicConfigInput = { ...minimalConfig, publicUrl: 'https://tide.example.org/newsletter/' };

/** Write that config into `dir`; returns it resolved. */
export async function writePublicConfig(dir: string): Promise<Config> {
  await writeFile(path.join(dir, 'gazette.config.json'), JSON.stringify(publicConfigInput, null, 2));
  return resolveConfig(publicConfigInput);
}

/** A state database with one issue sent to `count` subscribers on `date`, through a local SMTP server. */
export async function stateWithIssue(config: Config, statePath: string, date = '2026-11-30', count = 3): Promise<void> {
  const smtp = await startSmtp();
  try {
    const issue = await renderFixture(config);
    await sendIssue({
      config,
      issue,
      date,
      statePath,
      subscribers: rowsOf(people(count)),
      smtp: smtpSettings(config, { GAZETTE_SMTP_URL: smtp.url }),
      secret: SECRET,
      rate: 10_000,
      retryBaseMs: 10,
    });
  } finally {
    await smtp.close();
  }
}
