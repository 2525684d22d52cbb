/**
 * Size limits on what gazette reads, in bytes. Here rather than beside the
 * readers so that the config schema (which everything imports) and the
 * loaders share one number without either importing the other.
 */

/** The default of `limits.articleBytes`: far above any real article, far below what makes a build slow. */
export const DEFAULT_ARTICLE_BYTES = 2 * 1024 * 1024;

/** The most `limits.articleBytes` may be raised to: past it a build takes minutes and gigabytes. */
export const MAX_ARTICLE_BYTES = 64 * 1024 * 1024;
