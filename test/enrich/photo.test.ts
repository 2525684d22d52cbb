import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/index.js';
import { extractPhoto } from '../../src/enrich/photo.js';

const base = 'https://tide.example.org';

function article(frontMatter: string, body: string) {
  return parseArticle(`---\ntitle: The new bridge\nurl: https://news.example.org/bridge\ndate: 2026-11-30\n${frontMatter}---\n\n${body}`, 'a.md').article;
}

describe('extractPhoto', () => {
  it('takes the front matter photo, splitting a credit out of the caption', () => {
    const { photo } = extractPhoto(article('image: https://media.example.org/b.jpg\ncaption: "The span at dusk. Photo: Sam Ito/Tide Wire"\n', 'Text.'), base);
    expect(photo).toEqual({ src: 'https://media.example.org/b.jpg', alt: 'The span at dusk.', caption: 'The span at dusk.', credit: 'Photo: Sam Ito/Tide Wire' });
  });

  it('prefers image_alt and an explicit credit', () => {
    const { photo } = extractPhoto(article('image: https://media.example.org/b.jpg\nimage_alt: A steel span over grey water\ncaption: The span at dusk.\ncredit: "Photo: Sam Ito"\n', 'Text.'), base);
    expect(photo).toMatchObject({ alt: 'A steel span over grey water', caption: 'The span at dusk.', credit: 'Photo: Sam Ito' });
  });

  it('resolves a relative image path against the base URL', () => {
    const { photo } = extractPhoto(article('image: images/b.jpg\n', 'Text.'), base);
    expect(photo?.src).toBe('https://tide.example.org/images/b.jpg');
    expect(photo?.alt).toBe('The new bridge');
  });

  it('takes a markdown image with a title as photo and caption, and removes it from the text', () => {
    const { photo, blocks } = extractPhoto(article('', 'First paragraph.\n\n![A span](https://media.example.org/b.jpg "The span at dusk. Photo: Sam Ito")\n\nSecond paragraph.'), base);
    expect(photo).toEqual({ src: 'https://media.example.org/b.jpg', alt: 'A span', caption: 'The span at dusk.', credit: 'Photo: Sam Ito' });
    expect(blocks.map((b) => ('text' in b ? b.text : b.kind))).toEqual(['First paragraph.', 'Second paragraph.']);
  });

  it('takes an image followed by a caption paragraph with a credit, and removes both', () => {
    const { photo, blocks } = extractPhoto(article('', '![](https://media.example.org/b.jpg)\n\nCrews fix the last bolt. Photo: Sam Ito/Tide Wire\n\nThe bridge opens in May.'), base);
    expect(photo).toEqual({ src: 'https://media.example.org/b.jpg', alt: 'Crews fix the last bolt.', caption: 'Crews fix the last bolt.', credit: 'Photo: Sam Ito/Tide Wire' });
    expect(blocks).toHaveLength(1);
  });

  it('takes an italic caption paragraph without a credit', () => {
    const { photo, blocks } = extractPhoto(article('', '![Bridge](https://media.example.org/b.jpg)\n\n*Crews fix the last bolt.*\n\nThe bridge opens in May.'), base);
    expect(photo?.caption).toBe('Crews fix the last bolt.');
    expect(blocks).toHaveLength(1);
  });

  it('does not take ordinary body text after an image as its caption', () => {
    const { photo, blocks } = extractPhoto(article('', '![Bridge](https://media.example.org/b.jpg)\n\nThe bridge opens in May, the council said on Tuesday.'), base);
    expect(photo?.caption).toBeNull();
    expect(photo?.alt).toBe('Bridge');
    expect(blocks).toHaveLength(1);
  });

  it('uses the body caption when the front matter names the same image', () => {
    const { photo, blocks } = extractPhoto(article('image: https://media.example.org/b.jpg\n', '![Bridge](https://media.example.org/b.jpg "Crews at work")\n\nText.'), base);
    expect(photo).toMatchObject({ caption: 'Crews at work', alt: 'Bridge' });
    expect(blocks).toHaveLength(1);
  });

  it('ignores images an email cannot show', () => {
    expect(extractPhoto(article('', '![x](data:image/png;base64,AAAA)\n\nText.'), base).photo).toBeNull();
  });

  it('gives no photo when there is none', () => {
    expect(extractPhoto(article('', 'Text.'), base)).toEqual({ photo: null, blocks: [expect.objectContaining({ text: 'Text.' })] });
  });
});
