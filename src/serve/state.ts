import { existsSync } from 'node:fs';
import { ledgerArchive } from '../archive/ledger.js';
import type { ArchiveSource } from '../archive/types.js';
import { GazetteError } from '../errors.js';
import { Ledger } from '../send/ledger.js';
import type { SuppressionList } from './unsubscribe.js';

/** What serve and the static archive read (and, for serve, the one thing it writes), from the state database. */
export interface PublicState {
  archive: ArchiveSource;
  suppressions: SuppressionList;
  /** Throws when the database cannot be read. */
  checkHealth: () => void;
  close: () => void;
}

/**
 * Open the send ledger at `statePath` for the public side. It must exist
 * already: a typo in --state would otherwise start an empty archive whose
 * unsubscribes no send ever reads.
 */
export function openPublicState(statePath: string, listId: string): PublicState {
  if (!existsSync(statePath)) {
    throw new GazetteError('USAGE', `there is no send ledger at ${statePath}`, {
      fix: 'pass --state with the file `gazette send` uses (default .gazette/state.db), or send an issue first',
    });
  }
  const ledger = Ledger.open(statePath);
  const probe = ledger.db.prepare('SELECT COUNT(*) AS n FROM suppressions');
  return {
    archive: ledgerArchive(ledger, listId),
    suppressions: ledger,
    checkHealth: () => {
      probe.get();
    },
    close: () => ledger.close(),
  };
}
