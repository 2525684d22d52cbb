/**
 * The values that flow through the pipeline, defined once:
 *
 *   Article ──enrich──▶ DigestArticle ──compose──▶ Digest ──render──▶ RenderedDigest
 */

/** A photo as the digest shows it. `src` is always an absolute http(s) URL. */
export interface Photo {
  src: string;
  alt: string;
  caption: string | null;
  credit: string | null;
}

/** A quotation copied verbatim from the article, without its quotation marks. */
export interface PullQuote {
  text: string;
  speaker: string | null;
  /**
   * Set when the article has no quotation and this is a striking sentence
   * of the story instead: shown without quotation marks, since nobody said it.
   */
  excerpt?: true;
}

/** One block of an article body, in document order, as plain text. */
export type Block =
  /** `emphasis`: the whole paragraph is italic or bold, as captions often are. */
  | { kind: 'paragraph'; text: string; line: number; emphasis?: boolean }
  | { kind: 'heading'; text: string; line: number }
  | { kind: 'quote'; text: string; line: number }
  | { kind: 'item'; text: string; line: number }
  | { kind: 'image'; src: string; alt: string; title: string | null; line: number };

/** An article as loaded from disk: front matter validated, markdown parsed. */
export interface Article {
  /** Unique within a digest; from front matter `slug` or the file name. */
  slug: string;
  /** The path it was read from, as given, for messages. */
  file: string;
  title: string;
  url: string;
  /** Publication date, YYYY-MM-DD. */
  date: string;
  /** Milliseconds since the epoch, for ordering (date-only values are UTC midnight). */
  timestamp: number;
  author: string | null;
  source: string | null;
  /** Front matter photo, already resolved to an absolute URL. */
  image: string | null;
  imageAlt: string | null;
  caption: string | null;
  credit: string | null;
  /** Editor's overrides. */
  summary: string | null;
  pullQuote: string | null;
  pullQuoteBy: string | null;
  blocks: Block[];
}

/** An article with everything the digest shows about it. */
export interface DigestArticle {
  slug: string;
  title: string;
  url: string;
  date: string;
  author: string | null;
  source: string | null;
  /** Sentences, in article order. */
  summary: string[];
  pullQuote: PullQuote | null;
  photo: Photo | null;
}

/** One issue of the newsletter: what `digest.json` holds. */
export interface Digest {
  /** The newsletter's name. */
  title: string;
  /** Issue date, YYYY-MM-DD. */
  date: string;
  subject: string;
  preheader: string;
  articles: DigestArticle[];
}

/** A rendered issue: the MJML it compiled from, the HTML part and the text part. */
export interface RenderedDigest {
  mjml: string;
  html: string;
  text: string;
}

/** Something worth telling the user that does not stop the build. */
export interface Warning {
  code: string;
  message: string;
  file?: string;
  line?: number;
}
