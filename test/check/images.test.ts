import { describe, expect, it } from 'vitest';
import { imgAlt } from '../../src/check/img-alt.js';
import { imgSrc } from '../../src/check/img-src.js';
import { email, page } from './page.js';

const img = (attrs: string): string => page({ body: `<img ${attrs}>` });

describe('img-alt', () => {
  it('is an error for an image without alt, naming its src and line', () => {
    const [finding, ...rest] = imgAlt(email(img('src="https://media.example.org/ferry.jpg"')));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ level: 'error', rule: 'img-alt', where: '<img src="https://media.example.org/ferry.jpg"> (line 1)' });
  });

  it('accepts a described image', () => {
    expect(imgAlt(email(img('src="https://media.example.org/ferry.jpg" alt="A ferry leaves the pier"')))).toEqual([]);
  });

  it('warns about alt="" on a photo, but not on a spacer or a tracking pixel', () => {
    expect(imgAlt(email(img('src="https://media.example.org/ferry.jpg" alt="" width="600"')))).toMatchObject([{ level: 'warning', rule: 'img-alt' }]);
    expect(imgAlt(email(img('src="https://media.example.org/dot.gif" alt="" width="1" height="1"')))).toEqual([]);
    expect(imgAlt(email(img('src="https://media.example.org/dot.gif" alt="" style="width:1px;height:1px"')))).toEqual([]);
    expect(imgAlt(email(img('src="https://media.example.org/img/spacer.gif" alt=""')))).toEqual([]);
  });
});

describe('img-src', () => {
  it('accepts an absolute https address', () => {
    expect(imgSrc(email(img('src="https://media.example.org/ferry.jpg" alt="x"')))).toEqual([]);
  });

  it.each([
    ['relative', 'src="images/ferry.jpg"', /relative address "images\/ferry.jpg"/],
    ['plain http', 'src="http://media.example.org/ferry.jpg"', /plain http/],
    ['data:', 'src="data:image/png;base64,iVBORw0KGgo="', /data: URL/],
    ['protocol-relative', 'src="//media.example.org/ferry.jpg"', /protocol-relative/],
    ['missing', 'alt="x"', /without a src/],
  ])('is an error for a %s src', (_, attrs, message) => {
    const findings = imgSrc(email(img(attrs)));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ level: 'error', rule: 'img-src' });
    expect(findings[0]?.message).toMatch(message);
  });
});
