import { describe, expect, it } from 'vitest';
import { isBoilerplate, isTimestamp, markLeftovers, trimLeftovers } from '../../src/import/boilerplate.js';

describe('isBoilerplate', () => {
  it.each([
    // Lists of other stories
    'Related Articles',
    'RELATED ARTICLES',
    'Related:',
    'Related stories',
    'Read more',
    'Read more: Council Tax Bills to Rise by 4% in April',
    'READ MORE: Ferry union backs deal',
    'Read next',
    'More from Harbour News',
    'More From The Harbour Herald',
    'More on this story',
    'You may also like',
    'Most read',
    'See also: Storm closes ferry route',
    // Navigation
    'Back to top',
    'Back to top button',
    'Skip to content',
    'Skip to main content',
    'Home > News > Port Ellis',
    'Home › Politics › Council',
    'News / World / Europe',
    'Loading…',
    'Loading...',
    // Sharing
    'Share this article',
    'Share on Facebook',
    'Share on Twitter',
    'Share on X',
    'Share on WhatsApp',
    'Share via Email',
    'Facebook Twitter WhatsApp Email',
    'Share: Facebook | X | Copy link',
    // Ads
    'Advertisement',
    'ADVERTISEMENT',
    'Sponsored',
    'Sponsored content',
    'Story continues below advertisement',
    // Sign-up and follow prompts
    'Sign up for our free Morning Tide newsletter',
    'Sign up for the Morning Tide',
    'Subscribe to our newsletter',
    'Subscribe to Harbour News!',
    'Get our newsletter',
    'Get the latest headlines delivered to your inbox every morning',
    'Follow us on Facebook',
    'Follow Jane Doe on X',
    'Click here to read the full report',
    // Comments
    'Comments',
    '12 Comments',
    'Leave a comment',
    'Join the conversation',
    // Copyright and credits of the page
    'Copyright © 2026 The Harbour Herald. All rights reserved.',
    '© 2026 Harbour News Ltd',
    'All rights reserved.',
    'Reporting by Jane Doe; Editing by Sam Ito',
    '(Additional reporting by Sam Ito in Port Ellis)',
    // Media labels
    'Image:',
    'Photo:',
    'Image',
    'Photo: Mara Quint/Tidewater Press',
    '(AP Photo/Lee Marsh)',
    'Getty Images',
    '1 of 12',
    // Cookie notices
    'We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies.',
    'This website uses cookies. Accept all cookies',
    'Accept cookies',
    // Counters and stamps
    '5 min read',
    '3 hours ago',
    'Published 12:30 PM, Nov. 3, 2026',
    'Tags: ferries, Port Ellis, harbour board',
    '* * *',
    '[Share on Facebook](https://facebook.example/share)',
    '**Advertisement**',
  ])('drops %j', (line) => {
    expect(isBoilerplate(line)).toBe(true);
  });

  it.each([
    'The council will sign up for the scheme, which shares e-books between towns, as part of the plan.',
    'Sign up for the scheme closes on Friday, the council said.',
    'Residents left more than 300 comments on the consultation, most of them in favour, officials said.',
    'More from the council is expected next week.',
    'The board said it would share the cost of the advertisement campaign with the tourist office.',
    'Readers who want more can read the full report on the council website, officials said.',
    'The regulator said websites that use cookies must ask visitors for consent first.',
    'Related work on the sea wall will start in the spring.',
    'Follow the money, she said, and you will find the reason the ferry was late.',
    'Copyright lawyers say the case could take years.',
    'Reporting by the Herald found that fares had doubled in a decade.',
    'Home owners on the front have been told to expect noise at night.',
    'The photo, taken in 1931, shows the pool on its opening day.',
    'Click, the new app from the harbour board, lets passengers book a seat.',
    'Subscribers to the ferry pass will pay the same as last year.',
    '“Back to the top of the hill,” the coach shouted, and they ran again.',
    'The figures were first reported by Reuters.',
    'Storm closes ferry route for third day',
    'Twenty-one of the island’s 27 councillors voted for the plan.',
  ])('keeps the story sentence %j', (line) => {
    expect(isBoilerplate(line)).toBe(false);
  });
});

describe('isTimestamp', () => {
  it.each(['November 3, 2026', '3 November 2026', 'Mon, Nov 3, 2026 12:30 pm ET', 'Updated: 2026-11-03 09:15', 'Published 12:30 PM, Nov. 3, 2026', '03/11/2026'])('%j is a date line', (line) => {
    expect(isTimestamp(line)).toBe(true);
  });

  it.each(['The vote was held on November 3, 2026.', 'November', 'On Monday the board met.'])('%j is not', (line) => {
    expect(isTimestamp(line)).toBe(false);
  });
});

describe('trimLeftovers', () => {
  const story = ['The harbour board froze ferry fares for the winter on Monday.', 'Crews welcomed the decision, their union said.', 'Fares will be reviewed in January.'];

  it('keeps a real paragraph after a stray "Advertisement"', () => {
    expect(trimLeftovers([story[0] as string, 'Advertisement', 'Crews welcomed it.', 'ADVERTISEMENT', story[2] as string])).toEqual([story[0], 'Crews welcomed it.', story[2]]);
  });

  it('drops "Related Articles" and the headlines under it at the end', () => {
    expect(trimLeftovers([...story, 'Related Articles', 'Storm Closes Ferry Route', 'Harbour Board Names New Chair', 'Back to top button'])).toEqual(story);
  });

  it('keeps the story after a related box inside it', () => {
    const paragraphs = [story[0] as string, 'Related Articles', 'Storm Closes Ferry Route', 'Harbour Board Names New Chair', story[1] as string, story[2] as string];
    expect(trimLeftovers(paragraphs)).toEqual(story);
  });

  it('keeps a short last paragraph after a related box with one headline', () => {
    expect(trimLeftovers([story[0] as string, 'Related:', 'Storm Closes Ferry Route', 'The board meets again in March.'])).toEqual([story[0], 'The board meets again in March.']);
  });

  it('drops a list of headlines with teasers under them', () => {
    const paragraphs = [...story, 'More from Harbour News', 'Ferry Union Backs Deal', 'Crews agreed to keep the night crossing.', 'Lighthouse Cottage Opens', 'Volunteers raised £48,000 to repair the roof.'];
    expect(trimLeftovers(paragraphs)).toEqual(story);
  });

  it('drops a comment thread whole', () => {
    const paragraphs = [...story, '2 Comments', 'Harbourwatcher', 'November 3, 2026 at 4:12 pm', 'About time. The fares have been too high for years.', 'Reply', 'Islander', '2 hours ago', 'Good news for the islands.', 'Reply'];
    expect(trimLeftovers(paragraphs)).toEqual(story);
  });

  it('says why each paragraph went', () => {
    expect(markLeftovers([story[0] as string, 'Advertisement', 'Related Articles', 'Storm Closes Ferry Route', story[1] as string])).toEqual([null, 'furniture', 'list-head', 'listed', null]);
  });
});
