import type { Element } from 'domhandler';
import { attr, inlineStyle, whereIs, type Rule } from './email.js';
import type { Finding } from './types.js';

/** Spacers and tracking pixels: too small to show anything, so they need no description. */
const TINY_PX = 3;
const SPACER_NAME = /(?:^|[/_.-])(?:spacer|pixel|blank|transparent|clear|1x1)(?:[_.-]|\.\w+$|$)/i;

/**
 * Every image has an `alt`: screen readers and inboxes that block images
 * show it instead. `alt=""` says "decorative", which a photo is not.
 */
export const imgAlt: Rule = (email) => {
  const findings: Finding[] = [];
  for (const img of email.elements('img')) {
    const alt = attr(img, 'alt');
    if (alt === undefined) {
      findings.push({
        level: 'error',
        rule: 'img-alt',
        message: 'image without alt text: screen readers read out its file name, and inboxes that block images show nothing',
        where: whereIs(email, img),
        fix: 'give it alt="…" describing the picture (image_alt in the article front matter), or alt="" if it is decorative',
      });
    } else if (alt.trim() === '' && !isSpacer(img)) {
      findings.push({
        level: 'warning',
        rule: 'img-alt',
        message: 'image with empty alt text, which marks it as decorative',
        where: whereIs(email, img),
        fix: 'describe the picture in alt="…" unless it really is decoration',
      });
    }
  }
  return findings;
};

function isSpacer(img: Element): boolean {
  const style = inlineStyle(img);
  const px = (name: string): number => Number.parseFloat(attr(img, name) ?? style.get(name) ?? 'NaN');
  const width = px('width');
  const height = px('height');
  if ((width <= TINY_PX && height <= TINY_PX) || width === 0 || height === 0) return true;
  const src = attr(img, 'src') ?? '';
  return SPACER_NAME.test(src.split(/[?#]/)[0] ?? '');
}
