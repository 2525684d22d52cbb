import type { Rule } from './email.js';

/**
 * MJML's Outlook conditional comments (<!--[if mso]>) carry the fixed-width
 * tables Outlook for Windows needs, since it ignores max-width and inline
 * blocks. A minifier or sanitiser that strips comments breaks Outlook.
 */
export const outlook: Rule = ({ input }) => {
  if (/<!--\[if\s[^\]]*mso/i.test(input.html)) return [];
  return [
    {
      level: 'warning',
      rule: 'outlook',
      message: 'no Outlook conditional comments (<!--[if mso]>): Outlook for Windows will ignore the layout widths',
      where: '<body>',
      fix: 'keep comments when minifying after MJML (gazette\'s own minifier keeps them)',
    },
  ];
};
