/**
 * Split a photo caption from its credit. Newsrooms write credits in a few
 * shapes, and each rule below is one of them:
 *
 *   "… on Feb. 3. Photo: Allison Joyce/AFP"     labelled  (Photo:, Credit:, Picture by, Image:, Illustration:)
 *   "… at the quay (AP Photo/Lee Marsh)"        agency photo tag
 *   "… at the quay. Dana Okafor/Coastline Press via Getty Images"   Name/Agency, "via", or a picture agency
 *   "… at the quay. Courtesy of the harbour trust"
 *
 * The credit is returned as written (label included), without brackets or a
 * final full stop; the caption keeps its own punctuation.
 */
export interface CaptionParts {
  caption: string | null;
  credit: string | null;
}

const LABEL = String.raw`(?:photo(?:graph)?s?|pictures?|images?|illustrations?|video|credits?|photo credits?|picture credits?|image credits?)`;
const LABELLED = new RegExp(String.raw`(?:^|(?<=[\s(\[|—–-]))[(\[]?(${LABEL}\s*(?::|\bby\b)\s*[^()\[\]]+?)[)\]]?\s*\.?\s*$`, 'giu');
const AP_TAG = /[(\[]?((?:AP|AFP|Reuters|EPA|AAP|CP|PA) Photo\/[^()\[\]]+?)[)\]]?\s*\.?\s*$/gu;
const COURTESY = /(?:^|(?<=[\s(\[|—–-]))[(\[]?(courtesy(?: of)? [^()\[\]]+?)[)\]]?\s*\.?\s*$/giu;
const AGENCY = /(?:Getty Images|Shutterstock|Alamy|Reuters|AFP|Associated Press|PA Wire|PA Images|EPA-EFE|iStock)$/u;

export function splitCredit(text: string): CaptionParts {
  const trimmed = text.trim();
  if (!trimmed) return { caption: null, credit: null };
  const from = creditStart(trimmed);
  for (const pattern of [LABELLED, AP_TAG, COURTESY]) {
    pattern.lastIndex = from;
    const m = pattern.exec(trimmed);
    if (m?.[1] && m.index !== undefined) return parts(trimmed.slice(0, m.index), m[1]);
  }
  const tail = trailingSegment(trimmed);
  if (tail && looksLikeAgencyCredit(tail.segment)) return parts(trimmed.slice(0, tail.start), tail.segment);
  return { caption: trimmed, credit: null };
}

/**
 * Where a credit can begin. Every pattern above runs to the end of the
 * caption with no bracket inside but its own, so it starts at or after the
 * last bracket before the caption's final one. Searching from there finds
 * the same credit without reading to the end from every "Photo:" in a
 * long caption that ends in something else.
 */
function creditStart(text: string): number {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1] ?? '')) end--;
  if (text[end - 1] === '.') end--;
  while (end > 0 && /\s/.test(text[end - 1] ?? '')) end--;
  if (text[end - 1] === ')' || text[end - 1] === ']') end--;
  let at = end - 1;
  while (at >= 0 && !'()[]'.includes(text[at] ?? '')) at--;
  return Math.max(0, at);
}

function parts(caption: string, credit: string): CaptionParts {
  // Tried only where a run of separators begins, where the match begins anyway; tried from every
  // character inside a long run, the pattern read the rest of the run each time.
  const c = caption.replace(/(?<![\s|—–-])[\s|—–-]+$/u, '').trim();
  return { caption: c || null, credit: credit.trim().replace(/\.$/, '') || null };
}

/** The last segment after a sentence end or a dash/bar separator, if short enough to be a credit. */
function trailingSegment(text: string): { segment: string; start: number } | null {
  // A separator begins with a whole run of spaces (the one before it ends only past such a run),
  // so it is tried where a run begins, not again from every space of a long run.
  const re = /(?:[.!?]["”’)]?\s+|(?<!\s)\s+[—–|]\s+|(?<!\s)\s+-\s+)/gu;
  let start = 0;
  for (const m of text.matchAll(re)) start = (m.index ?? 0) + m[0].length;
  const segment = text.slice(start).replace(/\.$/, '').trim();
  if (!segment || segment.split(/\s+/).length > 10) return null;
  return { segment, start };
}

function looksLikeAgencyCredit(segment: string): boolean {
  if (!/^\p{Lu}/u.test(segment)) return false;
  // Name/Agency, the wire-photo convention.
  if (/^[\p{Lu}][\p{L}\p{M}.'’ -]*\/\s?[\p{Lu}]/u.test(segment) && !/\s(?:is|are|was|were|at|in|on|of)\s/u.test(segment.split('/')[0] ?? '')) return true;
  if (/\svia\s+\p{Lu}/u.test(segment)) return true;
  return AGENCY.test(segment);
}
