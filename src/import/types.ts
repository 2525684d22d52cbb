/**
 * What an importer makes of one source (an HTML page or a raw text paste),
 * before it is written as article markdown. Fields the source does not have
 * are null; `url` and `date` may then come from --url / --date.
 */
export interface ImportedArticle {
  title: string;
  /** Canonical address of the story. */
  url: string | null;
  /** Publication date as YYYY-MM-DD, or ISO 8601 with time when the source gives one. */
  date: string | null;
  author: string | null;
  /** The outlet, e.g. "The Harbour Herald". */
  source: string | null;
  /** The lead photo: absolute URL. */
  image: string | null;
  imageAlt: string | null;
  caption: string | null;
  /** As written, label included: "Photo: Dana Okafor/Coastline Press". */
  credit: string | null;
  /**
   * The story as markdown: paragraphs separated by blank lines, `## ` headings,
   * `> ` block quotes and `- ` lists where the source has them. Never the lead
   * photo or its caption (those are in the fields above), never site furniture.
   */
  body: string;
}
