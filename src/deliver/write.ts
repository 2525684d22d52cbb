import { replaceFolder } from '../files/replace-folder.js';

/**
 * Write an issue's files as the folder `dir`, replacing the previous issue
 * there whole (files/replace-folder.ts): a reader sees one issue or the
 * other, and a failed build leaves the previous one as it was. A folder that
 * holds files other than an issue's is refused, not emptied. Returns the
 * paths written, in the order given.
 */
export async function writeIssue(dir: string, files: Readonly<Record<string, string>>): Promise<string[]> {
  const names = new Set(Object.keys(files));
  return replaceFolder(
    dir,
    async (staging) => {
      const paths: string[] = [];
      for (const [name, content] of Object.entries(files)) paths.push(await staging.write(name, content));
      return paths;
    },
    { what: 'the issue', elsewhere: 'pass another --out', owns: (name, isFolder) => !isFolder && names.has(name) },
  );
}
