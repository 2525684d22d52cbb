import { describe, expect, it } from 'vitest';
import { splitCredit } from '../../src/index.js';

describe('splitCredit', () => {
  it.each([
    ['Workers lift the first span into place on Tuesday. Photo: Dana Okafor/Coastline Press', 'Workers lift the first span into place on Tuesday.', 'Photo: Dana Okafor/Coastline Press'],
    ['Troops board at Fort Ellis, N.C., on Feb. 3. Photo: Lena Vos/Tide Agency via Getty Images', 'Troops board at Fort Ellis, N.C., on Feb. 3.', 'Photo: Lena Vos/Tide Agency via Getty Images'],
    ['Crowds gather at the quay — Credit: Sam Ito', 'Crowds gather at the quay', 'Credit: Sam Ito'],
    ['The quay at dawn (AP Photo/Lee Marsh)', 'The quay at dawn', 'AP Photo/Lee Marsh'],
    ['The quay at dawn. Lee Marsh/Harbour Wire', 'The quay at dawn.', 'Lee Marsh/Harbour Wire'],
    ['The quay at dawn. Lee Marsh/Harbour Wire via Getty Images', 'The quay at dawn.', 'Lee Marsh/Harbour Wire via Getty Images'],
    ['The quay at dawn. Getty Images', 'The quay at dawn.', 'Getty Images'],
    ['Rescuers search the dunes near St. Ives. Picture by Tom Rye/PA Wire', 'Rescuers search the dunes near St. Ives.', 'Picture by Tom Rye/PA Wire'],
    ['Fishermen at work. Courtesy of the Harbour Trust', 'Fishermen at work.', 'Courtesy of the Harbour Trust'],
    ['The new span [Photo: Sam Ito]', 'The new span', 'Photo: Sam Ito'],
    ['Photo: Sam Ito', null, 'Photo: Sam Ito'],
  ])('%s', (text, caption, credit) => {
    expect(splitCredit(text)).toEqual({ caption, credit });
  });

  it.each([
    'A photo of the mayor and her dog at the fair',
    'Input/output figures rose in the town.',
    'The mayor at the fair. Her dog watches on',
  ])('leaves a caption without a credit alone: %s', (text) => {
    expect(splitCredit(text)).toEqual({ caption: text, credit: null });
  });

  it('gives nulls for an empty caption', () => {
    expect(splitCredit('  ')).toEqual({ caption: null, credit: null });
  });
});
