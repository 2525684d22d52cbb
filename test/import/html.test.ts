import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { enrichArticle } from '../../src/enrich/index.js';
import { GazetteError } from '../../src/errors.js';
import { importHtml } from '../../src/import/html.js';
import { articleMarkdown } from '../../src/import/markdown.js';
import type { ImportedArticle } from '../../src/import/types.js';
import { parseArticle } from '../../src/load/article.js';

const config = resolveConfig({ name: 'T', from: { address: 'a@example.org' }, postalAddress: '1 Quay Street, Port Ellis', siteUrl: 'https://x.example.org' });

function page(name: string): string {
  return readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');
}

/** The body as the build reads it: one entry per paragraph, heading, list item or quote. */
function storyBlocks(article: ImportedArticle): string[] {
  return parsed(article).blocks.map((b) => ('text' in b ? b.text : `![${b.alt}](${b.src})`));
}

function parsed(article: ImportedArticle) {
  const markdown = articleMarkdown({ ...article, url: article.url ?? 'https://x.example.org/story', date: article.date ?? '2026-01-01' });
  return parseArticle(markdown, 'imported.md').article;
}

interface PageCase {
  file: string;
  options?: { url?: string };
  fields: Omit<ImportedArticle, 'body'>;
  story: string[];
  furniture: string[];
  speaker: string;
}

const cases: PageCase[] = [
  {
    // A newspaper template with every kind of furniture, JSON-LD and OpenGraph.
    file: 'harbour-herald-full.html',
    fields: {
      title: 'Lantern Bay votes to bring the old tide mill back to life',
      url: 'https://www.harbourherald.example.org/news/2026/03/14/lantern-bay-tide-mill-reopens',
      date: '2026-03-14T09:30:00+00:00',
      author: 'Marta Quist',
      source: 'The Harbour Herald',
      image: 'https://media.harbourherald.example.org/2026/03/tide-mill-1600x900.jpg',
      imageAlt: 'Volunteers in waders shovel silt out of a stone mill race',
      caption: 'Volunteers clear silt from the mill race at Lantern Bay on Thursday.',
      credit: 'Photo: Ines Varga/Coastline Press',
    },
    story: [
      'Lantern Bay’s old tide mill will grind grain again for the first time since 1987, after the town council voted 7–2 on Friday night to fund its restoration.',
      'The £1.2 million plan, drawn up by the Lantern Bay Heritage Trust, will repair the sluice gates, replace the rotten oak waterwheel and open a small bakery in the mill’s grain loft by the summer of 2027.',
      '“We have waited almost forty years to hear that wheel turn again,” said Orla Brennan, who chairs the trust. “This is the day the town decided its history is worth more than a car park.”',
      'The trust placed an advertisement in the parish newsletter last spring asking for volunteers, and more than 200 people replied within a fortnight.',
      'Objections over cost',
      'Two councillors voted against the plan. Councillor Desmond Achterberg said the money would be better spent on flood defences along the harbour wall, which was breached twice last winter.',
      '“Nobody is against the mill,” Achterberg said. “But a bakery will not keep the sea out of people’s kitchens.”',
      'The council’s finance officer, Priya Venkataraman, told the meeting that a regional heritage grant would cover 60 per cent of the cost, and that the flood defence budget was untouched.',
      'Under the plan, the trust will:',
      'reopen the mill to school visits from September;',
      'train six apprentice millers over three years;',
      'sell flour milled on site to bakeries in the town.',
      'The engineers’ survey of the sluice gates is included in the published council minutes, and the trust has put a map of the site on its noticeboard at the harbour.',
      'Work is due to start in May, once the spring tides have passed. The trust says the mill will stay open to visitors during the restoration on the first Saturday of every month.',
    ],
    furniture: [
      'Skip to main content', 'We use cookies', 'Accept all', 'Manage preferences', 'Subscribe from', 'Log in', 'Obituaries', 'Puzzles', 'Breaking',
      'Quay Road closed', 'Home', 'Advertisement', 'ADVERTISEMENT', 'Share', 'Facebook', 'Copy link', 'Related stories', 'Harbour wall breached',
      'Quay Street bakery', 'READ MORE', 'Sponsored', 'Brightwave', 'Morning Tide', 'Sign up', 'Email address', 'privacy notice', 'Heritage](',
      'Lantern Bay Council', 'two cats', '3 comments', 'Harbourwatcher', 'grandfather', 'Seagull Sue', 'Leave a comment', 'Most read', 'Seal pup',
      'Never miss a story', 'inbox', '©', 'All rights reserved', 'About us', 'Privacy policy', 'Coastal Affairs Reporter', 'Updated', '9.30am',
      'Councillors back a £1.2m plan', 'googletag', 'dataLayer', 'drone', 'Drone',
    ],
    speaker: 'Orla Brennan',
  },
  {
    // WordPress: no JSON-LD, OpenGraph only; Jetpack share and related boxes, a comment form, a widget sidebar.
    file: 'kelpie-coast-wordpress.html',
    options: { url: 'https://kelpiecoast.example.com/2026/02/03/night-ferry-skerry-holm-returns/' },
    fields: {
      title: 'Night ferry to Skerry Holm returns after two-year pause',
      url: 'https://kelpiecoast.example.com/2026/02/03/night-ferry-skerry-holm-returns/',
      date: '2026-02-03T18:45:12+01:00',
      author: 'Tomasz Ferreira',
      source: 'Kelpie Coast Chronicle',
      image: 'https://kelpiecoast.example.com/wp-content/uploads/2026/02/ferry-ramp.jpg',
      imageAlt: 'The ferry ramp at Skerry Holm at dusk, with the harbour lights on',
      caption: 'The ramp at Skerry Holm, where the night boat will tie up from Monday.',
      credit: 'Image: Lotte Grieg/Northlight Pictures',
    },
    story: [
      'The late-night ferry between Kelpie Harbour and Skerry Holm will sail again from Monday, two years after it was withdrawn when its only boat failed an engine inspection.',
      'Firthlink, which runs the route under contract to the county, said the 22:40 departure would run every night of the week, with an extra sailing at 23:55 on Fridays for islanders coming home from the mainland.',
      'The service will use the Morag Bell, a 40-car ferry bought second-hand from a yard in the north and refitted over the winter at a cost of £3.4 million.',
      '“For two years, if you missed the last boat at half past eight, you slept on the mainland,” said Ailsa Mworia, who runs the shop on Skerry Holm and led the campaign to bring the sailing back. “Tonight people can go to the cinema, see a match, visit their mother in hospital, and still get home.”',
      'Timetable and fares',
      'Fares will not change. A return for a car and driver stays at £31, and foot passengers travel free after 22:00 under a county trial that runs until the end of the year.',
      'Passengers should allow extra time at the terminal while the new ticket machines bed in.',
      'Firthlink notice to passengers',
      'Councillor Brodie Saltonstall, who chairs the county’s transport committee, said the night sailing had cost the county about £600,000 a year before it was withdrawn and would be reviewed after twelve months. He added: “If the islanders use it, it stays. It is as simple as that.”',
      'Firthlink said it would publish the full winter timetable on its website this week, and that bookings for the Friday sailing open on Thursday.',
    ],
    furniture: [
      'Skip to content', 'Front page', 'Tip us off', 'Menu', 'News from the islands', 'Posted on', 'February', 'Share this', 'Facebook', 'Related',
      'petition', 'Firthlink contract', 'Posted in', 'Tagged', 'ferries](', 'Previous', 'Lighthouse', 'otter', 'thoughts on', 'Morven', 'late shifts',
      'Old Salt', 'mark my words', 'Leave a Reply', 'will not be published', 'Post Comment', 'Search', 'Recent Posts', 'Support local news',
      'becoming a member', '©', 'Theme by', 'cookies', 'opt-out', 'Morag Bell arrives', '_stq',
    ],
    speaker: 'Ailsa Mworia',
  },
  {
    // A minimal blog: no image anywhere; JSON-LD @graph whose author and publisher are @id references.
    file: 'saltmarsh-notes-blog.html',
    fields: {
      title: 'The eelgrass is coming back to Curlew Flats',
      url: 'https://saltmarsh.example.org/posts/eelgrass-curlew-flats/',
      date: '2026-01-19T07:15:00-05:00',
      author: 'Wren Adebayo',
      source: 'Saltmarsh Notes',
      image: null,
      imageAlt: null,
      caption: null,
      credit: null,
    },
    story: [
      'Three winters ago I counted eleven clumps of eelgrass on the whole of Curlew Flats. On Saturday, at the lowest tide of the month, the survey team counted more than four hundred.',
      'The meadow is the work of the Curlew Flats Restoration Group, a dozen volunteers who have been planting seeds by hand, in hessian bags weighted with shingle, since the autumn of 2023. Most of the early bags washed away. Enough of them held.',
      'Why it matters',
      'Eelgrass is a nursery for young fish and a larder for the brent geese that winter on the estuary. It also holds the mud together, which is why the harbour board has started paying attention.',
      '“Every square metre of grass is a square metre of mud that stays where it is instead of silting up the channel,” said Efua Lindgren, the group’s coordinator, as we waded back across the flats. “We started this for the geese. The dredging budget may end up being the reason it carries on.”',
      'The group now wants to try the same method at two more sites along the estuary:',
      'the sheltered bay below the saltings footpath, where a few plants already grow;',
      'the old oyster beds off Pennock Point, which have not been worked since the 1960s.',
      'I asked Lindgren what she would need to make that happen. She laughed and said: “More people who don’t mind cold feet.” The next planting day is on 14 February; the group meets at the slipway at 9am.',
    ],
    furniture: ['Posts', 'About', 'RSS', '4 min read', '19 January 2026', 'Share this post', 'Mastodon', 'Tags', 'volunteering', 'You might also like', 'brent geese count', 'Counting brent geese', 'Get new posts by email', 'Subscribe', 'No spam', '©', 'licensed'],
    speaker: 'Efua Lindgren',
  },
  {
    // An older newspaper template with no date anywhere: JSON-LD without datePublished, OpenGraph without article:published_time, no <time>.
    file: 'port-ellis-gazette-no-date.html',
    fields: {
      title: 'Rowing club’s new boathouse opens its doors',
      url: 'https://portellisgazette.example.com/community/rowing-club-boathouse-opens',
      date: null,
      author: 'Hamish Okonkwo-Reid',
      source: 'Port Ellis Gazette',
      image: 'https://static.portellisgazette.example.com/img/boathouse/w700.jpg',
      imageAlt: 'Rowers carry a boat out of a timber boathouse',
      caption: 'Junior rowers carry the club’s oldest boat out of the new boathouse.',
      credit: 'Courtesy of Port Ellis Rowing Club',
    },
    story: [
      'Port Ellis Rowing Club has moved into its new boathouse on the east quay, ending eight years in a borrowed fish store that flooded at every spring tide.',
      'The timber building, paid for by a lottery grant, a legacy from a former club captain and a great many cake sales, has room for 30 boats, a workshop and changing rooms with hot water for the first time in the club’s history.',
      '“The old store was cold, dark and smelled of mackerel,” said club captain Femi Castellanos. “Our juniors deserve better than that, and now they have it.”',
      'Membership has doubled since the plans were announced, the club said, and it now has a waiting list for its beginners’ course.',
      'The boathouse will be open to the public for tours on Sunday afternoons throughout the spring.',
    ],
    furniture: [
      'e-edition', 'Weather', 'Contact the newsroom', 'Family notices', 'Community', 'By Hamish', 'Print', 'Email this story', 'Text size', 'Support local journalism',
      'Subscribe', 'ADVERTISEMENT', 'More on this story', 'lottery grant for boathouse', 'East quay plans', 'story for the Gazette', 'Join the conversation',
      'moderated', 'Popular today', 'Bin collections', 'Harriers', 'garden centre', 'Copyright', 'All rights reserved', 'Terms', 'cookies', '_paq',
    ],
    speaker: 'Femi Castellanos',
  },
  {
    // A table layout with no metadata but <title>, canonical and <time>: the byline is visible text only, the caption a <p class="caption"> under the photo.
    file: 'drumlin-valley-byline-caption.html',
    options: { url: 'https://www.drumlinvalleyecho.example.org/news/2026/footbridge-reopens.html' },
    fields: {
      title: 'Footbridge over the Drumlin reopens after flood repairs',
      url: 'https://www.drumlinvalleyecho.example.org/news/2026/footbridge-reopens.html',
      date: '2026-04-02',
      author: 'Ruairi Castellano',
      source: 'Drumlin Valley Echo',
      image: 'https://www.drumlinvalleyecho.example.org/images/2026/footbridge.jpg',
      imageAlt: 'A steel footbridge over a river in spring',
      caption: 'The repaired footbridge over the Drumlin at Millbrae.',
      credit: 'Picture by Senga Whitlock',
    },
    story: [
      'The footbridge that links the two halves of Millbrae reopened on Wednesday, five months after floodwater tore away one of its piers and cut the village in two.',
      'For most of the winter, people living on the west bank faced a three-mile detour by road to reach the school, the surgery and the village shop, all of which are on the east side of the river.',
      '"It felt like living on an island," said Gwenllian Marsh, whose children walk to the primary school. "You could see the school from the kitchen window and it took forty minutes to get there."',
      'The county\'s engineers replaced the damaged pier with a deeper concrete footing and raised the deck by half a metre, which they say should keep it clear of all but the worst floods.',
      'The repairs cost £410,000. Councillor Tobias Ferreira-Lund said the work had taken longer than anyone wanted because the river stayed too high for divers until March. "We owe the people of Millbrae an apology for the wait, and a bridge that will last," he said.',
    ],
    furniture: [
      'Home', 'Sport', 'Letters', 'Contact', 'In this section', 'School roof', 'bus timetable', 'Advertisement', 'Valley Hardware', 'By Ruairi', 'Thursday 2 April',
      'Story continues below', 'Click here', 'print edition', 'Copyright', 'reproduced', 'About the Echo', 'Advertise', 'Privacy',
    ],
    speaker: 'Gwenllian Marsh',
  },
  {
    // A money page whose share bar’s container also holds the story (and its lead photo): JSON-LD, a markets ticker, an inline newsletter promo and an ad inside the story.
    file: 'fernhollow-ledger-money-share-wrap.html',
    fields: {
      title: 'Brackwater Building Society lifts easy-access savings rate to 4.1%',
      url: 'https://www.fernhollowledger.example.com/money/savings/2026/05/brackwater-easy-access-rate-rise',
      date: '2026-05-07T06:00:00+01:00',
      author: 'Priyanka Oduya',
      source: 'The Fernhollow Ledger',
      image: 'https://img.fernhollowledger.example.com/2026/05/brackwater-branch-800.jpg',
      imageAlt: 'The front of a building society branch on a high street',
      caption: "Brackwater's branch on Tanner Street, Fernhollow.",
      credit: 'Photograph: Ossian Mbeki/The Fernhollow Ledger'
    },
    story: [
      'Brackwater Building Society will pay 4.1 per cent on its easy-access saver from Monday, the highest rate on the high street and its second increase since January.',
      'The mutual, which has 38 branches across the Fernhollow valley and the coast, said the change would apply to new and existing holders of its Everyday Saver account, which can be opened with £1 and allows unlimited withdrawals.',
      '“Our members have told us they want a rate that keeps pace with prices without locking their money away,” said Lorcan Abernethy, Brackwater’s chief executive. “We can afford to pay it because we don’t have shareholders to pay first.”',
      'The rise comes as savers shop around more than at any time in a decade. Figures from the Fernhollow Savings Monitor show that almost one in five easy-access accounts opened in April was with a provider the saver had not used before.',
      'But the increase does not reach everyone. Holders of Brackwater’s closed accounts, including its Classic Saver and the Tanner Street Bond sold until 2019, will stay on rates of between 1.2 and 1.9 per cent.',
      'Hester Quaye, a consumer campaigner with the Valley Savers Association, said loyal customers were once again paying for offers aimed at new money. “Thousands of people, many of them older, have simply never been told that their account has been closed to new savers and left to wither,” she said.',
      'Brackwater said it would write to holders of closed accounts in June to tell them they could switch to the Everyday Saver without losing interest, and that branch staff would help anyone who wanted to move their money in person.',
      'The society reported a profit of £41 million for last year, up from £29 million, and its capital ratio is well above what the regulator requires, according to its annual report.',
      'How it compares',
      'The next best easy-access rates on the high street are 3.85 per cent from Coalport Bank and 3.8 per cent from the Millrace Mutual, though several online-only banks pay more to savers willing to manage their accounts through an app.',
      'Savers who can leave money untouched for a year can get up to 4.4 per cent in a fixed-rate bond, but analysts expect those rates to fall if the base rate is cut again this summer.',
      '“Easy access at above four per cent is a good deal while it lasts,” said Gideon Farrant of the price comparison site SaveWatch. “The question is how long a mutual can hold it if the base rate comes down.”'
    ],
    furniture: ['Subscribe for', 'Sign in', 'Markets', 'FTSE', 'Facebook', 'Copy link', '214 shares', 'Money newsletter', 'best-buy tables and', 'Sign up now', 'Advertisement', 'Share on', 'More from Money', 'First-time buyers', 'Most read', 'Rovers', '©', 'Cookie settings', 'Personal Finance Editor', '6.00am', 'Photograph'],
    speaker: 'Lorcan Abernethy',
  },
  {
    // A table layout whose story sits in a metered paywall’s container: OpenGraph and meta author only, a cookie banner, a subscribe promo inside the story, related links, comments and a side column.
    file: 'quayside-post-paywall-wrap.html',
    fields: {
      title: 'Dunmore ferry yard wins £18m order for two electric ferries',
      url: 'https://quaysidepost.example.net/business/dunmore-yard-electric-ferries-order-4471',
      date: '2026-02-19T14:20:00Z',
      author: 'Callum Verhoeven',
      source: 'The Quayside Post',
      image: null,
      imageAlt: null,
      caption: null,
      credit: null
    },
    story: [
      'The shipyard at Dunmore has won an £18 million order to build two battery-electric ferries for the crossing to Inchcailloch, securing work for its 140 staff until the end of 2028.',
      'The ferries, each able to carry 150 passengers and 24 cars, will replace two diesel boats that have worked the route since 1994. They will charge from shore power at both terminals during the twelve minutes they spend loading.',
      'Isla Kowalczyk, the yard’s managing director, said the contract was the largest in its 60-year history. “Two years ago we were building fishing boats and wondering where the next order would come from,” she said. “Now we are one of a handful of yards in the country that can build an electric ferry from the keel up.”',
      'The order was placed by Western Isles Crossings, the council-owned operator, after a tender that drew bids from yards in three countries. Its chairman, Donal Achebe, said the Dunmore bid had been neither the cheapest nor the most expensive, but offered the shortest delivery time.',
      'Work on the first hull is due to start in April. The yard plans to take on twelve apprentices and to reopen its second building shed, which has stood empty since 2017.',
      'The crossing carries about 400,000 passengers a year. Islanders have complained for years about breakdowns on the ageing diesel boats, which left Inchcailloch without a car ferry for eleven days last winter.',
      '“If these boats are as reliable as we have been promised, it will change life on the island,” said Morag Delacroix, who runs a guest house near the Inchcailloch slipway. “People will stop planning their week around whether the ferry turns up.”'
    ],
    furniture: ['We and our partners', 'Accept', 'Reject', "What's On", 'Jobs', 'Business Reporter', 'Enjoying this story', 'Subscribe', 'More on this story', 'lays off 30', 'Island cut off', '2 comments', 'Shoreline Sal', 'father worked', 'Skeptic99', 'four years late', 'Most popular', 'Regatta', 'Dunmore Motors', 'Custom House Lane', 'Terms'],
    speaker: 'Morag Delacroix',
  },
  {
    // JSON-LD credits the outlet (a NewsMediaOrganization) as author, and so does the author meta tag: the byline printed on the page names the reporter. The share list wraps the story body.
    file: 'millbrook-star-org-author.html',
    fields: {
      title: 'Millbrook library to open on Sundays after volunteers step in',
      url: 'https://www.millbrookstar.example.co.uk/news/millbrook-library-sunday-opening-8812',
      date: '2026-09-12T17:45:00+01:00',
      author: 'Tamsin Achterberg',
      source: 'Millbrook Evening Star',
      image: 'https://cdn.millbrookstar.example.co.uk/images/2026/09/library-reading-room.jpg',
      imageAlt: null,
      caption: null,
      credit: 'Petra Lindqvist'
    },
    story: [
      'Millbrook’s central library will open on Sunday afternoons from next month, after forty volunteers signed up to staff the building alongside its paid librarians.',
      'The library on Cooper’s Row has been closed on Sundays since 2015, when the county cut its opening hours to save money. From 5 October it will open from noon until four o’clock.',
      'The Friends of Millbrook Library, which recruited the volunteers over the summer, said it had expected a dozen people to come forward. “We had forty names within three weeks, most of them people who learned to read in that building,” said its secretary, Winifred Osei-Lambert.',
      'The volunteers will run the children’s corner, the local history room and the computer desk, while a paid member of staff will be in charge of the building at all times, the county said.',
      'Bartholomew Kincaid, the county’s head of libraries, said the Sunday hours would be reviewed after six months. “If people come, we will look at doing the same in Hatherley and Stoke Marsh,” he said.'
    ],
    furniture: ['Subscribe', "What's on", 'Announcements', 'Community Reporter', '12 September', 'Facebook', 'WhatsApp', 'More from Millbrook', 'parking charges', 'museum reopens', '©', 'Privacy notice', 'Petra'],
    speaker: 'Winifred Osei-Lambert',
  },
  {
    // WordPress with a Yoast @graph whose Article credits the site’s Organization by @id, the author meta and the printed byline the site’s name: no author at all, and the outlet as source (no og:site_name, no publisher).
    file: 'kestrel-bay-courier-graph-org-author.html',
    fields: {
      title: 'Harbor master names new pilot boat after retired skipper',
      url: 'https://kestrelbaycourier.example.org/2026/06/22/pilot-boat-named-after-skipper/',
      date: '2026-06-22T09:05:31-04:00',
      author: null,
      source: 'Kestrel Bay Courier',
      image: null,
      imageAlt: null,
      caption: null,
      credit: null
    },
    story: [
      'The harbor’s new pilot boat will carry the name of Elsie Marchetti, who guided ships into Kestrel Bay for 31 years and was the first woman to hold a pilot’s license in the county.',
      'Harbor master Rufus Okonjo announced the name at a ceremony on the north wharf on Saturday, where the 14-meter boat was lowered into the water for the first time in front of about two hundred people.',
      '“Elsie brought home more ships in fog than anyone I have ever worked with,” Okonjo said. “There was never any question what this boat would be called.”',
      'Marchetti, now 88, retired in 2009. She told the crowd she had hoped the boat would be named after one of the pilots lost in the storm of 1978, but that she was “too old to argue with the harbor master.”',
      'The boat, built in Portsmouth at a cost of $1.9 million, will enter service next month and replace the Sea Hawk, which has worked the bay since 1986.'
    ],
    furniture: ['Send us a tip', 'Town Hall', 'Posted on', 'June 22', 'Share this', 'Facebook', 'Posted in', 'Previous', 'School board', 'Recent Posts', '©', 'Proudly powered'],
    speaker: 'Rufus Okonjo',
  },
];

describe('importHtml on pages of different kinds', () => {
  for (const c of cases) {
    describe(c.file, () => {
      const article = importHtml(page(c.file), c.options);

      it('reads title, canonical url, date, author, outlet and the lead photo with caption and credit', () => {
        const { body: _body, ...fields } = article;
        expect(fields).toEqual(c.fields);
      });

      it('keeps every paragraph, subheading and list item of the story, in order, and nothing else', () => {
        expect(storyBlocks(article)).toEqual(c.story);
      });

      it('leaves the site around the story behind', () => {
        for (const text of c.furniture) expect(article.body, text).not.toContain(text);
      });

      it('writes clean markdown: no HTML, no images, no caption, only absolute http(s) links, one blank line between blocks', () => {
        const { body } = article;
        expect(body).not.toMatch(/<\/?[a-z][a-z0-9]*(?:\s[^>]*)?>|&[a-z]+;|&#\d+;/i);
        expect(body).not.toContain('![');
        if (article.caption) expect(body).not.toContain(article.caption);
        if (article.credit) expect(body).not.toContain(article.credit);
        if (article.image) expect(body).not.toContain(article.image);
        for (const [, target] of body.matchAll(/\]\(([^)]*)\)/g)) expect(target).toMatch(/^https?:\/\//);
        expect(body).not.toMatch(/javascript:|data:|mailto:|\n{3,}|[ \t]\n|[\u00a0\u2009\u202f\u200b]/);
        expect(body).toBe(body.trim());
        expect(body).not.toMatch(/^#(?!# )|^#{3,}/m);
      });

      it('builds into a digest entry with a summary from the story and an attributed pull quote', () => {
        const digest = enrichArticle(parsed(article), config);
        expect(digest.summary.length).toBeGreaterThan(0);
        const story = c.story.join(' ');
        for (const sentence of digest.summary) expect(story).toContain(sentence);
        expect(digest.pullQuote?.speaker).toBe(c.speaker);
        expect(story).toContain(digest.pullQuote?.text);
        if (c.fields.image) {
          expect(digest.photo).toMatchObject({ src: c.fields.image, caption: c.fields.caption, credit: c.fields.credit });
        } else {
          expect(digest.photo).toBeNull();
        }
      });
    });
  }
});

function html(body: string, head = '<title>Harbour lights to stay on all night | The Tide Times</title>'): string {
  return `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
}

const para = (n: number): string =>
  `<p>Story paragraph ${n} tells the reader something new about the harbour lights, with a clause or two, and it ends as sentences do.</p>`;

describe('importHtml, rule by rule', () => {
  it('resolves relative links against the address the page came from, drops javascript: and data: targets but keeps their text', () => {
    const a = importHtml(
      html(`<article><h1>Harbour lights to stay on all night</h1>${para(1)}<p>See <a href="../minutes/2026.html">the minutes</a>, <a href="javascript:void(0)">the map</a>, <a href="data:text/html,x">the chart</a> and <a href="#note">the note</a>.</p>${para(2)}</article>`),
      { url: 'https://tide.example.org/news/lights/story.html' },
    );
    expect(a.body).toContain('See [the minutes](https://tide.example.org/news/minutes/2026.html), the map, the chart and the note.');
    expect(a.url).toBe('https://tide.example.org/news/lights/story.html');
  });

  it('honours <base href>, and without any address keeps the text of relative links only', () => {
    const page = `<article><h1>Harbour lights to stay on all night</h1>${para(1)}<p>Read <a href="minutes.html">the minutes</a> today.</p>${para(2)}</article>`;
    expect(importHtml(html(page, '<title>Harbour lights</title><base href="https://archive.example.org/2026/">')).body).toContain('[the minutes](https://archive.example.org/2026/minutes.html)');
    const bare = importHtml(html(page));
    expect(bare.body).toContain('Read the minutes today.');
    expect(bare.url).toBeNull();
  });

  it('makes subheadings ## (demoting h1 and h2), drops a body h1 that repeats the title, keeps emphasis and quotes', () => {
    const a = importHtml(
      html(`<article><h1>Harbour lights to stay on all night</h1>${para(1)}<h2>What the <em>board</em> said</h2>${para(2)}<h3>Costs</h3><p>It is <strong>not</strong> cheap, <i>they</i> said.</p><blockquote><p>“Light is safety,” the harbourmaster wrote.</p></blockquote>${para(3)}</article>`),
    );
    expect(a.title).toBe('Harbour lights to stay on all night');
    expect(a.body).not.toContain('Harbour lights to stay on all night');
    expect(a.body).toContain('\n\n## What the board said\n\n');
    expect(a.body).toContain('\n\n## Costs\n\n');
    expect(a.body).toContain('It is **not** cheap, *they* said.');
    expect(a.body).toContain('> “Light is safety,” the harbourmaster wrote.');
  });

  it('turns odd spaces into plain ones, a single <br> into a space and two into a paragraph break', () => {
    const a = importHtml(
      html(`<div id="story"><h1>Harbour lights to stay on all night</h1><div>The harbour board&nbsp;met on Tuesday&#8201;night and voted&#8239;to keep the lights on,<br>
      all of them, all night long.<br><br>The second paragraph starts here, after two line breaks, and goes on for a while longer.<br><br>${'A third paragraph with enough words in it to look like the story itself, and more. '.repeat(2).trim()}</div></div>`),
    );
    expect(a.body.split('\n\n')).toEqual([
      'The harbour board met on Tuesday night and voted to keep the lights on, all of them, all night long.',
      'The second paragraph starts here, after two line breaks, and goes on for a while longer.',
      'A third paragraph with enough words in it to look like the story itself, and more. A third paragraph with enough words in it to look like the story itself, and more.',
    ]);
  });

  it('drops images and captions inside the story, and keeps the lead photo out of the body', () => {
    const a = importHtml(
      html(
        `<article><h1>Harbour lights to stay on all night</h1><figure><img src="https://img.example.org/lights.jpg" alt="Lights" width="900" height="600"><figcaption>The lights at dusk. Photo: Ana Lopes/Tide Pictures</figcaption></figure>${para(1)}<figure><img src="https://img.example.org/board.jpg" width="900" height="600"><figcaption>The board meets. Photo: Sam Ito</figcaption></figure>${para(2)}<p><img src="https://img.example.org/chart.png" width="600" height="400"></p>${para(3)}</article>`,
        '<title>Harbour lights to stay on all night</title><meta property="og:image" content="https://img.example.org/lights.jpg">',
      ),
    );
    expect(a).toMatchObject({ image: 'https://img.example.org/lights.jpg', imageAlt: 'Lights', caption: 'The lights at dusk.', credit: 'Photo: Ana Lopes/Tide Pictures' });
    expect(a.body).not.toMatch(/img\.example\.org|The lights at dusk|The board meets|Sam Ito|!\[/);
    expect(a.body.split('\n\n')).toHaveLength(3);
  });

  it('takes the first photo of the story when the page names no image, and never an avatar, logo or ad', () => {
    const a = importHtml(
      html(
        `<header><img src="/logo.png" alt="The Tide Times logo" width="300" height="60"></header><div class="sidebar"><img src="/ads/sale.jpg" width="300" height="250"></div><article><h1>Harbour lights to stay on all night</h1><div class="byline"><img src="/authors/ana.jpg" class="avatar" width="200" height="200">By Ana Lopes</div><div class="photo"><img data-src="/photos/lights-1200.jpg" src="data:image/gif;base64,R0lGOD" alt="The lights"></div><p class="caption">The lights at dusk. Photo: Sam Ito/Tide Pictures</p>${para(1)}${para(2)}</article>`,
      ),
      { url: 'https://tide.example.org/news/lights' },
    );
    expect(a).toMatchObject({ image: 'https://tide.example.org/photos/lights-1200.jpg', caption: 'The lights at dusk.', credit: 'Photo: Sam Ito/Tide Pictures', author: 'Ana Lopes' });
    expect(a.body).not.toContain('The lights at dusk');
  });

  it('reads a caption without its screen-reader labels, and a credit printed beside the caption box', () => {
    const a = importHtml(
      html(
        `<main><article><h1>Harbour lights to stay on all night</h1><figure><div><img src="https://img.example.org/976/lights.jpg" alt="Lights" width="976" height="549"><span role="text"><span class="visually-hidden">Image source, </span>Mara Olsen/Seal Trust</span></div><figcaption><span class="visually-hidden">Image caption, </span>The lights at dusk on <em>Friday</em>'s low tide</figcaption></figure>${para(1)}${para(2)}</article></main>`,
        '<title>Harbour lights to stay on all night</title><meta property="og:image" content="https://img.example.org/1024/branded/lights.jpg">',
      ),
    );
    expect(a).toMatchObject({ image: 'https://img.example.org/1024/branded/lights.jpg', caption: "The lights at dusk on Friday's low tide", credit: 'Mara Olsen/Seal Trust' });
    expect(a.body).not.toMatch(/Image|Mara|dusk/);
  });

  it('removes furniture left inside the story without class names, by its text, and keeps sentences that mention the same words', () => {
    const a = importHtml(
      html(
        `<div><h1>Harbour lights to stay on all night</h1>${para(1)}<p>Advertisement</p><p>Story continues below advertisement</p>${para(2)}<p>Share this article</p><p><b>Related:</b> <a href="https://tide.example.org/x">Harbour wall breached again</a></p>${para(3)}<p>Sign up for our daily newsletter and get the top stories in your inbox.</p><p>The board said it would announce the change in an advertisement, in its newsletter and in the comments section of its website.</p><p>Published in 1911, the first harbour guide listed nine lights.</p><p>By Tuesday, the board had agreed.</p><p>Updated 14 March 2026, 4.05pm</p><p>Comments</p><p>© 2026 The Tide Times. All rights reserved.</p></div>`,
      ),
    );
    expect(a.body.split('\n\n')).toEqual([
      expect.stringContaining('Story paragraph 1'),
      expect.stringContaining('Story paragraph 2'),
      expect.stringContaining('Story paragraph 3'),
      'The board said it would announce the change in an advertisement, in its newsletter and in the comments section of its website.',
      'Published in 1911, the first harbour guide listed nine lights.',
      'By Tuesday, the board had agreed.',
    ]);
  });

  it('removes boxes named as furniture inside the story, however they are spelled', () => {
    const boxes = [
      '<div class="adWrapper"><p>Paid for by Quayside Motors, the best cars in Port Ellis.</p></div>',
      '<div id="taboola-below-article"><p>You will not believe what this harbour looks like now.</p></div>',
      '<section data-component="related-links"><p>Harbour wall breached for the second time this winter, again.</p></section>',
      '<div class="inline-newsletter"><p>Our morning email brings you every story from the coast, free.</p></div>',
      '<div role="complementary"><p>Read our guide to the harbour festival this summer, online now.</p></div>',
      '<div aria-label="Share this story"><p>Tell your friends about this story on your favourite network.</p></div>',
      '<div class="c-social-buttons"><p>Post it, send it, pin it and save it for later reading.</p></div>',
      '<div class="visually-hidden"><p>Screen reader text that sighted readers never see at all.</p></div>',
      '<div style="display: none"><p>Hidden text that no reader sees on the page at all.</p></div>',
      '<amp-ad width="300" height="250"><p>Quayside Motors again, with an even better offer.</p></amp-ad>',
      '<gu-island name="NewsletterSignupCard"><p>The morning briefing, every weekday, straight to you.</p></gu-island>',
    ];
    const a = importHtml(html(`<article><h1>Harbour lights to stay on all night</h1>${para(1)}${boxes.join(para(2))}${para(3)}</article>`));
    for (const sentence of ['Quayside', 'believe', 'breached', 'morning email', 'festival', 'friends', 'pin it', 'Screen reader', 'Hidden text', 'briefing']) {
      expect(a.body).not.toContain(sentence);
    }
    expect(a.body).toContain('Story paragraph 3');
  });

  it('keeps the story when its own container carries a furniture word beside a content class', () => {
    const a = importHtml(html(`<div class="entry-content share-enabled has-ads">${para(1)}${para(2)}${para(3)}</div><div class="share-bar"><p>Share on Facebook</p></div>`));
    expect(a.body.split('\n\n')).toHaveLength(3);
  });

  it('keeps a story written between <br>s in a wrapper with a furniture-like name, a page wrapped in one <form>, and text hidden on small screens only', () => {
    const brs = importHtml(
      html(`<div class="nav"><a href="/">Home</a></div><div class="story-with-ads">${['One', 'Two', 'Three'].map((n) => `Paragraph ${n} of an older page, with no paragraph tags at all, long enough to be the story.`).join('<br><br>')}</div><div class="footer">© 2026</div>`),
    );
    expect(brs.body.split('\n\n')).toHaveLength(3);
    expect(brs.body).not.toMatch(/Home|©/);
    const form = importHtml(html(`<form id="aspnetForm" action="/story.aspx"><div class="content"><h2>Harbour lights to stay on all night</h2>${para(1)}${para(2)}${para(3)}</div></form>`));
    expect(form.body.split('\n\n')).toHaveLength(3);
    const responsive = importHtml(html(`<article><h1>Harbour lights to stay on all night</h1>${para(1)}<div class="hidden-xs">${para(2)}</div><div class="d-none d-md-block">${para(3)}</div></article>`));
    expect(responsive.body.split('\n\n')).toHaveLength(3);
  });

  it('writes a data table as a markdown table (the build leaves it out of the story), and <q> with its quotation marks', () => {
    const a = importHtml(
      html(
        `<article><h1>Harbour lights to stay on all night</h1>${para(1)}<table><thead><tr><th>Light</th><th>Hours</th></tr></thead><tbody><tr><td>North pier</td><td>24</td></tr><tr><td>Slipway | east</td><td>12</td></tr></tbody></table>${para(2)}<p>The harbourmaster said <q>nobody will sail home in the dark again, not on my watch</q>, according to <a href="https://tide.example.org/minutes"> the minutes </a>.</p></article>`,
      ),
    );
    expect(a.body).toContain('| Light | Hours |\n| --- | --- |\n| North pier | 24 |\n| Slipway \\| east | 12 |');
    expect(a.body).toContain('The harbourmaster said “nobody will sail home in the dark again, not on my watch”, according to [the minutes](https://tide.example.org/minutes).');
    const blocks = parsed(a).blocks.map((b) => ('text' in b ? b.text : ''));
    expect(blocks).toHaveLength(3);
  });

  it('reads a bare fragment, taking the title from its <h1>', () => {
    const a = importHtml(`<h1>Harbour lights to stay on all night</h1>${para(1)}${para(2)}`);
    expect(a.title).toBe('Harbour lights to stay on all night');
    expect(a.body.split('\n\n')).toHaveLength(2);
  });

  it('drops a list that is only links (related stories, tags) but keeps a story list with links in it', () => {
    const a = importHtml(
      html(
        `<article><h1>Harbour lights to stay on all night</h1>${para(1)}<ul><li><a href="https://tide.example.org/a">Harbour wall breached again</a></li><li><a href="https://tide.example.org/b">Seal pup rescued</a></li></ul>${para(2)}<ul><li>Read <a href="https://tide.example.org/r">the report</a> in full.</li><li>Write to the board.</li></ul></article>`,
      ),
    );
    expect(a.body).not.toMatch(/breached|Seal pup/);
    expect(a.body).toContain('- Read [the report](https://tide.example.org/r) in full.\n- Write to the board.');
  });

  it('says what is wrong when the page has no story or no headline', () => {
    const empty = (): ImportedArticle => importHtml(html('<nav><a href="/">Home</a></nav><div class="cookie-banner">We use cookies.</div>'));
    expect(empty).toThrow(GazetteError);
    expect(empty).toThrow(/no story text/);
    const untitled = (): ImportedArticle => importHtml(`<html><head></head><body><div>${para(1)}${para(2)}</div></body></html>`);
    expect(untitled).toThrow(/no headline/);
  });
});

describe('importHtml on pages nested or sized to break parsers', () => {
  const story = `<h1>Harbour lights to stay on all night</h1>${para(1)}${para(2)}`;
  const timed = (page: string): { article: ImportedArticle; ms: number } => {
    const start = performance.now();
    const article = importHtml(page);
    return { article, ms: performance.now() - start };
  };

  it('imports a story under 2,000 and under 10,000 nested <div>s, in about a second', () => {
    for (const levels of [2_000, 10_000]) {
      const { article, ms } = timed(html(`${'<div>'.repeat(levels)}<article>${story}</article>${'</div>'.repeat(levels)}`));
      expect(article.title).toBe('Harbour lights to stay on all night');
      expect(article.body.split('\n\n')).toEqual([expect.stringContaining('Story paragraph 1'), expect.stringContaining('Story paragraph 2')]);
      expect(ms).toBeLessThan(5_000);
    }
  });

  it('imports pages whose lists, quotations, tables or unclosed tags nest thousands deep', () => {
    const deep = [
      `${'<ul><li>item '.repeat(3_000)}${'</li></ul>'.repeat(3_000)}`,
      `${'<blockquote>quote '.repeat(3_000)}${'</blockquote>'.repeat(3_000)}`,
      `${'<table><tr><td>'.repeat(2_000)}cell${'</td></tr></table>'.repeat(2_000)}`,
      `${'<span>'.repeat(20_000)}x`,
      Array.from({ length: 3_000 }, (_, i) => `<font face="Arial">Line ${i} of the report.<br>`).join(''),
    ];
    for (const nest of deep) {
      const { article, ms } = timed(html(`<article>${story}${nest}</article>`));
      expect(article.body).toContain('Story paragraph 2');
      expect(ms).toBeLessThan(5_000);
    }
  });

  it('reads JSON-LD nested 50,000 deep', () => {
    const nested = `${'['.repeat(50_000)}{"@type":"NewsArticle","headline":"Harbour lights stay on"}${']'.repeat(50_000)}`;
    const a = importHtml(html(`<article>${story}</article>`, `<script type="application/ld+json">${nested}</script><script type="application/ld+json">${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}</script>`));
    expect(a.title).toBe('Harbour lights stay on');
  });
});

describe('importHtml when furniture wraps the story', () => {
  // A share bar's container, a paywall, an ad-injection zone…: named as furniture, yet around the story.
  const wrappers = [
    '<div class="article-share-container">',
    '<nav class="nav-push-wrapper">',
    '<div class="related-content-layout">',
    '<div class="piano-paywall" data-paywall="metered">',
    '<section class="comments-enabled-story">',
    '<div class="ad-injection-zone">',
    '<div class="cookie-consent-gate">',
  ];
  it.each(wrappers)('keeps every paragraph of a story inside %s, and still removes the boxes in it', (open) => {
    const tag = /^<(\w+)/.exec(open)?.[1] ?? 'div';
    const page = html(
      `<header><nav><a href="/">Home</a></nav></header><div class="top"><h1>Harbour lights to stay on all night</h1><p class="standfirst">The board’s decision ends a long row over the cost of the lights.</p><p class="byline">By Ana Lopes</p></div>` +
        `${open}<div class="share-bar"><a href="https://x.example/share">Share on Facebook</a></div><div class="story">${[1, 2, 3, 4, 5, 6].map(para).join('')}</div><div class="share-bar"><a href="https://x.example/share">Share by email</a></div></${tag}>` +
        `<aside class="related"><p><a href="/a">Harbour wall breached again, council says</a></p></aside><footer><p>© 2026 The Tide Times</p></footer>`,
    );
    const a = importHtml(page);
    expect(a.body.split('\n\n').filter((b) => !b.startsWith('The board’s decision'))).toEqual([1, 2, 3, 4, 5, 6].map((n) => expect.stringContaining(`Story paragraph ${n} `)));
  });

  it('still leaves out a comment thread or related box beside a short story, however long', () => {
    const comments = Array.from({ length: 12 }, (_, i) => `<div class="comment"><p>Reader ${i} thinks the harbour lights should have stayed off, because the birds nesting on the pier need the dark.</p></div>`).join('');
    const a = importHtml(html(`<article><h1>Harbour lights to stay on all night</h1>${para(1)}${para(2)}</article><section class="comments">${comments}</section>`));
    expect(a.body.split('\n\n')).toHaveLength(2);
  });
});
