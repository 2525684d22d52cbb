import { Cron } from 'croner';
import { z } from 'zod';
import { DEFAULT_ARTICLE_BYTES, MAX_ARTICLE_BYTES } from './limits.js';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' });
/** Five fields (minute hour day month weekday), or six with seconds first, as croner reads them. */
const cronExpression = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    try {
      new Cron(value, { paused: true }).stop();
    } catch (error) {
      const why = error instanceof Error ? error.message.replace(/^CronPattern: /, '') : String(error);
      ctx.addIssue({ code: 'custom', message: `must be a cron expression such as "0 8 * * 1" (minute hour day month weekday): ${why}` });
    }
  });
const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as "Europe/London" or "UTC"' },
);
const hexColour = z.string().regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/, 'must be a hex colour such as "#0b5c7a"');

/**
 * The config file's shape. Every key but the four required ones has a
 * default; an unknown key is an error so that a typo never silently does
 * nothing.
 */
export const configSchema = z.strictObject({
  /** The newsletter's name, shown in the header and the subject. */
  name: z.string().trim().min(1, 'must not be empty'),
  from: z.strictObject({
    name: z.string().trim().min(1).optional(),
    address: z.email({ error: 'must be an email address such as "news@example.org"' }),
  }),
  /** Required by CAN-SPAM: shown in the footer of both parts. */
  postalAddress: z.string().trim().min(10, 'must be a full postal address'),
  siteUrl: httpUrl,
  /**
   * Where `gazette serve` answers, e.g. "https://example.org/newsletter/": the
   * emails link to `<publicUrl>archive/<number>/` ("View in your browser"),
   * and the unsubscribe link defaults to `<publicUrl>unsubscribe`.
   */
  publicUrl: httpUrl.optional(),
  /** Where the footer's unsubscribe link points; defaults to `<publicUrl>unsubscribe`, else `<siteUrl>/unsubscribe`. */
  unsubscribeUrl: httpUrl.optional(),
  /** Base for article images given as relative paths; defaults to `siteUrl`. */
  imageBaseUrl: httpUrl.optional(),
  lang: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, 'must be a language tag such as "en" or "pt-BR"')
    .default('en'),
  dir: z.enum(['ltr', 'rtl']).default('ltr'),
  brandColor: hexColour.default('#0b5c7a'),
  logoUrl: httpUrl.optional(),
  /** Subject pattern; placeholders: {{name}} {{date}} {{isoDate}} {{firstTitle}} {{count}} {{moreCount}}. */
  subject: z.string().trim().min(1).default('{{name}}: {{firstTitle}}'),
  summary: z
    .strictObject({
      words: z.number().int().min(10).max(500).default(60),
      sentences: z.number().int().min(1).max(10).default(3),
    })
    .default({ words: 60, sentences: 3 }),
  /** The greeting at the top of each email; {{firstName}}, {{name}}, {{email}} or any subscriber column. */
  greeting: z
    .strictObject({
      named: z.string().default('Hi {{firstName}},'),
      fallback: z.string().default('Hello,'),
    })
    .default({ named: 'Hi {{firstName}},', fallback: 'Hello,' }),
  pullQuote: z
    .strictObject({
      /** When an article has no quotation, show a striking sentence instead. */
      fallback: z.boolean().default(true),
    })
    .default({ fallback: true }),
  /** The List-Id (RFC 2919); defaults to "<name-slug>.<site host>". */
  listId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]*\.[a-z0-9-]+$/i, 'must look like a domain name, e.g. "weekly.example.org"')
    .optional(),
  /** SMTP relay; GAZETTE_SMTP_URL wins over it, and credentials come from SMTP_USER / SMTP_PASS. */
  smtp: z
    .strictObject({
      host: z.string().min(1),
      port: z.number().int().min(1).max(65535).default(587),
    })
    .optional(),
  /** DKIM signing; the private key comes from GAZETTE_DKIM_PRIVATE_KEY or the file named here. */
  dkim: z
    .strictObject({
      domain: z.string().min(1),
      selector: z.string().min(1),
      privateKeyFile: z.string().min(1).optional(),
    })
    .optional(),
  send: z
    .strictObject({
      /** Messages per second. */
      rate: z.number().positive().default(10),
      /** SMTP connections at once. */
      concurrency: z.number().int().min(1).max(50).default(3),
      /** Pause when more than this share of the recent attempts failed... */
      pauseAtFailureShare: z.number().min(0).max(1).default(0.2),
      /** ...out of this many. */
      failureWindow: z.number().int().min(10).default(100),
      /** Real sends to more than this many addresses ask first (or take --yes). */
      confirmAbove: z.number().int().min(0).default(10),
    })
    .default({ rate: 10, concurrency: 3, pauseAtFailureShare: 0.2, failureWindow: 100, confirmAbove: 10 }),
  preview: z
    .strictObject({
      /** Whom the preview shows the email to: `email`, `name` and any subscriber column. */
      subscriber: z.record(z.string(), z.string()).default({ email: 'reader@example.org', name: 'Sam Reader' }),
    })
    .default({ subscriber: { email: 'reader@example.org', name: 'Sam Reader' } }),
  check: z
    .strictObject({
      /**
       * Compatibility findings you have reviewed and accept, by feature title
       * as caniemail names it (e.g. "word-break"), on top of gazette's own list.
       */
      allow: z.array(z.string().min(1)).default([]),
    })
    .default({ allow: [] }),
  /** When `gazette schedule` sends what is new: a cron expression, read in a time zone. */
  schedule: z
    .strictObject({
      cron: cronExpression,
      /** An IANA time zone such as "Europe/London"; the cron expression is read in it. */
      timezone: timeZone.default('UTC'),
      /** The subscriber list, relative to the config file; `--to` overrides it. */
      to: z.string().min(1).optional(),
    })
    .optional(),
  limits: z
    .strictObject({
      /**
       * The largest article file read, in bytes: past it a file is refused
       * rather than read, so a runaway file (a log, a device) cannot take the
       * memory or the time of a build.
       */
      articleBytes: z
        .number()
        .int('must be a whole number of bytes')
        .min(1024, 'must be at least 1024 (1 KB)')
        .max(MAX_ARTICLE_BYTES, `must be at most ${MAX_ARTICLE_BYTES} (64 MB)`)
        .default(DEFAULT_ARTICLE_BYTES),
    })
    .default({ articleBytes: DEFAULT_ARTICLE_BYTES }),
  /** Folders, relative to the config file; --articles and --templates override them. */
  articles: z.string().min(1).default('articles'),
  templates: z.string().min(1).optional(),
});

/** A config file as written (before defaults). */
export type ConfigInput = z.input<typeof configSchema>;

/** A complete, validated config: what the library API takes. */
export type Config = z.output<typeof configSchema>;
