import type { Config } from '../config/schema.js';
import { formatDate } from '../text/dates.js';
import type { Digest, DigestArticle } from '../types.js';

/** Words the templates print, in one place so a translation is one object. */
export interface Labels {
  readMore: string;
  unsubscribe: string;
  viewInBrowser: string;
  receiving: string;
  openQuote: string;
  closeQuote: string;
}

export interface ArticleView extends Omit<DigestArticle, 'pullQuote'> {
  byline: string | null;
  summaryText: string;
  pullQuote: { text: string; speaker: string | null; excerpt: boolean } | null;
}

/** What the templates see. Every key is always present (null when empty), as strict mode requires. */
export interface DigestView {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  subject: string;
  preheader: string;
  date: string;
  formattedDate: string;
  brandColor: string;
  logoUrl: string | null;
  siteUrl: string;
  /** The issue's page in the public archive ("View in your browser"); null without `publicUrl` or an issue number. */
  archiveUrl: string | null;
  /** Per-subscriber values, as placeholders filled in after rendering (see personal.ts). */
  greeting: string;
  unsubscribeUrl: string;
  subscriber: Readonly<Record<string, string>>;
  postalAddress: string;
  labels: Labels;
  articles: ArticleView[];
}

/** The list's unsubscribe page: the config's, else `<publicUrl>unsubscribe` (where `gazette serve` answers), else `<siteUrl>/unsubscribe`. */
export function unsubscribeUrlOf(config: Config): string {
  return config.unsubscribeUrl ?? new URL('unsubscribe', folderOf(config.publicUrl ?? config.siteUrl)).href;
}

/** An issue's page in the public archive, `<publicUrl>archive/<number>/`; null without a `publicUrl`. */
export function archiveUrlOf(config: Config, number: number): string | null {
  return config.publicUrl === undefined ? null : new URL(`archive/${number}/`, folderOf(config.publicUrl)).href;
}

/** A base URL as a folder, so that relative paths go under it: "https://x.org/news" is read as "https://x.org/news/". */
function folderOf(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

export interface PersonalHoles {
  greeting: string;
  unsubscribeUrl: string;
  subscriber: Readonly<Record<string, string>>;
}

export interface IssuePlace {
  /** The issue's number in the series, when it has one (a send; `build --number`). */
  number?: number;
}

export function digestView(digest: Digest, config: Config, personal: PersonalHoles, place: IssuePlace = {}): DigestView {
  const [openQuote, closeQuote] = quoteMarks(config.lang);
  return {
    lang: config.lang,
    dir: config.dir,
    title: digest.title,
    subject: digest.subject,
    preheader: digest.preheader,
    date: digest.date,
    formattedDate: formatDate(digest.date, config.lang),
    brandColor: config.brandColor,
    logoUrl: config.logoUrl ?? null,
    siteUrl: config.siteUrl,
    archiveUrl: place.number === undefined ? null : archiveUrlOf(config, place.number),
    ...personal,
    postalAddress: config.postalAddress,
    labels: {
      readMore: 'Read the full story →',
      unsubscribe: 'Unsubscribe',
      viewInBrowser: 'View in your browser',
      receiving: 'You are receiving this email because you subscribed to',
      openQuote,
      closeQuote,
    },
    articles: digest.articles.map((a) => ({
      ...a,
      byline: byline(a),
      summaryText: a.summary.join(' '),
      pullQuote: a.pullQuote && { text: a.pullQuote.text, speaker: a.pullQuote.speaker, excerpt: a.pullQuote.excerpt === true },
    })),
  };
}

/** "Author · Outlet", either alone, or neither; an outlet credited as its own author shows once. */
export function byline(article: Pick<DigestArticle, 'author' | 'source'>): string | null {
  const parts = [article.author, article.source].filter((p): p is string => Boolean(p));
  return [...new Set(parts)].join(' · ') || null;
}

/** Quotation marks as the newsletter's language prints them. */
export function quoteMarks(lang: string): [string, string] {
  const primary = lang.toLowerCase().split('-')[0] ?? 'en';
  if (['de', 'cs', 'sk', 'sl', 'hr', 'bg', 'lt', 'is'].includes(primary)) return ['„', '“'];
  if (['fr'].includes(primary)) return ['« ', ' »'];
  if (['es', 'it', 'ca', 'ru', 'uk', 'el', 'no', 'nb', 'nn'].includes(primary)) return ['«', '»'];
  if (['pl', 'hu', 'ro', 'nl'].includes(primary)) return ['„', '”'];
  if (['ja', 'zh'].includes(primary)) return ['「', '」'];
  return ['“', '”'];
}
