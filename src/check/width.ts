import { inlineStyle, type Rule } from './email.js';

/** The width every client lays out well, Outlook's reading pane included. */
const CONVENTION = 600;

/** A container capped at 600px, so lines stay readable on wide screens and Outlook's pane. */
export const width: Rule = (email) => {
  const widths = email.elements('*').flatMap((el) => {
    const px = /^(\d+(?:\.\d+)?)px$/.exec(inlineStyle(el).get('max-width') ?? '')?.[1];
    return px === undefined || Number(px) === 0 ? [] : [Number(px)];
  });
  if (widths.includes(CONVENTION)) return [];
  const widest = Math.max(0, ...widths);
  if (widest > 0) {
    return [{ level: 'info', rule: 'width', message: `the content is at most ${widest}px wide; ${CONVENTION}px is the width every client shows well`, where: `max-width:${widest}px` }];
  }
  return [
    {
      level: 'warning',
      rule: 'width',
      message: `no container with a max-width in px: on wide screens lines run the full width of the window`,
      where: '<body>',
      fix: `wrap the content in a max-width:${CONVENTION}px container (<mj-body width="${CONVENTION}px">)`,
    },
  ];
};
