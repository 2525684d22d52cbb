import type { Config } from '../config/schema.js';
import type { Digest } from '../types.js';

export type Level = 'error' | 'warning' | 'info';

/** One thing `check` found. */
export interface Finding {
  level: Level;
  /** Stable id of the rule, e.g. "size", "img-alt", "link-scheme", "compat". */
  rule: string;
  message: string;
  /** Where: a template file and line, an element, an article, a client list. */
  where?: string;
  /** What to do about it. */
  fix?: string;
}

export interface CheckReport {
  findings: Finding[];
  errors: number;
  warnings: number;
  /** HTML size in bytes. */
  htmlBytes: number;
}

/** What is checked: the rendered parts, and the digest and config when known. */
export interface CheckInput {
  html: string;
  text?: string;
  digest?: Digest;
  config?: Config;
  /**
   * What each article adds to the HTML, when measured (see `measureArticleCosts`):
   * the size rule names the costliest ones.
   */
  articleCosts?: readonly ArticleCost[];
}

/** The bytes an article adds to the HTML: the full render minus a render without it. */
export interface ArticleCost {
  slug: string;
  title: string;
  bytes: number;
}
