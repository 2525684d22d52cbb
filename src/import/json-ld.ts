import { all, decodeEntities, normaliseSpaces, type DomDocument } from './dom.js';

type Json = null | boolean | number | string | Json[] | JsonObject;
interface JsonObject {
  [key: string]: Json;
}

/** What a page's JSON-LD says about its article; each field as written, or null. */
export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  /** The people who wrote it; an organisation given as author is the outlet, in `authorOrganizations`. */
  authors: string[];
  authorOrganizations: string[];
  publisher: string | null;
  image: string | null;
  imageCaption: string | null;
  imageCredit: string | null;
  url: string | null;
}

/**
 * Read the article described in the page's JSON-LD blocks. Blocks may hold
 * one object, an array, or an `@graph`; the article may sit inside another
 * node (a WebPage's `mainEntity`), and its author, publisher and image may be
 * `{"@id": …}` references to other nodes, as WordPress SEO plugins write them.
 * Blocks that are not valid JSON are skipped.
 */
export function readJsonLd(doc: DomDocument): JsonLdArticle | null {
  const nodes: JsonObject[] = [];
  for (const script of all(doc, 'script')) {
    if (!/^application\/ld\+json\b/i.test(script.getAttribute('type')?.trim() ?? '')) continue;
    const value = parseJson(script.textContent ?? '');
    if (value !== undefined) collect(value, nodes);
  }
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    const id = node['@id'];
    if (typeof id === 'string' && Object.keys(node).length > 1 && !byId.has(id)) byId.set(id, node);
  }
  const articles = nodes.filter((n) => types(n).some(isArticleType));
  const article = articles.find((n) => text(n.headline) ?? text(n.name)) ?? articles[0];
  if (!article) return null;
  const deref = (value: Json | undefined): Json | undefined => {
    if (isObject(value) && typeof value['@id'] === 'string') return byId.get(value['@id']) ?? value;
    return value;
  };
  const image = firstImage(article.image, deref);
  // Where the article credits only its outlet, a person may still be named by its creator or by another article or page node (never an image's author: that is the photographer).
  const others = nodes.filter((n) => n !== article && types(n).some((t) => isArticleType(t) || /WebPage$/.test(t)));
  const credited = [article.author, article.creator, ...others.map((n) => n.author)];
  const isOrganization = (value: Json | undefined): boolean => {
    const node = deref(value);
    return isObject(node) && types(node).some((t) => ORGANIZATION_TYPES.test(t));
  };
  const people = credited.map((value) => names(value, deref, (item) => !isOrganization(item))).find((list) => list.length > 0) ?? [];
  return {
    headline: text(article.headline) ?? text(article.name),
    datePublished: text(article.datePublished) ?? text(article.dateCreated),
    authors: people,
    authorOrganizations: names(article.author, deref, isOrganization),
    publisher: names(article.publisher, deref)[0] ?? null,
    image: image?.url ?? null,
    imageCaption: image?.caption ?? null,
    imageCredit: image?.credit ?? null,
    url: address(article.url) ?? address(article.mainEntityOfPage),
  };
}

/** JSON.parse, forgiving what CMS templates often get wrong: raw line breaks in strings, trailing commas, comment wrappers. */
function parseJson(source: string): Json | undefined {
  const trimmed = source.trim().replace(/^<!--|-->$/g, '').replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '');
  for (const candidate of [trimmed, trimmed.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([\]}])/g, '$1')]) {
    try {
      return JSON.parse(candidate) as Json;
    } catch {
      // try the repaired text next
    }
  }
  return undefined;
}

/** Every object in the value, nested ones included, in document order; with a stack, as a page may nest its JSON thousands deep. */
function collect(value: Json, out: JsonObject[]): void {
  const pending: Json[] = [value];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) pending.push(item[i] ?? null);
    } else if (isObject(item)) {
      out.push(item);
      const children = Object.entries(item).filter(([key]) => key !== '@context');
      for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]?.[1] ?? null);
    }
  }
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "@type" as a list of bare names ("schema:NewsArticle" and "https://schema.org/NewsArticle" → "NewsArticle"). */
function types(node: JsonObject): string[] {
  const value = node['@type'];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, ''));
}

/** schema.org's Organization and its kinds (NewsMediaOrganization, Corporation, NGO…), and the other things a site names itself as. */
const ORGANIZATION_TYPES = /Organi[sz]ation$|^(?:Corporation|NGO|Consortium|Brand|WebSite|LocalBusiness|OnlineBusiness|Airline|LibrarySystem|FundingScheme|Project|PoliticalParty|PerformingGroup|WorkersUnion|Newspaper|Periodical)$/;

function isArticleType(type: string): boolean {
  return /(?:Article|BlogPosting|Report)$/.test(type) || type === 'LiveBlogPosting' || type === 'SocialMediaPosting';
}

function text(value: Json | undefined): string | null {
  if (typeof value !== 'string') return null;
  return normaliseSpaces(decodeEntities(value)) || null;
}

/** Names of people or organisations: a string, an object with a name, or a list of either; only the items `keep` keeps. */
function names(value: Json | undefined, deref: (v: Json | undefined) => Json | undefined, keep: (item: Json) => boolean = () => true): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const out: string[] = [];
  for (const item of list) {
    if (!keep(item)) continue;
    const node = deref(item);
    let name: string | null = null;
    if (typeof node === 'string') name = text(node);
    else if (isObject(node)) {
      name = text(node.name) ?? ([text(node.givenName), text(node.familyName)].filter(Boolean).join(' ') || null);
    }
    if (name && !/^https?:\/\//i.test(name) && !out.includes(name)) out.push(name);
  }
  return out;
}

interface JsonLdImage {
  url: string;
  caption: string | null;
  credit: string | null;
}

/** The first image: a URL string, an ImageObject (or a reference to one), or a list of either. */
function firstImage(value: Json | undefined, deref: (v: Json | undefined) => Json | undefined): JsonLdImage | null {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  for (const item of list) {
    const node = deref(item);
    if (typeof node === 'string' && node.trim()) return { url: node.trim(), caption: null, credit: null };
    if (!isObject(node)) continue;
    const url = address(node.url) ?? address(node.contentUrl) ?? (typeof node['@id'] === 'string' && /^https?:/.test(node['@id']) && /\.(?:jpe?g|png|webp|gif|avif)\b/i.test(node['@id']) ? node['@id'] : null);
    if (!url) continue;
    const credit = text(node.creditText) ?? names(node.copyrightHolder, deref)[0] ?? names(node.author, deref)[0] ?? null;
    return { url, caption: text(node.caption) ?? text(node.description), credit };
  }
  return null;
}

/** An address given as a string or as a node's `@id` / `url`. */
function address(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (isObject(value)) {
    const id = value['@id'] ?? value.url;
    return typeof id === 'string' && id.trim() ? id.trim() : null;
  }
  if (Array.isArray(value)) {
    let inner: Json | undefined = value;
    while (Array.isArray(inner)) inner = inner[0];
    return address(inner);
  }
  return null;
}
