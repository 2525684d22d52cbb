/**
 * Word lists for telling names from the words around them in English news
 * copy: honorifics, titles and job descriptions that stand before a name,
 * words that make a capitalised run an organisation or a place.
 */

export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'mx']);
export const FEMININE = new Set(['mrs', 'ms', 'miss']);

/** Capitalised words that open a run without being part of a name. */
export const NOT_NAME = new Set(
  [
    'the', 'a', 'an', 'but', 'and', 'or', 'so', 'still', 'however', 'meanwhile', 'then', 'also', 'yet', 'in', 'on',
    'at', 'for', 'from', 'with', 'by', 'as', 'after', 'before', 'when', 'while', 'if', 'this', 'that', 'these',
    'those', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'former', 'ex', 'late', 'speaking', 'asked',
    'later', 'earlier', 'now', 'today', 'yesterday', 'tomorrow', 'last', 'next', 'monday', 'tuesday', 'wednesday',
    'thursday', 'friday', 'saturday', 'sunday', 'according', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'both',
    'several', 'many', 'some', 'other', 'another', 'one', 'two', 'three', 'dear', 'why', 'how', 'what', 'where',
    'who', 'yes', 'no', 'well', 'oh', 'even', 'just', 'only', 'there', 'here', 'although', 'though', 'because',
    'since', 'until', 'like', 'unlike', 'despite', 'during', 'among', 'between', 'under', 'over', 'into', 'about',
  ],
);

/** Titles and descriptions that stand before a name and are not shown with it. */
export const TITLES = new Set(
  [
    'president', 'vice', 'senator', 'sen', 'rep', 'representative', 'congressman', 'congresswoman', 'gov', 'governor',
    'mayor', 'secretary', 'state', 'speaker', 'house', 'senate', 'chief', 'justice', 'judge', 'attorney', 'general',
    'gen', 'lt', 'col', 'sgt', 'capt', 'captain', 'commander', 'cmdr', 'admiral', 'adm', 'prof', 'professor', 'rev',
    'reverend', 'father', 'sir', 'dame', 'lord', 'lady', 'minister', 'prime', 'foreign', 'home', 'chancellor',
    'director', 'commissioner', 'ambassador', 'coach', 'manager', 'boss', 'officer', 'sheriff', 'detective',
    'inspector', 'superintendent', 'sergeant', 'constable', 'chairman', 'chairwoman', 'chair', 'ceo', 'deputy',
    'acting', 'assistant', 'associate', 'executive', 'senior', 'special', 'counsel', 'agent', 'pope', 'prince',
    'princess', 'queen', 'king', 'democratic', 'democrat', 'republican', 'gop', 'labour', 'tory', 'conservative',
    'liberal', 'independent', 'candidate', 'nominee', 'leader', 'majority', 'minority', 'white', 'press',
    'administrator', 'dean', 'principal', 'host', 'anchor', 'editor', 'reporter', 'correspondent', 'spokesman',
    'spokeswoman', 'spokesperson', 'analyst', 'pollster', 'economist', 'lawyer', 'defender', 'striker',
    'midfielder', 'goalkeeper', 'forward', 'winger', 'keeper', 'skipper', 'international', 'star', 'legend',
    'actress', 'actor', 'singer', 'rapper', 'model', 'designer', 'producer', 'founder', 'co-founder', 'owner',
    'physician', 'doctor', 'nurse', 'author', 'writer', 'researcher', 'scientist', 'expert', 'historian', 'teacher',
    'pilot', 'mother', 'mum', 'dad', 'wife', 'husband', 'daughter', 'son', 'brother', 'friend', 'neighbour', 'neighbor',
    'witness', 'boxer', 'player', 'jockey', 'trainer', 'chef', 'musician', 'comedian', 'presenter', 'broadcaster',
    'journalist', 'photographer', 'campaigner', 'activist', 'resident', 'student', 'veteran', 'survivor', 'victim',
  ],
);

/** Words that make a capitalised run an organisation or a place rather than a person. */
export const ORGANISATION = new Set(
  [
    'university', 'institute', 'institution', 'center', 'centre', 'foundation', 'association', 'party', 'committee',
    'council', 'department', 'ministry', 'agency', 'company', 'corp', 'inc', 'ltd', 'times', 'post', 'news',
    'journal', 'press', 'club', 'united', 'city', 'bank', 'group', 'court', 'police', 'office', 'house', 'senate',
    'congress', 'commission', 'service', 'network', 'airlines', 'board', 'authority', 'organisation',
    'organization', 'campaign', 'trust', 'fund', 'school', 'college', 'hospital', 'museum', 'society', 'union',
    'federation', 'league', 'states', 'kingdom', 'republic', 'county', 'street', 'park', 'church', 'army', 'navy',
    'force', 'guard', 'reserve', 'fox', 'cnn', 'bbc', 'reuters', 'associated', 'daily', 'weekly', 'magazine',
    'channel', 'radio', 'television', 'tv', 'online', 'research', 'report', 'poll', 'survey', 'study', 'administration',
    'government', 'coalition', 'alliance', 'fc', 'stadium', 'hall', 'square', 'island', 'islands', 'river', 'lake',
    'mountain', 'valley', 'north', 'south', 'east', 'west', 'central', 'national', 'international', 'global',
    'american', 'british', 'european', 'world', 'cup', 'championship', 'premier', 'bundesliga', 'olympics', 'games',
    'day', 'week', 'month', 'year', 'road', 'avenue', 'airport', 'station', 'tower', 'building', 'project', 'program',
    'programme', 'act', 'bill', 'law', 'treaty',
  ],
);

/** Lower-case words inside a name ("Louis van Gaal", "Osama bin Laden"). */
export const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'del', 'della', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'dos', 'das', 'ter', 'ten']);
/** A word that can be part of a name: capitalised, or a prefixed form like "al-Assad". */
export const NAME_TOKEN = /^(?:\p{Lu}[\p{L}\p{M}'’\-.]*|(?:al|el|bin)-\p{Lu}[\p{L}\p{M}'’\-.]*)$/u;

/** Lower-cased word without trailing dots, for looking up the word lists. */
export function key(token: string): string {
  return token.toLowerCase().replace(/\.+$/, '');
}

export function stripPossessive(token: string): string {
  return token.replace(/['’]s?$/, '');
}

export function isAcronym(token: string): boolean {
  // "NASA", "FBI"; initials with full stops ("B.B.") are part of a name.
  return /^\p{Lu}{2,}$/u.test(token.replace(/[\-&]/g, ''));
}

/** Titles that, standing before a surname alone, say it is a person ("President Obama", "Sen. Sanders"). */
export const PERSONAL_TITLES = new Set(
  [
    'president', 'senator', 'sen', 'rep', 'representative', 'congressman', 'congresswoman', 'gov', 'governor', 'mayor',
    'secretary', 'speaker', 'judge', 'justice', 'gen', 'general', 'lt', 'col', 'sgt', 'capt', 'captain', 'prof',
    'professor', 'rev', 'reverend', 'pope', 'prince', 'princess', 'queen', 'king', 'lord', 'lady', 'sir', 'dame',
    'coach', 'chancellor', 'minister', 'ambassador', 'commissioner', 'detective', 'officer', 'sheriff', 'chairman',
  ],
);

/** Job words that end a description, never a name ("Retired General"). */
export const ROLES = new Set(
  [
    'general', 'president', 'secretary', 'senator', 'governor', 'mayor', 'minister', 'director', 'chairman',
    'spokesman', 'spokeswoman', 'spokesperson', 'officer', 'commissioner', 'ambassador', 'leader', 'nominee',
    'candidate', 'chief', 'manager', 'coach', 'captain', 'ceo',
  ],
);

/** Words that turn a capitalised run into a title ("Give Me Green Card", "Child Promise Me You Will …"). */
export const NOT_IN_NAMES = new Set(
  ['me', 'you', 'i', 'my', 'your', 'we', 'us', 'our', 'he', 'she', 'his', 'her', 'they', 'it', 'will', 'give', 'get', 'is', 'are', 'be', 'the', 'of', 'and', 'a', 'an', 'to', 'in', 'for', 'on'],
);
