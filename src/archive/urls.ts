import type { Config } from '../config/schema.js';

/**
 * Where the public side (`gazette serve`, or the static archive on a web
 * host) answers, with a trailing slash: the config's `publicUrl`, else the
 * site's address, as for the default unsubscribe link (see unsubscribeUrlOf
 * in render/view.ts), so that the link in the emails reaches serve.
 */
export function publicBaseOf(config: Config): URL {
  const base = new URL(config.publicUrl ?? config.siteUrl);
  base.search = '';
  base.hash = '';
  if (!base.pathname.endsWith('/')) base.pathname = `${base.pathname}/`;
  return base;
}

/** The path serve answers under: "/" or "/newsletter/". */
export function publicPrefixOf(config: Config): string {
  return publicBaseOf(config).pathname;
}

/** Absolute addresses of the public pages. */
export function archiveUrl(config: Config): string {
  return new URL('archive/', publicBaseOf(config)).href;
}

export function issueUrl(config: Config, issueNumber: number): string {
  return new URL(`archive/${issueNumber}/`, publicBaseOf(config)).href;
}

export function feedUrl(config: Config): string {
  return new URL('feed.xml', publicBaseOf(config)).href;
}
