import type { Element } from 'domhandler';
import { firstText, type Email } from './email.js';

/** A compatibility finding accepted after review, with the reason it is harmless. */
export interface AllowEntry {
  /** The feature title as caniemail names it. */
  title: string;
  reason: string;
  /** Accept it only on these elements; found anywhere else it is reported as usual. */
  only?: { what: string; elements: (email: Email) => Element[] };
}

const preheader = {
  what: 'the hidden preheader',
  elements: (email: Email): Element[] => {
    const hider = email.body && firstText(email.body)?.hiddenBy;
    return hider ? [hider] : [];
  },
};

/** Why rules in <style> blocks may be dropped. */
const inlined = 'MJML also inlines what the layout needs';

/**
 * What MJML (and our templates) emit on purpose although caniemail marks it
 * unsupported somewhere in Gmail, Outlook, Apple Mail or Yahoo. Each entry was
 * reviewed against the rendered sample digest: the client that drops the
 * feature shows the email as intended without it. Partial support is only
 * reported as info, so only features with no support somewhere are listed.
 * (Outlook conditional comments, mso-* properties and dark-mode queries are
 * not listed: caniemail does not flag them in these clients.)
 */
export const ALLOWED: readonly AllowEntry[] = [
  { title: '<style> element', reason: `only MJML's resets, column widths and our link colours; ${inlined}` },
  { title: 'Type selector', reason: `in <style> only (resets, "h2 a"); ${inlined}` },
  { title: 'Class selector', reason: `in <style> only (.mj-column-per-*); ${inlined}` },
  { title: 'ID selector', reason: `only MJML's "#outlook a" reset, for Outlook.com` },
  { title: 'Descendant combinator', reason: `in <style> only ("#outlook a", "h2 a"); ${inlined}` },
  { title: 'Chaining selectors', reason: `only MJML's mobile and Thunderbird width rules; ${inlined}` },
  { title: '@media', reason: 'responsive column widths; without them columns stack, and Outlook gets conditional tables' },
  { title: 'display:none', reason: 'hides the preheader; font-size, max-height and opacity back it up', only: preheader },
  { title: 'opacity', reason: 'a fallback that hides the preheader', only: preheader },
  { title: 'max-height property', reason: 'a fallback that hides the preheader', only: preheader },
  { title: 'overflow', reason: 'a fallback that hides the preheader', only: preheader },
  { title: '<body> element', reason: 'MJML repeats the body background on a wrapper <div> (caniemail also counts <tbody>)' },
  { title: 'word-spacing', reason: 'MJML sets it to normal, which is what a client that ignores it shows' },
  { title: 'word-break', reason: 'lets long URLs wrap in text cells; ignored, they overflow as they would anyway' },
  { title: 'height property', reason: 'only height:auto on images, which Yahoo\'s min-height:auto leaves as is' },
  { title: 'outline', reason: 'only outline:none on images in MJML\'s reset; images have no outline anyway' },
  { title: 'border-spacing', reason: 'MJML\'s image tables also set cellspacing="0", which Outlook honours' },
  { title: 'target attribute', reason: 'target="_blank" on linked images; those clients open a new window anyway' },
  { title: 'role attribute', reason: 'role="presentation" on layout tables helps screen readers, costs nothing if dropped' },
  { title: 'aria-label attribute', reason: 'labels the email wrapper with the subject; dropped, only that label is lost' },
];
