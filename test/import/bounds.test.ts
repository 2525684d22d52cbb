import { describe, expect, it } from 'vitest';
import { GazetteError } from '../../src/errors.js';
import { boundDepth, MAX_DEPTH, MAX_ELEMENTS } from '../../src/import/bounds.js';
import { all, parseDocument, textOf, type DomElement } from '../../src/import/dom.js';

/** Levels below `root`, itself counted, walked with a stack (the point of these tests is that recursion fails here). */
function depthOf(root: DomElement): number {
  let deepest = 0;
  const pending: [DomElement, number][] = [[root, 1]];
  for (let item = pending.pop(); item; item = pending.pop()) {
    deepest = Math.max(deepest, item[1]);
    for (const child of Array.from(item[0].children)) pending.push([child, item[1] + 1]);
  }
  return deepest;
}

const story = '<p>The harbour board met on <em>Tuesday</em> to <a href="https://x.example.org/fares">freeze the fares</a>.</p><p>Residents cheered.</p>';

describe('boundDepth', () => {
  it('brings 10,000 nested <div>s within bounds, keeping every word in order and the paragraphs as they were', () => {
    const doc = parseDocument(`<body><header>Top</header>${'<div>'.repeat(10_000)}before ${story} after${'</div>'.repeat(10_000)}<footer>End</footer></body>`);
    expect(depthOf(doc.documentElement)).toBeLessThanOrEqual(MAX_DEPTH);
    expect(textOf(doc.body)).toBe('Topbefore The harbour board met on Tuesday to freeze the fares.Residents cheered. afterEnd');
    expect(all(doc, 'p').map((p) => p.outerHTML).join('')).toBe(story);
    expect(doc.querySelector('body > header')).not.toBeNull();
  });

  it('keeps the words in order when every level has text of its own, as unclosed tags give', () => {
    const levels = Array.from({ length: 3_000 }, (_, i) => `<font>word${i} `).join('');
    const doc = parseDocument(`<body><article>${levels}</article></body>`);
    expect(depthOf(doc.documentElement)).toBeLessThanOrEqual(MAX_DEPTH);
    expect(textOf(doc.body).split(' ')).toEqual(Array.from({ length: 3_000 }, (_, i) => `word${i}`));
  });

  it('leaves a page within bounds as it was', () => {
    // <html>, <body>, the <div>s, <p> and <a>: MAX_DEPTH levels exactly.
    const page = `<html><head></head><body>${'<div class="w">'.repeat(MAX_DEPTH - 4)}${story}${'</div>'.repeat(MAX_DEPTH - 4)}</body></html>`;
    const doc = parseDocument(page);
    const before = doc.documentElement.outerHTML;
    boundDepth(doc.documentElement);
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(all(doc, 'div.w')).toHaveLength(MAX_DEPTH - 4);
    expect(depthOf(doc.documentElement)).toBe(MAX_DEPTH);
  });
});

describe('parseDocument', () => {
  it('refuses a page with more elements than any article page, before parsing it', () => {
    const huge = `<body>${'<p>x</p>'.repeat(MAX_ELEMENTS + 1)}</body>`;
    expect(() => parseDocument(huge)).toThrow(GazetteError);
    expect(() => parseDocument(huge)).toThrow(/more than 50,000 elements.*: check that it is one article/);
    expect(() => parseDocument(`<body>${'<p>x</p>'.repeat(MAX_ELEMENTS - 10)}</body>`)).not.toThrow();
  });
});
