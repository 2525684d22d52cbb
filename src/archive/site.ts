import type { Config } from '../config/schema.js';
import { archiveFeed } from './feed.js';
import { archiveIndexPage, archiveIssuePage } from './pages.js';
import type { ArchiveSource } from './types.js';

/** One file of the public archive, by its path under the public address. */
export interface ArchiveFile {
  /** "archive/index.html", "archive/3/index.html", "feed.xml". */
  path: string;
  body: string;
}

/** The whole archive as files, for a static web host: what `gazette serve` answers, page for page. */
export function archiveFiles(config: Config, source: ArchiveSource): ArchiveFile[] {
  const issues = source.issues();
  return [
    { path: 'archive/index.html', body: archiveIndexPage(config, issues) },
    ...issues.map((issue) => ({ path: `archive/${issue.number}/index.html`, body: archiveIssuePage(config, issue) })),
    { path: 'feed.xml', body: archiveFeed(config, issues) },
  ];
}
