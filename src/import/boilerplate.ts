/**
 * Site furniture that comes along when a story is copied from a news page:
 * "Related Articles", "Back to top", share bars, ads, sign-up boxes, cookie
 * notices, copyright lines, breadcrumbs. Every rule looks at a short,
 * label-like line as a whole, never at a word inside a sentence, so a story
 * paragraph that mentions "sign up" or "comments" is left alone.
 */

/** Separators sites put between the parts of a label line. */
const SEP = String.raw`[\s|·•:»›>–—-]`;

const SOCIAL = String.raw`(?:facebook|twitter|x|whatsapp|e-?mail|linkedin|reddit|telegram|pinterest|messenger|flipboard|threads|bluesky|mastodon|tumblr|sms|print|copy(?: the)? link|link|instagram|tiktok|youtube|snapchat|google news)`;

/**
 * Labels that head a list of other stories: once one is seen, the short
 * headline-like lines after it are leftovers too.
 */
const LIST_HEADS: readonly RegExp[] = [
  /^related(?: (?:articles?|stories|story|posts?|content|coverage|news|reading|links|topics|videos?))?$/i,
  /^(?:see also|also read|read (?:more|next|also)|more (?:stories|news|articles|headlines|coverage|to read|like this)|further reading|what to read next|up next|next up)$/i,
  /^you (?:may|might|could) (?:also )?(?:like|enjoy|be interested in|have missed)$/i,
  /^(?:recommended(?: for you| stories| reading| articles)?|most (?:read|popular|viewed|shared|commented)|popular (?:now|stories|articles)|trending(?: now| stories| articles)?|latest(?: news| stories| articles| headlines)?|top (?:stories|news|headlines)|editor'?’?s? picks|don'?’?t miss|must read|in other news|around the (?:web|site)|from (?:around|across) the web)$/i,
  /^(?:\d+\s+)?comments?(?:\s*\(\d+\))?$/i,
  /^(?:leave|add|post|write) a (?:comment|reply|response)$/i,
  /^(?:join|start) the (?:conversation|discussion|debate)$/i,
  /^(?:show|view|read|see|load|hide) (?:all )?(?:\d+ )?(?:comments?|replies)$/i,
  /^(?:tags|topics|filed under|categories|category|keywords|related topics|explore more(?: on (?:these|this) topics?)?|more on (?:this|these) (?:story|stories|topics?))$/i,
];

/** Whole-line labels and buttons. */
const LABELS: readonly RegExp[] = [
  // Navigation
  /^(?:back to (?:the )?top(?: button)?|scroll to (?:the )?top|to top|top|skip to (?:main |the )?(?:content|navigation|main|article|footer)|skip navigation|jump to(?: comments| content)?|menu|main menu|open menu|close menu|toggle (?:navigation|menu)|navigation|search|close|home|previous(?: article| story| post)?|next(?: article| story| post)?|go back|return to (?:top|home|homepage)|reply|replies|like|likes|report|flag|upvote|downvote|load more|show more|see more|view more|more|follow|following|unfollow|clap|claps|respond|responses)$/i,
  /^(?:loading|please wait|loading (?:comments|video|content|more))\s*(?:\.{2,}|…)?$/i,
  // Ads
  /^(?:advertisement|advertising|advert|ads?|sponsored(?: content| post| links?| stories)?|promoted(?: content| stories)?|paid (?:content|post|partner content)|partner content|ad feedback|report (?:this )?ad|(?:story|article|content) continues (?:below|after)(?: (?:this|the))?(?: (?:advertisement|ad|advert))?|continue reading (?:below|the main story)|scroll (?:down )?to continue(?: reading| with content)?|this is an advertisement)$/i,
  /^sponsored by [\p{Lu}\p{N}][^.!?]{0,60}$/u,
  // Sharing and saving
  new RegExp(String.raw`^(?:share|tweet|pin|save|bookmark|email|print|copy link|link copied|share (?:this|the) (?:article|story|post|page|video)|share (?:on|via|to) ${SOCIAL}|share (?:article|story|full article)|(?:share|send) (?:this )?(?:by|via) email|gift (?:this )?article|save (?:for later|article|story)|listen(?: to (?:this|the) (?:article|story))?|play|pause)(?:\s*[:!])?$`, 'i'),
  new RegExp(String.raw`^(?:(?:share(?: on| via| to)?|follow(?: us)?(?: on)?)\s*:?\s*)?${SOCIAL}(?:${SEP}+(?:share(?: on| via| to)?\s*)?${SOCIAL})*$`, 'i'),
  // Sign-up and paywall prompts
  /^(?:sign ?up|subscribe|register|log ?in|sign ?in|donate|support us|become a (?:member|subscriber|supporter)|subscribe now|subscribe today|get (?:the )?app|download (?:the|our) app)\s*[!.]?$/i,
  /^(?:already (?:a subscriber|have an account|registered)\??(?: (?:log|sign) ?in\.?)?|create (?:a free |an )?account|start your free trial)/i,
  // Counters, media controls, reading time
  /^(?:\d+\s*)?(?:min(?:ute)?s?|mins?)(?: read| listen)?$/i,
  /^(?:reuse this content|republish this (?:article|story)|print this (?:article|page)|email this (?:article|story)|save this (?:article|story)|open in app|view in browser|text size|font size|dark mode|audio version|hear this story|listen to this (?:article|story))$/i,
  /^(?:reading|listening|read) time:?\s*\d+\s*(?:min(?:ute)?s?|mins?)$/i,
  /^(?:image|photo|picture|photograph|video|gallery|graphic|illustration|caption|audio|media)s?\s*(?:\d+\s*(?:of|\/)\s*\d+)?\s*[:.]?$/i,
  /^(?:view|open|see|expand|enlarge|watch|play|show|hide|toggle) (?:this |the |full |all )?(?:image|photo|picture|gallery|slideshow|video|caption|graphic)s?(?: in gallery| in full| full screen)?$/i,
  /^(?:\d+\s*(?:of|\/)\s*\d+)$/i,
  /^(?:your browser does not support|please enable javascript|this video (?:is not|isn'?’?t) available|video (?:player|unavailable))/i,
  // Corrections, feedback and site links
  /^(?:report (?:an error|a correction|a typo|this)|corrections? policy|submit a (?:tip|correction)|contact us|about us|privacy(?: policy| notice)?|terms(?: of (?:use|service))?(?: and| &) (?:conditions|privacy)|terms (?:of (?:use|service)|and conditions)|cookie (?:policy|settings|preferences)|manage (?:cookies|preferences|consent)|accept(?: all)?(?: cookies)?|reject(?: all)?(?: cookies)?|do not sell(?: or share)? my (?:personal )?information|advertise with us|site ?map|newsletters?|podcasts?)$/i,
];

/** Longer prompts with a recognisable opening; only short lines qualify. */
const PROMPTS: readonly RegExp[] = [
  /^(?:read|see|watch) (?:more|the full (?:story|article|report)|our (?:full )?(?:coverage|story|report)|the latest)\b/i,
  /^(?:continue|keep) reading\b/i,
  /^(?:click|tap|press) here\b/i,
  /^(?:click|tap) (?:to|on|the link)\b/i,
  // Sign-up boxes: the imperative opening and what is offered.
  /^(?:sign ?up|subscribe|register|enter your email|join (?:our|the|\d[\d,]* )|get (?:our|the|free|exclusive|the latest|breaking)|want (?:more|the latest|our)|never miss|stay (?:informed|up to date|in the loop)|receive (?:our|the)|by (?:signing up|subscribing|clicking|registering)|thank you for (?:signing up|subscribing))\b.*(?:\b(?:newsletters?|e-?mails?|inbox|briefings?|bulletins?|alerts|updates|notifications|digest|mailing list|podcasts?|subscriptions?|free trial|unlimited access)\b|\bour\s)/i,
  /^(?:sign ?up|subscribe|register)(?: (?:now|today|here|free|for free|for \$[\d.]+))+\s*[!.]?$/i,
  /^(?:follow (?:us|@\w+)|find us on|like us on|connect with us|join us on)\b/i,
  new RegExp(String.raw`^follow [\p{L}\p{M}.'’ -]{2,60}? on ${SOCIAL}\b`, 'iu'),
  /^(?:comments are (?:closed|moderated|turned off)|be the first to comment|you must be logged in|log ?in to (?:comment|reply)|sign ?in to (?:comment|reply)|to comment,? (?:please )?(?:log|sign) ?in|commenting (?:has been|is) (?:closed|disabled))/i,
  /^(?:tags|topics|filed under|categories|category|keywords|related topics|posted in|more on)\s*:/i,
  // Credits of the whole page, not of the story.
  /^(?:[Cc]opyright|COPYRIGHT|©|\([Cc]\))\s*(?:©|\([Cc]\))?\s*(?:\d{4}|\p{Lu})/u,
  /^(?:all rights reserved|this (?:material|article|story|content) may not be (?:published|reproduced|redistributed|republished))/i,
  // Timestamps that are not the story's date line: "3 hours ago", "Updated 2 mins ago".
  /^(?:(?:published|updated|posted|last updated|modified)\s*:?\s*)?(?:about |over )?(?:\d+|an?|one|a few)\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|w|months?|years?)\s+ago$/i,
  /^(?:just now|moments ago|yesterday|today)$/i,
];

/**
 * "Read more: …", "RELATED: …", "Watch: …": a teaser for another story, whose
 * headline starts with a capital ("Related: the council's own figures show…"
 * is a sentence).
 */
const TEASER = /^(?:read more|read next|read also|also read|more|related(?: story| article| coverage| content| reading)?|see also|watch|listen|recommended(?: reading)?|must read|don'?’?t miss|read|opinion|explainer|in pictures)\s*(?:[:|»›>–—]|-{1,2})\s*/i;

/**
 * "Sign up for the Morning Tide", "Subscribe to Harbour News": an offer, read
 * on the line as written, so a sentence ending in a full stop is not one.
 */
const OFFER = /^(?:sign ?up|subscribe)(?: (?:now|today|here))? (?:for|to)\b[^.!?]*!?$/i;

/**
 * "Reporting by Jane Doe; Editing by Sam Ito", "(Additional reporting by Sam
 * Ito)": the desk's credits, not the story ("Reporting by the Herald found…" is).
 */
const DESK_CREDITS = /^\(?(?:[Aa]dditional [Rr]eporting|[Rr]eporting|[Ee]diting|[Ww]riting|[Rr]esearch|[Cc]ompiled|[Tt]ranslated|[Pp]roduced|[Ee]dited) by \p{Lu}[^.]*?\)?\.?$/u;

/** Cookie and consent notices: they address the reader about the site itself. */
const CONSENT = /\b(?:we|this (?:site|website|page)|our (?:site|website|partners))\s+(?:and our partners\s+)?(?:use|uses|store|stores|collect|collects|may use)\s+(?:cookies|tracking|similar technologies)|\bby (?:continuing to (?:use|browse)|using) (?:this|our) (?:site|website|service)|\byou (?:agree|consent) to (?:our|the) use of cookies|\b(?:accept|allow|manage) (?:all )?cookies\b/i;

/** Words in a label line: the rules apply only to lines this short. */
const LABEL_WORDS = 12;
const PROMPT_WORDS = 30;
const NOTICE_WORDS = 70;

/**
 * Whether a paragraph (or a line of a paste) is site furniture rather than
 * story. Markdown decoration (links, emphasis, list markers, heading marks)
 * is looked through, so HTML converted to markdown can use it too.
 */
export function isBoilerplate(paragraph: string): boolean {
  const text = plain(paragraph);
  if (!/[\p{L}\p{N}]/u.test(text)) return true;
  if (!/\p{L}/u.test(text) && text.length <= 20) return true;
  const words = wordCount(text);
  const label = text.replace(/[\s:.!…»›]+$|^[\s»›>•·|]+/gu, '').replace(/\s+/g, ' ');
  if (words <= LABEL_WORDS) {
    if (isListHead(text)) return true;
    // "Share · Save · 5 min read", "Advertisement - Scroll to continue": every part a label.
    const parts = text.split(/\s*[|·•]\s*|\s+[-–—]\s+/u).filter((part) => part.trim());
    if (parts.length > 1 && parts.every((part) => isBoilerplate(part))) return true;
    if (LABELS.some((re) => re.test(label))) return true;
    if (isCrumbs(text)) return true;
    if (isCreditOnly(text)) return true;
    if (isTimestamp(text)) return true;
  }
  if (words <= PROMPT_WORDS && PROMPTS.some((re) => re.test(label))) return true;
  if (words <= 15 && OFFER.test(text)) return true;
  if (words <= PROMPT_WORDS && DESK_CREDITS.test(text)) return true;
  const teaser = TEASER.exec(label);
  if (teaser && words <= PROMPT_WORDS && /^[\p{Lu}\p{N}"“‘'\[]/u.test(label.slice(teaser[0].length))) return true;
  if (words <= NOTICE_WORDS && (CONSENT.test(text) || /\ball rights reserved\b/i.test(text))) return true;
  return false;
}

/**
 * Whether a paragraph heads a list of other stories ("Related Articles",
 * "More from Harbour News", "Comments"): the headlines after it are leftovers.
 */
export function isListHead(paragraph: string): boolean {
  const text = plain(paragraph).replace(/^[\s»›>•·|]+/u, '');
  const label = text.replace(/[\s:.!…»›]+$/u, '');
  if (wordCount(label) > LABEL_WORDS) return false;
  if (LIST_HEADS.some((re) => re.test(label))) return true;
  // "More from Harbour News", "More on this story": a named section, not "More from the council is expected."
  const more = /^more (?:from|on|in|about|by) (.+)$/i.exec(text.replace(/[\s:…»›]+$/u, ''));
  if (!more?.[1]) return false;
  const rest = more[1];
  return wordCount(rest) <= 6 && !/[.!?]$/u.test(rest) && /^(?:this (?:author|writer|story|section|site|series|topic|reporter)|our |(?:the )?[\p{Lu}\p{N}])/u.test(rest);
}

/**
 * A line that reads like a headline in a list of stories: short, no full
 * stop at the end, at most one sentence. Story paragraphs end with one.
 */
export function isHeadlineLike(paragraph: string): boolean {
  const text = plain(paragraph);
  const words = wordCount(text);
  if (words === 0 || words > 20 || text.length > 160) return false;
  if (/[.;,:]["”’)]?$/u.test(text) && !/(?:\.{3}|…)$/u.test(text)) return false;
  if (/[.!?]["”’]?\s+["“‘]?\p{Lu}/u.test(text.slice(0, -1))) return false;
  return /^[\p{Lu}\p{N}"“‘'(]/u.test(text);
}

/** Why a paragraph is not story: furniture itself, a list head, or a line of the list it heads. */
export type Leftover = 'furniture' | 'list-head' | 'listed';

/**
 * Mark site leftovers wherever they sit: every furniture line, and what a
 * list head ("Related Articles", "More from …", "Comments") is followed by
 * while it reads like a list of other stories. Story paragraphs are marked null.
 *
 * After a list head, headline-like lines are listed; a real paragraph ends the
 * list, so a related box inside the story takes nothing of the story with it.
 * When everything up to the next list head (or the end) is headlines and
 * short teasers under them, all of it goes. A comment thread (a comments head
 * followed by "Reply" buttons) goes whole.
 */
export function markLeftovers(paragraphs: readonly string[]): (Leftover | null)[] {
  const marks: (Leftover | null)[] = [];
  let inList = false;
  let wholeList = false;
  for (const [i, paragraph] of paragraphs.entries()) {
    if (isBoilerplate(paragraph)) {
      const head = isListHead(paragraph);
      if (head) {
        const rest = paragraphs.slice(i + 1);
        if (isCommentsHead(paragraph) && rest.some((p) => COMMENT_FURNITURE.test(plain(p)))) {
          return [...marks, 'list-head', ...rest.map((): Leftover => 'listed')];
        }
        const next = rest.findIndex(isListHead);
        inList = true;
        wholeList = isListOfStories(next === -1 ? rest : rest.slice(0, next));
      }
      marks.push(head ? 'list-head' : inList ? 'listed' : 'furniture');
      continue;
    }
    if (inList && (wholeList || isHeadlineLike(paragraph))) {
      marks.push('listed');
      continue;
    }
    inList = false;
    marks.push(null);
  }
  return marks;
}

/** The paragraphs that are story: `markLeftovers` applied. */
export function trimLeftovers(paragraphs: readonly string[]): string[] {
  const marks = markLeftovers(paragraphs);
  return paragraphs.filter((_, i) => marks[i] === null);
}

/**
 * Headlines, each perhaps with a one- or two-sentence teaser under it: at
 * least two headlines, and no teaser that quotes anyone.
 */
function isListOfStories(zone: readonly string[]): boolean {
  const lines = zone.filter((p) => !isBoilerplate(p));
  if (lines.filter(isHeadlineLike).length < 2) return false;
  // Each teaser sits under a headline of its own: two in a row are story.
  return lines.every((p, i) => {
    if (isHeadlineLike(p)) return true;
    const above = lines[i - 1];
    return above !== undefined && isHeadlineLike(above) && wordCount(plain(p)) <= 35 && !/["“”]/u.test(p);
  });
}

function isCommentsHead(paragraph: string): boolean {
  return /\b(?:comments?|conversation|discussion|replies)\b/iu.test(paragraph);
}

/** The buttons and stamps under every comment of a thread. */
const COMMENT_FURNITURE = /^(?:reply|report|like|flag|upvote|\S.{0,40} says:|.{0,30}\b(?:\d+|an?)\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago)$/iu;

/**
 * A line made only of a date and time, with the usual labels: "Published
 * 12:30 PM, Nov. 3, 2026", "Updated: 2026-11-03 09:15", "Monday 3 November 2026".
 */
export function isTimestamp(line: string): boolean {
  const text = plain(line);
  if (!DATE_PIECE.test(text)) return false;
  const rest = text
    .replace(new RegExp(DATE_PIECE.source, 'giu'), ' ')
    .replace(TIME_PIECE, ' ')
    .replace(DATE_WORDS, ' ')
    .replace(/[\s|·•,.:;()\[\]/–—-]+/gu, '');
  return rest === '';
}

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
/** A calendar date with its year, in the shapes news sites print. */
export const DATE_PIECE = new RegExp(
  String.raw`\b(?:\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH},?\s+\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{4})\b`,
  'iu',
);
const TIME_PIECE = /\b\d{1,2}(?:[:.]\d{2}){1,2}\s*(?:[ap]\.?\s?m\.?)?|\b\d{1,2}\s*[ap]\.?\s?m\.?(?=\s|$|[,|·])|\b(?:noon|midnight)\b/giu;
const DATE_WORDS = /\b(?:(?:first |originally |last )?(?:published|updated|posted|modified|edited)(?: on| at)?|date|on|at|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|[ECMP][SD]?T|GMT|BST|UTC|CES?T|IST|AE[SD]T|NZ[SD]T|HKT|SGT|JST|WAT|EAT|SAST|ET|PT|CT|\d+\s*min(?:ute)?s?\s+read)\b/giu;

/** "Home > News > Politics", "News / World / Europe": short segments between arrows or slashes. */
function isCrumbs(text: string): boolean {
  const arrows = text.split(/\s*[>»›→]\s*|\s+\/\s+/u).filter((s) => s.trim());
  if (arrows.length < 2) return false;
  const short = arrows.every((s) => wordCount(s) <= 4 && /^[\p{Lu}\p{N}&]/u.test(s.trim()) && !/[.!?]$/u.test(s.trim()));
  if (!short) return false;
  if (/^(?:home|news|homepage)$/i.test(arrows[0]?.trim() ?? '')) return true;
  return arrows.length >= 3 && /[>»›→]/u.test(text);
}

/** A photo credit alone on its line: "Photo: Dana Okafor/Coastline Press", "(AP Photo/Lee Marsh)", "Getty Images". */
function isCreditOnly(text: string): boolean {
  const t = text.replace(/^[(\[]|[)\]]$/gu, '').trim();
  if (/^(?:photo(?:graph)?s?|pictures?|images?|illustrations?|video|credits?|photo credits?|image credits?|source)\s*(?::|\bby\b)\s*\S/iu.test(t)) {
    return wordCount(t) <= 10 && !/[.!?]\s+\p{Lu}/u.test(t);
  }
  if (/^(?:AP|AFP|Reuters|EPA|AAP|CP|PA) Photo\/\S/u.test(t)) return true;
  return /^(?:getty images|shutterstock|alamy|istock(?:photo)?|reuters|afp|ap|epa|pa wire|pa images)(?: via [\p{L} ]+)?$/iu.test(t);
}

/** The visible text of a markdown paragraph: link text kept, marks dropped. */
function plain(paragraph: string): string {
  return paragraph
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+(?=\S))/u, '')
    .replace(/(\*\*|__|\*|_)(\S(?:.*?\S)?)\1/gu, '$2')
    .replace(/\s+/gu, ' ')
    .trim();
}

function wordCount(text: string): number {
  const words = text.trim().split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.length;
}
