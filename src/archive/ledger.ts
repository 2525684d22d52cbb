import type { Ledger } from '../send/ledger.js';
import type { ArchiveSource } from './types.js';

/** The archive of one list, read from the state database on every call, so a send that finishes shows at once. */
export function ledgerArchive(ledger: Pick<Ledger, 'archivedIssues' | 'archivedIssue'>, listId: string): ArchiveSource {
  return {
    issues: () => ledger.archivedIssues(listId),
    issue: (issueNumber) => ledger.archivedIssue(listId, issueNumber),
  };
}
