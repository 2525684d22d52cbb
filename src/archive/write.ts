import path from 'node:path';
import { replaceFolder } from '../files/replace-folder.js';
import { writeFileAtomically } from '../files/write-file.js';
import type { ArchiveFile } from './site.js';

const FOLDER = 'archive';
const UNDER = `${FOLDER}/`;
const NAMES = { what: 'the archive', elsewhere: 'pass another --out' };

/**
 * Write the archive's files under `dir`. The pages under `archive/` replace
 * the previous ones as one folder (files/replace-folder.ts), so the list
 * never links to an issue page that is not there yet and a failed run leaves
 * the previous pages; an issue no longer in the archive goes with it, as it
 * is gone from `serve`. Then the feed, which links to the pages, is
 * renamed into place. The rest of `dir` (the site around the archive) is not
 * touched. Returns the paths written, in the order given.
 */
export async function writeArchive(dir: string, files: readonly ArchiveFile[]): Promise<string[]> {
  const pages = files.filter((f) => f.path.startsWith(UNDER));
  const written = new Map<ArchiveFile, string>();
  if (pages.length > 0) {
    await replaceFolder(
      path.join(dir, FOLDER),
      async (staging) => {
        for (const page of pages) written.set(page, await staging.write(page.path.slice(UNDER.length), page.body));
      },
      { ...NAMES, owns: isArchivePage },
    );
  }
  for (const file of files.filter((f) => !f.path.startsWith(UNDER))) {
    const target = path.join(dir, ...file.path.split('/'));
    await writeFileAtomically(target, file.body, NAMES);
    written.set(file, target);
  }
  return files.map((f) => written.get(f) ?? '');
}

/** What an earlier run wrote under archive/: the list, and a folder with a page per issue. */
function isArchivePage(relative: string, isFolder: boolean): boolean {
  return isFolder ? /^\d+$/.test(relative) : /^(?:\d+\/)?index\.html$/.test(relative);
}
