import { splitCredit } from '../enrich/caption.js';
import { all, flowText, normaliseSpaces, textOf, type DomDocument, type DomElement } from './dom.js';
import { AWAY_FROM_STORY, furnitureKind, insideFurniture } from './furniture.js';
import { absoluteUrl, imageSource } from './urls.js';

/** The story's lead photo as the page shows it. */
export interface LeadFigure {
  /** Absolute address. */
  image: string;
  alt: string | null;
  caption: string | null;
  /** As written, label included. */
  credit: string | null;
}

const CAPTION = 'figcaption, [class*="caption"], [class*="Caption"], [class*="cutline"], [itemprop="caption"], [itemprop="description"]';
const CREDIT = '[class*="credit"], [class*="Credit"], [class*="copyright"], [class*="photographer"], [class*="attribution"], [class*="source"], [itemprop="copyrightHolder"], [itemprop="creditText"], [itemprop="author"], small, cite';
const NOT_A_PHOTO = /avatar|logo|icon|sprite|spinner|placeholder|author|profile|badge|emoji|pixel|tracking|headshot|mugshot/i;

interface Candidate {
  img: DomElement;
  src: string;
  /** The image with the wrappers that belong to it (figure, picture, link, caption box). */
  frame: DomElement;
  /** A caption printed just after the frame rather than inside it. */
  after: DomElement | null;
}

/**
 * Find the lead photo, take it out of the page and return it with its caption
 * and credit. The lead is the image the page's metadata names as its image,
 * else the first photo of the story (near its top when the metadata names a
 * different one). Its caption is the figure's <figcaption> or caption box, or
 * a caption paragraph printed right under it; the credit is the caption's
 * credit element ("<span class=credit>") or is split off its text as the build
 * does. Photos in related boxes, avatars and logos are never the lead.
 */
export function takeLeadFigure(doc: DomDocument, storyRoot: DomElement | null, metaImage: string | null, base: string | null): LeadFigure | null {
  const candidates = findCandidates(doc, base);
  const region = storyRegion(storyRoot);
  const inRegion = candidates.filter((c) => region?.contains(c.frame) ?? true);
  let lead = metaImage ? candidates.find((c) => sameImage(c.src, metaImage)) : undefined;
  if (!lead) {
    const firstInRegion = inRegion[0];
    if (firstInRegion && (!metaImage || paragraphsBefore(doc, storyRoot, firstInRegion.frame) <= 3)) lead = firstInRegion;
  }
  if (!lead) return null;
  const { caption, credit } = captionOf(lead);
  const alt = normaliseSpaces(lead.img.getAttribute('alt') ?? '') || null;
  lead.after?.remove();
  lead.frame.remove();
  return { image: metaImage && sameImage(lead.src, metaImage) ? metaImage : lead.src, alt, caption, credit };
}

function findCandidates(doc: DomDocument, base: string | null): Candidate[] {
  const out: Candidate[] = [];
  for (const img of all(doc.body ?? doc.documentElement, 'img')) {
    const src = absoluteUrl(imageSource(img), base);
    if (!src || /\.svg(?:$|\?)/i.test(src)) continue;
    const width = Number(img.getAttribute('width') ?? '0');
    const height = Number(img.getAttribute('height') ?? '0');
    if ((width > 0 && width < 150) || (height > 0 && height < 100)) continue;
    // Skyscrapers and leaderboards: photos are not that tall or that wide.
    if (width > 0 && height > 0 && (height / width > 2 || width / height > 4)) continue;
    if (NOT_A_PHOTO.test(`${img.className} ${img.getAttribute('alt') ?? ''} ${src}`) || insideFurniture(img, AWAY_FROM_STORY)) continue;
    const frame = frameOf(img);
    out.push({ img, src, frame, after: captionAfter(frame) });
  }
  return out;
}

/** The figure around an image, or the wrappers (picture, link, caption box) that hold it and nothing but its caption. */
function frameOf(img: DomElement): DomElement {
  const figure = img.closest('figure');
  if (figure) return figure;
  let frame = img;
  for (let parent = img.parentElement; parent && parent.localName !== 'body' && parent.localName !== 'article'; parent = parent.parentElement) {
    if (all(parent, 'img').length > 1 || textOutsideCaptions(parent).length > 0) break;
    frame = parent;
  }
  return frame;
}

function textOutsideCaptions(el: DomElement): string {
  let text = textOf(el);
  for (const caption of all(el, CAPTION)) text = text.replace(textOf(caption), '');
  return text.trim();
}

/** A caption printed as the element after the image: a caption-classed box, or a short line in italics or small print. */
function captionAfter(frame: DomElement): DomElement | null {
  if (all(frame, CAPTION).length > 0) return null;
  const next = frame.nextElementSibling;
  if (!next || all(next, 'img').length > 0) return null;
  const text = textOf(next);
  if (!text || text.split(' ').length > 60) return null;
  if (next.matches(CAPTION)) return next;
  const wholly = next.children.length === 1 && next.firstElementChild !== null && /^(?:em|i|small)$/.test(next.firstElementChild.localName) && textOf(next.firstElementChild) === text;
  return wholly ? next : null;
}

/**
 * Caption and credit of the lead photo. Text hidden from sighted readers
 * ("Image caption, " for screen readers) is not part of either. The credit is
 * a credit element, else what the figure prints outside its caption box (a
 * short line such as "Getty Images"), else split off the caption's text.
 */
function captionOf(lead: Candidate): { caption: string | null; credit: string | null } {
  const box = lead.after ?? all(lead.frame, CAPTION).find((el) => !el.matches(CREDIT)) ?? null;
  const creditEl = [...all(lead.frame, CREDIT), ...(lead.after ? all(lead.after, CREDIT) : [])].find((el) => el !== box && shownText(el) && !el.contains(lead.img));
  const text = box ? shownText(box, creditEl) : '';
  let credit = creditEl ? shownText(creditEl) : '';
  if (!credit && box && lead.frame.contains(box)) {
    const outside = shownText(lead.frame, box);
    if (outside.split(' ').length <= 12) credit = outside;
  }
  if (!credit) return splitCredit(text);
  const caption = text.replace(/[\s|—–(\[-]+$/u, '').trim();
  credit = credit.replace(/^[(\[]\s*|\s*[)\]]$/g, '').replace(/\.$/, '');
  return { caption: caption || null, credit: credit || null };
}

/** The text a sighted reader sees in an element, leaving out `except` and anything hidden. */
function shownText(el: DomElement, except: DomElement | null = null): string {
  return normaliseSpaces(flowText(el, ' ', (node) => node === except || furnitureKind(node) === 'hidden'));
}

/** The element around the story where its photo sits: its <article> or <main>, else its parent. */
function storyRegion(storyRoot: DomElement | null): DomElement | null {
  if (!storyRoot) return null;
  return storyRoot.closest('article, main, [role="main"]') ?? storyRoot.parentElement ?? storyRoot;
}

/** How many story paragraphs come before the element in the page. */
function paragraphsBefore(doc: DomDocument, storyRoot: DomElement | null, el: DomElement): number {
  if (!storyRoot) return 0;
  const order = new Map(all(doc.documentElement, '*').map((node, i) => [node, i] as const));
  const at = order.get(el) ?? 0;
  return all(storyRoot, 'p').filter((p) => (order.get(p) ?? 0) < at && textOf(p).length > 40).length;
}

/** The same picture, perhaps at another size: paths equal once size suffixes and queries are ignored. */
function sameImage(a: string, b: string): boolean {
  return imageKey(a) === imageKey(b);
}

function imageKey(url: string): string {
  try {
    const { pathname } = new URL(url);
    return decodeURIComponent(pathname)
      .toLowerCase()
      .replace(/\.(?:jpe?g|png|webp|gif|avif)$/, '')
      .replace(/(?:[-_@](?:\d+x\d+|\d+w|\d+x|w\d+|h\d+|large|medium|small|thumb|thumbnail|full|scaled|original|hero|lead|social|og))+$/g, '')
      .replace(/^.*\//, '');
  } catch {
    return url;
  }
}
