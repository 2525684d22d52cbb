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
    'writing', 'talking', 'commenting', 'responding', 'addressing', 'explaining', 'reflecting', 'posting',
    'announcing', 'adding', 'saying', 'asking', 'replying', 'describing', 'recalling', 'referring',
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
    'harbourmaster', 'harbormaster', 'councillor', 'councilor', 'councilman', 'councilwoman', 'alderman', 'alderwoman',
    'helm', 'helmsman', 'coxswain', 'warden', 'ranger', 'trooper', 'firefighter', 'paramedic', 'surgeon', 'vicar',
    'bishop', 'archbishop', 'rabbi', 'imam', 'pastor', 'premier', 'treasurer', 'mp', 'mep', 'msp', 'delegate',
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
    'harbourmaster', 'harbormaster', 'councillor', 'councilor', 'councilman', 'councilwoman', 'alderman', 'alderwoman',
    'bishop', 'archbishop', 'rabbi', 'imam', 'pastor', 'vicar', 'premier',
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

/**
 * Titles that, standing alone ("the President said", "Captain said"), are a
 * description of someone, never a name. Narrower than TITLES: "King", "Star"
 * and "Dean" are surnames too.
 */
export const BARE_TITLES = new Set(
  [
    ...ROLES, 'professor', 'chancellor', 'sheriff', 'harbourmaster', 'harbormaster', 'councillor', 'councilor',
    'councilman', 'councilwoman', 'alderman', 'helm', 'helmsman', 'coxswain', 'skipper', 'premier', 'detective',
    'inspector', 'sergeant', 'superintendent', 'commander', 'spokesman', 'spokeswoman', 'treasurer', 'congressman',
    'congresswoman', 'representative', 'prosecutor', 'lawmaker', 'chairwoman', 'chair', 'deputy',
  ],
);

/** Parties and their members' adjectives: a lone "Republican" is a description, not a name. */
export const PARTIES = new Set(
  ['democratic', 'democrat', 'democrats', 'republican', 'republicans', 'gop', 'labour', 'tory', 'tories', 'conservative', 'conservatives', 'liberal', 'liberals', 'independent', 'green', 'greens', 'socialist', 'nationalist'],
);

/** Place words that end a run naming a place, not a person ("Pelican Bar", "Tern Cove"); none a common surname. */
export const PLACES = new Set(
  [
    'bar', 'harbor', 'harbour', 'reef', 'creek', 'cove', 'quay', 'wharf', 'pier', 'marina', 'canal', 'ledge', 'shoal',
    'strait', 'channel', 'estuary', 'inlet', 'lagoon', 'waterfront', 'crescent', 'terrace', 'boulevard', 'highway',
    'plaza', 'gardens', 'heights', 'peninsula', 'lighthouse', 'palace', 'abbey', 'cathedral', 'theatre', 'theater',
    'library', 'mall', 'hotel', 'restaurant', 'cafe', 'café', 'docks', 'county', 'province', 'district',
  ],
);

/** Words that turn a capitalised run into a title ("Give Me Green Card", "Child Promise Me You Will …"). */
export const NOT_IN_NAMES = new Set(
  ['me', 'you', 'i', 'my', 'your', 'we', 'us', 'our', 'he', 'she', 'his', 'her', 'they', 'it', 'will', 'give', 'get', 'is', 'are', 'be', 'the', 'of', 'and', 'a', 'an', 'to', 'in', 'for', 'on'],
);

/** Nouns for people that are not job titles: kin and the like ("his granddaughter"). */
const KIN = new Set(
  [
    'granddaughter', 'grandson', 'grandmother', 'grandfather', 'grandma', 'grandad', 'granddad', 'sister', 'niece',
    'nephew', 'aunt', 'uncle', 'cousin', 'partner', 'fiancé', 'fiancée', 'fiance', 'fiancee', 'girlfriend', 'boyfriend',
    'stepfather', 'stepmother', 'stepson', 'stepdaughter', 'widow', 'widower', 'mom', 'parent', 'child', 'man', 'woman',
    'boy', 'girl', 'official', 'aide', 'head', 'organiser', 'organizer', 'helm', 'skipper', 'crewman', 'mate', 'pal',
    'colleague', 'boss', 'chief', 'assistant', 'deputy', 'volunteer', 'owner', 'landlord', 'landlady', 'tenant',
  ],
);

/** -er, -or, -ist, -ian words that name things, not people. */
const NOT_PERSON = new Set(
  [
    'paper', 'newspaper', 'letter', 'number', 'order', 'center', 'centre', 'chapter', 'computer', 'error', 'water',
    'matter', 'corner', 'border', 'poster', 'flyer', 'trailer', 'folder', 'register', 'sector', 'factor',
    'monitor', 'motor', 'tractor', 'minister', 'quarter', 'theater', 'meter', 'filter', 'cluster', 'counter',
    'monster', 'weather', 'winter', 'summer', 'november', 'october', 'september', 'december', 'power', 'tower',
    'river', 'shelter', 'charter', 'banner', 'twitter', 'colour', 'color', 'major', 'mirror', 'thriller',
  ],
);

/** Whether a noun names a person ("captain", "granddaughter", "Italian", "midfielder"), not a thing ("book", "report"). */
export function personNoun(word: string): boolean {
  const w = word.toLowerCase();
  if (TITLES.has(w) || BARE_TITLES.has(w) || KIN.has(w)) return true;
  if (NOT_PERSON.has(w)) return false;
  return /(?:[^e]er|or|ist|ian|man|woman|men|ess|ant|ent)$/.test(w) && !/(?:ment|ness|ance|ence)$/.test(w);
}
