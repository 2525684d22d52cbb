import { randomBytes } from 'node:crypto';
import Handlebars from 'handlebars';
import type { Config } from '../config/schema.js';
import type { RenderedDigest } from '../types.js';

/**
 * Per-subscriber values are not rendered per subscriber: the templates see
 * placeholder tokens, MJML runs once per issue, and each message is the
 * rendered HTML and text with the tokens filled in. A token is a number
 * between two U+2063 (invisible separator) characters, which MJML, its
 * minifier and Handlebars' escaping all leave alone.
 *
 * Articles, imported pages and config strings are other people's text and may
 * hold anything, including something shaped like a token. So a token also
 * carries a nonce drawn afresh for every render: only the render that drew it
 * can write one, and text that merely looks like a token stays text. The nonce
 * never reaches the output (the split removes every token), so the bytes
 * still depend only on the input.
 */
const MARK = '\u2063';

export class Holes {
  readonly #prefix = `${MARK}${randomBytes(8).toString('hex')}.`;
  readonly #keys: string[] = [];
  readonly #numbers = new Map<string, number>();

  /** The token that stands for `key` (`greeting`, `unsubscribe`, `field.<column>`) in this render. */
  token(key: string): string {
    let n = this.#numbers.get(key);
    if (n === undefined) {
      n = this.#keys.push(key) - 1;
      this.#numbers.set(key, n);
    }
    return `${this.#prefix}${n}${MARK}`;
  }

  /** What templates see as `{{subscriber.<column>}}`: a token for any column name. */
  subscriber(): Record<string, string> {
    const tokenOf = (key: string | symbol): string | undefined => (typeof key === 'string' ? this.token(`field.${key}`) : undefined);
    return new Proxy<Record<string, string>>(
      {},
      {
        get: (_target, key) => tokenOf(key),
        has: (_target, key) => typeof key === 'string',
        getOwnPropertyDescriptor: (_target, key) => {
          const value = tokenOf(key);
          return value === undefined ? undefined : { value, enumerable: true, configurable: true, writable: false };
        },
      },
    );
  }

  /** Split a rendered issue at this render's tokens, once, so that filling them is a join. */
  split(rendered: RenderedDigest): PersonalTemplate {
    return { mjml: this.#pieces(rendered.mjml), html: this.#pieces(rendered.html), text: this.#pieces(rendered.text) };
  }

  #pieces(source: string): Piece[] {
    const out: Piece[] = [];
    let last = 0;
    for (let at = source.indexOf(this.#prefix); at !== -1; at = source.indexOf(this.#prefix, last)) {
      const digits = at + this.#prefix.length;
      const end = source.indexOf(MARK, digits);
      const key = end === -1 ? undefined : this.#keys[Number(source.slice(digits, end) || Number.NaN)];
      if (key === undefined) throw new Error(`a personalisation token was cut by the renderer near "${source.slice(Math.max(0, at - 20), at)}"`);
      out.push(source.slice(last, at), { key });
      last = end + MARK.length;
    }
    out.push(source.slice(last));
    return out;
  }
}

export type Piece = string | { key: string };

/** A rendered issue with its per-subscriber holes, split once so that filling them is a join. */
export interface PersonalTemplate {
  mjml: readonly Piece[];
  html: readonly Piece[];
  text: readonly Piece[];
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
