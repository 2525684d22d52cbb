import { TEXT_WIDTH, columns } from '../render/wrap.js';
import type { Rule } from './email.js';
import { TEXT_URL } from './text-part.js';

/** Line numbers named in a finding; the rest are counted. */
const NAMED = 5;

/**
 * Plain-text lines fit in 78 columns (RFC 5322's advice, and what text mail
 * clients show without wrapping mid-word), except where a URL makes them
 * longer: a URL is never broken, so it stays clickable.
 */
export const textWidth: Rule = ({ input }) => {
  if (!input.text) return [];
  const long: number[] = [];
  input.text.split(/\r?\n/).forEach((line, i) => {
    if (columns(line) > TEXT_WIDTH && columns(line.replace(TEXT_URL, '')) > TEXT_WIDTH) long.push(i + 1);
  });
  if (long.length === 0) return [];
  const named = long.slice(0, NAMED).join(', ');
  return [
    {
      level: 'warning',
      rule: 'text-width',
      message: `${long.length} line${long.length === 1 ? '' : 's'} of the text part ${long.length === 1 ? 'is' : 'are'} over ${TEXT_WIDTH} columns, so text clients wrap ${long.length === 1 ? 'it' : 'them'} mid-phrase`,
      where: `index.txt line${long.length === 1 ? '' : 's'} ${named}${long.length > NAMED ? ` and ${long.length - NAMED} more` : ''}`,
      fix: 'wrap the text part at 78 columns (gazette\'s own text part does)',
    },
  ];
};
