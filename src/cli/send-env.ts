import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ConfigFile } from '../config/file.js';
import { GazetteError } from '../errors.js';
import type { DkimKey } from '../send/index.js';
import { Secrets } from '../send/secrets.js';

/**
 * What a send takes from the environment, shared by `gazette send` and
 * `gazette schedule`: the unsubscribe secret, the DKIM key, the retry delay
 * for tests, and every secret, so that no error can print one.
 */

/** GAZETTE_UNSUBSCRIBE_SECRET, required for a real send. */
export function unsubscribeSecret(env: NodeJS.ProcessEnv): string {
  const secret = env.GAZETTE_UNSUBSCRIBE_SECRET || undefined;
  if (!secret) {
    throw new GazetteError('SECRET_MISSING', 'GAZETTE_UNSUBSCRIBE_SECRET is not set', {
      fix: 'set it to a long random string (e.g. the output of `openssl rand -hex 32`) and keep it: it signs the unsubscribe links, which must go on working after the send',
    });
  }
  return secret;
}

/** Every secret the environment holds, so that not even an unexpected error can print one. */
export function secretsInEnv(env: NodeJS.ProcessEnv): Secrets {
  const secrets = new Secrets().add(env.SMTP_PASS).add(env.GAZETTE_UNSUBSCRIBE_SECRET).add(env.GAZETTE_DKIM_PRIVATE_KEY);
  try {
    const url = new URL(env.GAZETTE_SMTP_URL ?? '');
    secrets.add(url.password).add(decodeURIComponent(url.password));
  } catch {
    secrets.add(env.GAZETTE_SMTP_URL);
  }
  return secrets;
}

/** Our errors never hold a secret; anything else is passed on with them blanked out. */
export function redacted(error: unknown, secrets: Secrets): unknown {
  if (error instanceof GazetteError || !(error instanceof Error)) return error;
  const safe = new Error(secrets.redact(error.message));
  safe.name = error.name;
  safe.stack = secrets.redact(error.stack ?? error.message);
  return safe;
}

/** The DKIM key, when the config asks for signing: GAZETTE_DKIM_PRIVATE_KEY, else the config's privateKeyFile. */
export function dkimKeyOf({ config, dir, file }: ConfigFile, fromEnv: string | undefined): DkimKey | undefined {
  if (!config.dkim) return undefined;
  let pem = fromEnv?.trim() ? fromEnv.replace(/\\n/g, '\n') : undefined;
  let source = 'GAZETTE_DKIM_PRIVATE_KEY';
  if (!pem && config.dkim.privateKeyFile) {
    source = config.dkim.privateKeyFile;
    try {
      pem = readFileSync(path.resolve(dir, config.dkim.privateKeyFile), 'utf8');
    } catch {
      throw new GazetteError('CONFIG_INVALID', `cannot read the DKIM key file ${config.dkim.privateKeyFile}`, {
        file,
        fix: 'check dkim.privateKeyFile (relative to the config file)',
      });
    }
  }
  if (!pem) {
    throw new GazetteError('CONFIG_INVALID', 'the config asks for DKIM signing but gives no key', {
      file,
      fix: 'set GAZETTE_DKIM_PRIVATE_KEY to the PEM private key, or dkim.privateKeyFile to a file holding it',
    });
  }
  try {
    createPrivateKey(pem);
  } catch {
    // Never quote the key, not even a bad one.
    throw new GazetteError('CONFIG_INVALID', `${source} is not a PEM private key`, { file, fix: 'give the key as "-----BEGIN PRIVATE KEY-----" … PEM text' });
  }
  return { domainName: config.dkim.domain, keySelector: config.dkim.selector, privateKey: pem };
}

/** A shorter first retry for tests: GAZETTE_RETRY_BASE_MS. */
export function retryBaseFromEnv(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms < 0)
    throw new GazetteError('USAGE', `GAZETTE_RETRY_BASE_MS is ${JSON.stringify(value)}`, { fix: 'give milliseconds, e.g. 5000' });
  return ms;
}
