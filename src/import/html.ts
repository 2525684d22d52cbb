import { Readability } from '@mozilla/readability';
import { splitCredit } from '../enrich/caption.js';
import { GazetteError } from '../errors.js';
import { normaliseSpaces, parseDocument, type DomDocument, type DomElement } from './dom.js';
import { takeLeadFigure, type LeadFigure } from './figure.js';
import { findStoryRoot, markStoryWrappers, removeFurniture, storyTextLength } from './furniture.js';
import { readMetadata, type PageMetadata } from './metadata.js';
import { keepStory } from './story-markdown.js';
import { toMarkdown } from './to-markdown.js';
import type { ImportedArticle } from './types.js';
import { absolutiseLinks } from './urls.js';

/**
 * Turn a news page into an article. Pure: the page is given as text, and
 * `options.url` (where it was fetched from) resolves relative addresses and
 * is the url of last resort. The steps, in order:
 *
 *   1. story root   the element holding the story's paragraphs, and any furniture around it marked as a wrapper (furniture.ts)
 *   2. metadata     read from the page, untouched but for those marks (metadata.ts)
 *   3. lead photo   taken out with its caption and credit (figure.ts)
 *   4. furniture    navigation, banners, ads, related boxes, sign-ups, comments, footers removed (furniture.ts)
 *   5. links        made absolute, or unlinked (urls.ts)
 *   6. story        found by Readability, else the story root
 *   7. markdown     by turndown (to-markdown.ts)
 *   8. leftovers    label lines, teasers, repeats of headline, byline and caption dropped (story-markdown.ts)
 */
export function importHtml(html: string, options: { url?: string } = {}): ImportedArticle {
  const doc = parseDocument(html);
  const storyRoot = findStoryRoot(doc);
  markStoryWrappers(storyRoot);
  const meta = readMetadata(doc, options);
  const lead = takeLeadFigure(doc, storyRoot, meta.image, meta.base);
  removeFurniture(doc, storyRoot);
  absolutiseLinks(doc.body ?? doc.documentElement, meta.base);

  const story = storyHtml(doc, storyRoot);
  const title = meta.title ?? story.title;
  if (!title) {
    throw new GazetteError('IMPORT_MISSING_FIELD', 'the page has no headline (no JSON-LD headline, og:title, <title> or <h1>)', {
      fix: 'check that the file is the story page itself, or import the story as a text paste with its headline on the first line',
    });
  }
  const photo = photoFields(lead, meta);
  const body = keepStory(toMarkdown(story.html), { title, author: meta.author, caption: photo.caption, credit: photo.credit });
  if (!body) {
    throw new GazetteError('IMPORT_EMPTY', 'no story text was found on the page', {
      fix: 'check that the page is the article itself and not an index, a paywall or a page that builds itself with JavaScript; or paste the story as text',
    });
  }
  return { title, url: meta.url, date: meta.date, author: meta.author, source: meta.source, ...photo, body };
}

/**
 * The story's HTML, as Readability finds it in the cleaned page. Where it
 * finds nothing, or much less than the story root holds (it can mistake a
 * short story for a teaser), the story root is used instead.
 */
function storyHtml(doc: DomDocument, storyRoot: DomElement | null): { html: string; title: string | null } {
  const rootHtml = storyRoot?.parentNode ? storyRoot.outerHTML : null;
  const rootText = storyRoot?.parentNode ? storyTextLength(storyRoot) : 0;
  let parsed: ReturnType<Readability['parse']> = null;
  try {
    parsed = new Readability(doc, { charThreshold: 250 }).parse();
  } catch {
    parsed = null;
  }
  const content = parsed?.content ?? '';
  const found = (parsed?.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  const html = rootHtml && (found === 0 || found < rootText * 0.6) ? rootHtml : content || (doc.body ? doc.body.innerHTML : '');
  return { html, title: normaliseSpaces(parsed?.title ?? '') || null };
}

function photoFields(lead: LeadFigure | null, meta: PageMetadata): Pick<ImportedArticle, 'image' | 'imageAlt' | 'caption' | 'credit'> {
  if (lead) {
    const fromMeta = lead.caption === null && lead.image === meta.image ? splitCredit(meta.imageCaption ?? '') : null;
    return {
      image: lead.image,
      imageAlt: lead.alt ?? (lead.image === meta.image ? meta.imageAlt : null),
      caption: lead.caption ?? fromMeta?.caption ?? null,
      credit: lead.credit ?? fromMeta?.credit ?? (lead.image === meta.image ? meta.imageCredit : null),
    };
  }
  if (!meta.image) return { image: null, imageAlt: null, caption: null, credit: null };
  const split = splitCredit(meta.imageCaption ?? '');
  return { image: meta.image, imageAlt: meta.imageAlt, caption: split.caption, credit: meta.imageCredit ?? split.credit };
}
