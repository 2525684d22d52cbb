import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/import/source.js';

describe('readSource', () => {
  it('stops reading a file source at the page size limit', async () => {
    await expect(readSource('/dev/zero')).rejects.toMatchObject({ code: 'IMPORT_SOURCE', problem: 'it is larger than 5 MB' });
  });
});
