import type { Rule } from './email.js';
import type { ArticleCost } from './types.js';

/** Gmail clips a message at about 102 KB, hiding the rest: the footer and its unsubscribe link. */
export const SIZE_WARNING = 80 * 1024;
export const SIZE_ERROR = 100 * 1024;

/** How many of the costliest articles a size finding names. */
const NAMED = 3;

/** The HTML part against Gmail's clipping: a warning above 80 KB, an error above 100 KB. */
export const size: Rule = ({ input }) => {
  const bytes = Buffer.byteLength(input.html);
  if (bytes <= SIZE_WARNING) return [];
  const over = bytes > SIZE_ERROR;
  return [
    {
      level: over ? 'error' : 'warning',
      rule: 'size',
      message: `the HTML is ${kb(bytes)}: Gmail clips emails over about 102 KB, hiding the footer and the unsubscribe link${over ? '' : ' (warning above 80 KB)'}`,
      where: costliest(input.articleCosts),
      fix: 'leave articles out (--limit N or --since DATE), or shorten summaries (summary.words in the config)',
    },
  ];
};

function costliest(costs: readonly ArticleCost[] | undefined): string | undefined {
  if (!costs || costs.length === 0) return undefined;
  const top = [...costs].sort((a, b) => b.bytes - a.bytes).slice(0, NAMED);
  return `costliest: ${top.map((a) => `${a.slug} ${kb(a.bytes)}`).join(', ')}`;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
