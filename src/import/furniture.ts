import { all, isElement, normaliseSpaces, textOf, TEXT_NODE, type DomDocument, type DomElement } from './dom.js';

/**
 * What a news page puts around its story, recognised by structure before
 * Readability runs: the tags, ARIA roles, class and id words and labels that
 * sites use for navigation, consent banners, share bars, ads, related boxes,
 * sign-ups, comments and footers. Text rules come later (leftovers.ts); this
 * catches what has a name.
 */
export type FurnitureKind =
  | 'navigation'
  | 'consent'
  | 'share'
  | 'ad'
  | 'related'
  | 'signup'
  | 'comments'
  | 'footer'
  | 'byline'
  | 'media'
  | 'popup'
  | 'hidden';

const WORDS: Record<FurnitureKind, readonly string[]> = {
  navigation: ['nav', 'navbar', 'navigation', 'menu', 'menubar', 'breadcrumb', 'breadcrumbs', 'masthead', 'skiplink', 'skip', 'topbar', 'header', 'pagination', 'pager', 'toc', 'search'],
  consent: ['cookie', 'cookies', 'consent', 'gdpr', 'cmp'],
  share: ['share', 'shares', 'sharing', 'sharebar', 'sharedaddy', 'addthis', 'sharethis', 'social', 'socials', 'print', 'toolbar', 'actions', 'follow', 'reactions', 'bookmark'],
  ad: ['ad', 'ads', 'advert', 'adverts', 'advertisement', 'advertising', 'adslot', 'adunit', 'adsense', 'adsbygoogle', 'dfp', 'gpt', 'mpu', 'leaderboard', 'skyscraper', 'billboard', 'sponsor', 'sponsored', 'sponsors', 'sponsorship', 'promo', 'promos', 'promoted', 'promotion', 'partner', 'commercial', 'outbrain', 'taboola'],
  related: ['leftcol', 'rightcol', 'leftcolumn', 'rightcolumn', 'sidecol', 'sidecolumn', 'leftrail', 'rightrail', 'sidebox', 'related', 'relatedposts', 'recommended', 'recommendations', 'recommend', 'recirc', 'recirculation', 'trending', 'popular', 'mostread', 'mostpopular', 'teaser', 'teasers', 'readmore', 'morestories', 'morefrom', 'moreon', 'seealso', 'alsoread', 'readnext', 'upnext', 'sidebar', 'rail', 'widget', 'widgets', 'headlines'],
  signup: ['newsletter', 'newsletters', 'signup', 'subscribe', 'subscription', 'subscriptions', 'paywall', 'regwall', 'registration', 'donate', 'donation', 'membership', 'login', 'account'],
  comments: ['comment', 'comments', 'disqus', 'discussion', 'respond', 'replies', 'coral'],
  footer: ['footer', 'colophon', 'copyright'],
  byline: ['byline', 'bylines', 'author', 'authors', 'authorbox', 'bio', 'biography', 'dateline', 'timestamp', 'meta', 'published', 'updated', 'tags', 'tag', 'topics', 'keywords', 'categories'],
  media: ['video', 'player', 'audio', 'podcast', 'embed', 'twitter', 'tweet', 'instagram', 'facebook', 'youtube', 'caption', 'credit', 'pullquote', 'slideshow', 'carousel', 'gallery'],
  popup: ['modal', 'popup', 'overlay', 'dialog', 'interstitial', 'lightbox', 'toast'],
  hidden: ['hidden', 'hide', 'invisible', 'offscreen', 'visuallyhidden', 'sronly', 'screenreader', 'screenreadertext'],
};

const WORD_KIND = new Map<string, FurnitureKind>(
  (Object.entries(WORDS) as [FurnitureKind, readonly string[]][]).flatMap(([kind, words]) => words.map((w) => [w, kind] as const)),
);

/** "adbox", "adslot2", "adsWrapper": ad words glued to a container word. */
const AD_COMPOUND = /^(?:ad|ads|advert)(?:box|slot|unit|wrap|wrapper|container|banner|space|zone|block|holder|area|label|spot|tag|top|bottom|inline|rail|\d+)$/;

/** Class names that say "this is the story itself", which a furniture word beside them does not overrule. */
const CONTENT_WORDS = new Set(['article', 'story', 'entry', 'post', 'main', 'page', 'content', 'body', 'text', 'prose', 'rich', 'single']);
const CONTENT_CORE = new Set(['content', 'body', 'text', 'prose']);

const TAGS: Readonly<Record<string, FurnitureKind>> = {
  nav: 'navigation',
  header: 'navigation',
  menu: 'navigation',
  footer: 'footer',
  aside: 'related',
  form: 'signup',
  button: 'share',
  input: 'signup',
  select: 'signup',
  textarea: 'signup',
  label: 'signup',
  dialog: 'popup',
  iframe: 'media',
  object: 'media',
  embed: 'media',
  video: 'media',
  audio: 'media',
  canvas: 'media',
  svg: 'media',
  picture: 'media',
  img: 'media',
  figure: 'media',
  script: 'hidden',
  style: 'hidden',
  noscript: 'hidden',
  template: 'hidden',
  link: 'hidden',
  meta: 'hidden',
};

const ROLES: Readonly<Record<string, FurnitureKind>> = {
  navigation: 'navigation',
  banner: 'navigation',
  search: 'navigation',
  menu: 'navigation',
  menubar: 'navigation',
  tablist: 'navigation',
  toolbar: 'share',
  contentinfo: 'footer',
  complementary: 'related',
  dialog: 'popup',
  alertdialog: 'popup',
};

/** Attributes whose values name a page component the way a class does. */
const NAMING_ATTRIBUTES = ['data-component', 'data-module', 'data-type', 'data-testid', 'data-block', 'data-role', 'data-region'];

/** Split class names and ids into lower-case words ("adSlot-top" → ad, slot, top), with neighbouring pairs joined ("read-more" → readmore). */
function nameWords(names: string): string[] {
  const words: string[] = [];
  for (const token of names.split(/\s+/)) {
    const parts = token
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    words.push(...parts);
    for (let i = 0; i + 1 < parts.length; i++) words.push(`${parts[i]}${parts[i + 1]}`);
    if (parts.length > 2) words.push(parts.join(''));
  }
  return words;
}

/** A class token made only of content words ("entry-content", "article__body"): the story's own container. */
function isContentToken(token: string): boolean {
  const parts = token.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  return parts.length > 0 && parts.every((p) => CONTENT_WORDS.has(p)) && parts.some((p) => CONTENT_CORE.has(p));
}

/** "hidden-xs", "hide-on-mobile", "d-none d-md-block": hidden on some screens only, shown on others. */
const RESPONSIVE = /(?:^|[-_])(?:xs|sm|md|lg|xl|xxl|mobile|desktop|tablet|phone|print|small|medium|large|narrow|wide)(?:$|[-_])|^d-none$/i;

function kindOfNames(names: string): FurnitureKind | null {
  if (!names.trim()) return null;
  const tokens = names.split(/\s+/);
  if (tokens.some(isContentToken)) return null;
  const words = nameWords(tokens.filter((t) => !RESPONSIVE.test(t)).join(' '));
  for (const word of words) {
    const kind = WORD_KIND.get(word) ?? (AD_COMPOUND.test(word) ? 'ad' : undefined);
    if (kind) return kind;
  }
  return null;
}

const LABEL = /^(?:advertisement|advertising|ads?|sponsored|share|sharing|share this|social|related|related (?:articles|stories|content|links)|more stories|recommended|newsletter|sign ?up|subscribe|comments|cookie|cookies|cookie consent|footer|breadcrumbs?|site navigation|navigation|main menu|menu|most read|trending)\b/i;

/**
 * Which kind of furniture an element is by its own markup, or null when
 * nothing about it says so. Ancestors are not looked at.
 */
export function furnitureKind(el: DomElement): FurnitureKind | null {
  if (el.hasAttribute(WRAPPER)) return null;
  const tag = el.localName.toLowerCase();
  const byTag = TAGS[tag];
  if (byTag) return byTag;
  const role = (el.getAttribute('role') ?? '').toLowerCase().trim();
  const byRole = ROLES[role];
  if (byRole) return byRole;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return 'hidden';
  const style = (el.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
  if (style.includes('display:none') || style.includes('visibility:hidden')) return 'hidden';
  // Custom elements name themselves: <amp-ad>, <share-buttons>, <gu-island name="SubNav">.
  const custom = tag.includes('-') ? ` ${tag} ${el.getAttribute('name') ?? ''}` : '';
  const byName = kindOfNames(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}${custom}`);
  if (byName) return byName;
  for (const attribute of NAMING_ATTRIBUTES) {
    const value = el.getAttribute(attribute);
    const kind = value ? kindOfNames(value) : null;
    if (kind) return kind;
  }
  if (el.getAttributeNames().some((name) => /^data-(?:ad|ads|advert|google-query-id|dfp|gpt)(?:-|$)/i.test(name))) return 'ad';
  const label = el.getAttribute('aria-label');
  if (label && LABEL.test(label.trim())) return kindOfNames(label.replace(/\s+/g, '-')) ?? 'navigation';
  return null;
}

/**
 * Whether the element sits in furniture of one of `kinds` (itself included).
 * An ancestor that holds the page's headline or main content is a wrapper,
 * not a box, whatever its name says ("has-ads" on <body>).
 */
export function insideFurniture(el: DomElement, kinds: ReadonlySet<FurnitureKind>): boolean {
  for (let node: DomElement | null = el; node; node = node.parentElement) {
    const kind = furnitureKind(node);
    if (kind && kinds.has(kind) && !holdsPage(node)) return true;
  }
  return false;
}

const PAGE_LANDMARKS = 'h1, main, [role="main"], [itemprop="articleBody"], [itemprop="headline"]';

function holdsPage(el: DomElement): boolean {
  const tag = el.localName.toLowerCase();
  if (tag === 'html' || tag === 'body' || el.querySelector(PAGE_LANDMARKS) !== null) return true;
  // Some frameworks wrap the whole page in one <form>.
  return tag === 'form' && el.querySelector('article') !== null;
}

const WRAPPER = 'data-gazette-story-wrapper';

/**
 * Mark the furniture around the story root (a share bar's container, a
 * paywall) as the wrapper it is, so that no later step takes what is inside
 * it for furniture: not the lead photo, not the story, when removing boxes.
 */
export function markStoryWrappers(storyRoot: DomElement | null): void {
  for (let node = storyRoot; node; node = node.parentElement) {
    if (furnitureKind(node)) node.setAttribute(WRAPPER, '');
  }
}

/** Kinds whose text is never the story, nor its byline or date: where metadata must not be looked for. */
export const AWAY_FROM_STORY: ReadonlySet<FurnitureKind> = new Set(['navigation', 'consent', 'ad', 'related', 'signup', 'comments', 'footer', 'popup', 'share']);

/**
 * The element that holds the story's paragraphs: the page's articleBody when
 * it marks one, else the element with the most paragraph text among its
 * children (and its grandchildren, at half weight), as Readability scores
 * them. Paragraphs inside comments, related boxes and the like do not count,
 * unless the furniture around them holds most of the page's text: then it is
 * a wrapper around the story (a share bar's container, a paywall), not a box.
 */
export function findStoryRoot(doc: DomDocument): DomElement | null {
  const marked = doc.querySelector('[itemprop="articleBody"], [property="articleBody"]');
  if (marked && storyTextLength(marked) > 200) return marked;
  const outside = bestTextHolder(doc, true);
  const anywhere = bestTextHolder(doc, false);
  if (!outside || (anywhere && anywhere.score >= 2 * outside.score && wrapsMostText(doc, anywhere.el))) return anywhere?.el ?? null;
  return outside.el;
}

/** Whether the furniture that `el` sits in holds more than half of the page's story-like text. */
function wrapsMostText(doc: DomDocument, el: DomElement): boolean {
  let wrapper: DomElement | null = null;
  for (let node: DomElement | null = el; node; node = node.parentElement) {
    const kind = furnitureKind(node);
    if (kind && AWAY_FROM_STORY.has(kind) && !holdsPage(node)) wrapper = node;
  }
  return wrapper !== null && storyTextLength(wrapper) > storyTextLength(doc.body ?? doc.documentElement) / 2;
}

function bestTextHolder(doc: DomDocument, skipFurniture: boolean): { el: DomElement; score: number } | null {
  const scores = new Map<DomElement, number>();
  for (const { holder, length } of textBlocks(doc.body ?? doc.documentElement)) {
    if (skipFurniture && insideFurniture(holder, AWAY_FROM_STORY)) continue;
    scores.set(holder, (scores.get(holder) ?? 0) + length);
    const parent = holder.parentElement;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + length / 2);
  }
  let best: { el: DomElement; score: number } | null = null;
  for (const [el, score] of scores) {
    if (score > (best?.score ?? 0)) best = { el, score };
  }
  return best;
}

const INLINE = new Set(['a', 'em', 'strong', 'b', 'i', 'u', 'span', 'font', 'small', 'sup', 'sub', 'abbr', 'cite', 'q', 'mark', 'time', 'br']);

/**
 * The runs of story-like text under an element, each with the element that
 * holds it: a paragraph's text is held by its parent; text written straight
 * into a <div> or <td> between <br>s (older CMSs) by that element.
 */
function textBlocks(root: DomElement): { holder: DomElement; length: number }[] {
  const blocks: { holder: DomElement; length: number }[] = [];
  for (const el of [root, ...all(root, 'p, div, td, section, article, main, blockquote, font')]) {
    if (el.localName === 'p') {
      const length = textOf(el).length;
      if (length >= 25 && el.parentElement) blocks.push({ holder: el.parentElement, length });
      continue;
    }
    let text = '';
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === TEXT_NODE || (isElement(child) && INLINE.has(child.localName.toLowerCase()))) text += child.textContent ?? '';
    }
    const length = normaliseSpaces(text).length;
    if (length >= 100) blocks.push({ holder: el, length });
  }
  return blocks;
}

/** How much story-like text an element holds: its paragraphs and its text between line breaks. */
export function storyTextLength(el: DomElement): number {
  return textBlocks(el).reduce((sum, block) => sum + block.length, 0);
}

/**
 * Remove furniture from the page, in place. The story's own container and
 * its ancestors are kept whatever their names say (a wrapper may be called
 * "page has-ads"), and so is any element inside the story holding most of its
 * text; everything else that is furniture goes, including boxes inside the
 * story body.
 */
export function removeFurniture(doc: DomDocument, storyRoot: DomElement | null): void {
  const storyText = storyRoot ? storyTextLength(storyRoot) : 0;
  const root = doc.body ?? doc.documentElement;
  for (const el of all(root, '*')) {
    if (!el.parentNode || !furnitureKind(el)) continue;
    if ((storyRoot && el.contains(storyRoot)) || el.querySelector('main, [role="main"], [itemprop="articleBody"]')) continue;
    if (storyRoot && storyText > 0 && storyRoot.contains(el) && storyTextLength(el) > storyText / 2) continue;
    el.remove();
  }
  for (const el of all(doc, 'head script, head style, head noscript')) el.remove();
}
