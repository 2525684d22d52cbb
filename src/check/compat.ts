import { caniemail, rawData } from 'caniemail';
import { ALLOWED, type AllowEntry } from './allow.js';
import { whereIs, type Email, type Rule } from './email.js';
import type { Finding } from './types.js';

type ClientGlob = Parameters<typeof caniemail>[0]['clients'][number];

/** The clients most subscribers read in. */
export const CLIENTS: readonly ClientGlob[] = ['gmail.*', 'outlook.*', 'apple-mail.*', 'yahoo.*'];

type Support = 'none' | 'partial';

interface Feature {
  title: string;
  support: Map<string, Support>;
  notes: Set<string>;
  /** "line:column" of each place it was found (elements and inline styles; stylesheet rules have no place in the HTML). */
  places: Set<string>;
}

/**
 * Client support for the HTML and CSS as rendered, from caniemail's data: one
 * finding per feature, listing the clients. No support anywhere is a warning,
 * partial support is info; features reviewed in `allow.ts`, or named in the
 * config's check.allow, are info with the reason.
 */
export const compat: Rule = (email) => {
  const features = collect(email);
  const findings = [...features.values()].map((feature) => finding(email, feature));
  return [...findings, ...unknownTitles(email.allow)];
};

function collect(email: Email): Map<string, Feature> {
  const { issues } = caniemail({ clients: [...CLIENTS], html: email.input.html });
  const features = new Map<string, Feature>();
  for (const [map, support] of [[issues.errors, 'none'], [issues.warnings, 'partial']] as const) {
    for (const [client, list] of map) {
      for (const issue of list) {
        let feature = features.get(issue.title);
        if (!feature) {
          feature = { title: issue.title, support: new Map(), notes: new Set(), places: new Set() };
          features.set(issue.title, feature);
        }
        if (feature.support.get(client) !== 'none') feature.support.set(client, support);
        for (const note of issue.notes) feature.notes.add(note);
        feature.places.add(issue.position ? `${issue.position.start.line}:${issue.position.start.column}` : 'stylesheet');
      }
    }
  }
  return features;
}

function finding(email: Email, feature: Feature): Finding {
  const none = [...feature.support].filter(([, s]) => s === 'none').map(([c]) => c);
  const partial = [...feature.support].filter(([, s]) => s === 'partial').map(([c]) => c);
  const counts = [none.length > 0 ? `unsupported in ${clientCount(none.length)}` : '', partial.length > 0 ? `partial in ${clientCount(partial.length)}` : '']
    .filter(Boolean)
    .join(', ');
  const where = [none.length > 0 ? `none: ${clientList(none)}` : '', partial.length > 0 ? `partial: ${clientList(partial)}` : ''].filter(Boolean).join('; ');
  const allowed = allowance(email, feature);
  const url = rawData.data.find((f) => f.title === feature.title)?.url;
  const notes = [...feature.notes].slice(0, 2).map((n) => n.replace(/\s+/g, ' ').trim());
  if (allowed.reason !== undefined) {
    return { level: 'info', rule: 'compat', message: `${feature.title}: ${counts} (allowed: ${allowed.reason})`, where };
  }
  return {
    level: none.length > 0 ? 'warning' : 'info',
    rule: 'compat',
    message: `${feature.title}: ${counts}${allowed.outside ? ` (allowed only on ${allowed.outside.what}; also used by ${allowed.outside.at})` : ''}`,
    where,
    fix: [...notes, `check how it looks there, then remove it or add "${feature.title}" to check.allow in the config${url ? ` (see ${url})` : ''}`].join(' '),
  };
}

/** Why a feature is accepted, or where it was found outside what its entry accepts. */
function allowance(email: Email, feature: Feature): { reason?: string; outside?: { what: string; at: string } } {
  if (email.allow.includes(feature.title)) return { reason: 'listed in check.allow in the config' };
  const entry: AllowEntry | undefined = ALLOWED.find((e) => e.title === feature.title);
  if (!entry) return {};
  if (!entry.only) return { reason: entry.reason };
  const inScope = new Set(entry.only.elements(email).map((el) => place(email, el)));
  const stray = [...feature.places].find((p) => !inScope.has(p));
  if (stray === undefined) return { reason: entry.reason };
  return { outside: { what: entry.only.what, at: describePlace(email, stray) } };
}

function place(email: Email, element: Parameters<Email['position']>[0]): string {
  const at = email.position(element);
  return at ? `${at.line}:${at.column}` : '';
}

function describePlace(email: Email, key: string): string {
  if (key === 'stylesheet') return 'a <style> rule';
  const element = [...email.elements('*')].find((el) => place(email, el) === key);
  return element ? whereIs(email, element, 'style') : `the HTML at line ${key.split(':')[0]}`;
}

/** "gmail.{android,ios}, outlook.windows": clients grouped by provider. */
function clientList(clients: readonly string[]): string {
  const byProvider = new Map<string, string[]>();
  for (const client of [...clients].sort()) {
    const [provider = client, platform = ''] = client.split('.');
    byProvider.set(provider, [...(byProvider.get(provider) ?? []), platform]);
  }
  return [...byProvider].map(([provider, platforms]) => (platforms.length === 1 ? `${provider}.${platforms[0]}` : `${provider}.{${platforms.join(',')}}`)).join(', ');
}

function clientCount(n: number): string {
  return `${n} client${n === 1 ? '' : 's'}`;
}

/** A check.allow entry that names no caniemail feature allows nothing: most likely a typo. */
function unknownTitles(allow: readonly string[]): Finding[] {
  const titles = new Set(rawData.data.map((f) => f.title));
  return allow
    .filter((title) => !titles.has(title))
    .map((title) => ({
      level: 'warning',
      rule: 'compat',
      message: `check.allow names "${title}", which is not a caniemail feature, so it allows nothing`,
      where: 'config check.allow',
      fix: 'use the feature title exactly as check reports it, e.g. "word-break"',
    }));
}
