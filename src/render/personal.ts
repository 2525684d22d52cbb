import Handlebars from 'handlebars';
import type { Config } from '../config/schema.js';
import type { RenderedDigest } from '../types.js';

/**
 * Per-subscriber values are not rendered per subscriber: the templates see
 * placeholder tokens, MJML runs once per issue, and each message is the
 * rendered HTML and text with the tokens filled in. A token is a key between
 * two U+2063 (invisible separator) characters, which MJML, its minifier and
 * Handlebars' escaping all leave alone, and which no article contains.
 */
const MARK = '\u2063';
const TOKEN = new RegExp(`${MARK}gz\\.([\\w.:-]+)${MARK}`, 'g');

export function token(key: string): string {
  return `${MARK}gz.${key}${MARK}`;
}

/** What templates see as `{{subscriber.<column>}}`: a token for any column name. */
export function subscriberTokens(): Record<string, string> {
  return new Proxy<Record<string, string>>(
    {},
    {
      get: (_target, key) => (typeof key === 'string' ? token(`field.${key}`) : undefined),
      has: (_target, key) => typeof key === 'string',
      getOwnPropertyDescriptor: (_target, key) =>
        typeof key === 'string' ? { value: token(`field.${key}`), enumerable: true, configurable: true, writable: false } : undefined,
    },
  );
}

export type Piece = string | { key: string };

/** A rendered issue with its per-subscriber holes, split once so that filling them is a join. */
export interface PersonalTemplate {
  mjml: readonly Piece[];
  html: readonly Piece[];
  text: readonly Piece[];
}

export function splitTokens(rendered: RenderedDigest): PersonalTemplate {
  return { mjml: pieces(rendered.mjml), html: pieces(rendered.html), text: pieces(rendered.text) };
}

function pieces(source: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of source.matchAll(TOKEN)) {
    out.push(source.slice(last, m.index));
    out.push({ key: m[1] ?? '' });
    last = (m.index ?? 0) + m[0].length;
  }
  out.push(source.slice(last));
  return out;
}

/** One subscriber as the templates can use them. */
export interface Recipient {
  email: string;
  name: string | null;
  /** Every other column of the subscriber list. */
  fields: Readonly<Record<string, string>>;
}

export interface PersonalValues {
  greeting: string;
  unsubscribeUrl: string;
  fields: Readonly<Record<string, string>>;
}

/** The value of one hole, flattened to one line. */
export function holeValue(values: PersonalValues, key: string): string {
  const value =
    key === 'greeting' ? values.greeting
    : key === 'unsubscribe' ? values.unsubscribeUrl
    : key.startsWith('field.') ? (values.fields[key.slice('field.'.length)] ?? '')
    : '';
  return oneLine(value);
}

/** Fill the holes: HTML-escaped in the HTML part (and the MJML), as they are in the text part. */
export function personalise(template: PersonalTemplate, values: PersonalValues): RenderedDigest {
  const join = (parts: readonly Piece[], escape: (s: string) => string): string =>
    parts.map((p) => (typeof p === 'string' ? p : escape(holeValue(values, p.key)))).join('');
  return { mjml: join(template.mjml, escapeHtml), html: join(template.html, escapeHtml), text: join(template.text, (s) => s) };
}

const engine = Handlebars.create();
const greetings = new Map<string, Handlebars.TemplateDelegate>();

/**
 * "Hi Ana," for a subscriber with a name, the fallback ("Hello,") without one
 * or when the pattern names a column the subscriber has empty.
 */
export function greetingFor(config: Config, recipient: Recipient | null): string {
  const { named, fallback } = config.greeting;
  if (!recipient) return fallback;
  const firstName = recipient.name?.trim().split(/\s+/)[0] ?? '';
  const context: Record<string, string> = { ...recipient.fields, email: recipient.email, name: recipient.name?.trim() ?? '', firstName };
  let compiled = greetings.get(named);
  if (!compiled) {
    compiled = engine.compile(named, { noEscape: true, knownHelpersOnly: true });
    greetings.set(named, compiled);
  }
  const used = [...named.matchAll(/{{\s*([\w.-]+)\s*}}/g)].map((m) => m[1] ?? '');
  if (used.some((key) => !context[key]?.trim())) return fallback;
  return oneLine(compiled(context));
}

/** The values for a reader who is nobody in particular: what `build` writes and the archive shows. */
export function genericValues(config: Config, unsubscribeUrl: string): PersonalValues {
  return { greeting: greetingFor(config, null), unsubscribeUrl, fields: {} };
}

function oneLine(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
