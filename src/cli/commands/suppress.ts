import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CommandModule } from 'yargs';
import { GazetteError } from '../../errors.js';
import type { Io } from '../io.js';
import { DEFAULT_STATE } from './send.js';

interface SuppressArgs {
  action: 'add' | 'remove' | 'list';
  addresses?: string[];
  reason?: string;
  from?: string;
  state?: string;
  json: boolean;
}

const SOURCE = 'operator';

/**
 * `gazette suppress add|remove|list`: the suppression list by hand, for
 * what the relay reports later (bounces) and complaints. The send reads it
 * when it starts and again before each message; `gazette serve` adds
 * unsubscribes to the same table.
 */
export function suppressCommand(io: Io, done: (code: number) => void): CommandModule<object, SuppressArgs> {
  return {
    command: 'suppress <action> [addresses..]',
    describe: 'Add addresses to the suppression list (never sent to again), remove them, or list it',
    builder: (y) =>
      y
        .positional('action', { choices: ['add', 'remove', 'list'] as const, describe: 'add, remove or list' })
        .positional('addresses', { type: 'string', array: true, describe: 'Email addresses' })
        .option('reason', { type: 'string', describe: 'With add: why, as the list shows it [default: "added by an operator"]' })
        .option('from', { type: 'string', describe: 'With add or remove: a file of addresses, one a line ("#" starts a comment)' })
        .option('state', { type: 'string', describe: `The send ledger (SQLite) [default: ${DEFAULT_STATE}]` })
        .option('json', { type: 'boolean', default: false, describe: 'With list: JSON Lines' }) as never,
    handler: async (args) => {
      const statePath = path.resolve(io.cwd, args.state ?? DEFAULT_STATE);
      if (args.action === 'list') {
        if ((args.addresses ?? []).length > 0 || args.from !== undefined) throw new GazetteError('USAGE', 'list takes no addresses', { fix: 'run gazette suppress list' });
        done(await list(statePath, args.json, io));
        return;
      }
      const addresses = await addressesOf(args, io);
      if (addresses.length === 0) {
        throw new GazetteError('USAGE', `no addresses to ${args.action}`, { fix: `name them: gazette suppress ${args.action} ADDRESS…, or --from FILE` });
      }
      const { Ledger } = await import('../../send/ledger.js');
      const ledger = Ledger.open(statePath);
      try {
        if (args.action === 'add') {
          const reason = args.reason?.trim() || 'added by an operator';
          const added = ledger.db.transaction(() => addresses.filter((a) => ledger.suppress(a, reason, SOURCE)))();
          for (const address of addresses.filter((a) => !added.includes(a))) {
            const earlier = ledger.suppression(address);
            io.err(`note: ${address} was already suppressed${earlier ? ` (${earlier.reason}; ${earlier.source}, ${earlier.createdAt})` : ''}`);
          }
          io.out(`Suppressed ${count(added.length)} in ${path.relative(io.cwd, statePath) || statePath}: no send will go to ${added.length === 1 ? 'it' : 'them'}.`);
        } else {
          const removed = ledger.db.transaction(() => addresses.filter((a) => ledger.unsuppress(a)))();
          for (const address of addresses.filter((a) => !removed.includes(a))) io.err(`note: ${address} was not suppressed`);
          io.out(`Removed ${count(removed.length)} from the suppression list: the next send goes to ${removed.length === 1 ? 'it' : 'them'} again if listed.`);
        }
      } finally {
        ledger.close();
      }
      done(0);
    },
  };
}

async function list(statePath: string, json: boolean, io: Io): Promise<number> {
  const { existsSync } = await import('node:fs');
  if (!existsSync(statePath)) {
    if (!json) io.out(`No suppressions: there is no ledger at ${statePath} yet.`);
    return 0;
  }
  const { Ledger } = await import('../../send/ledger.js');
  const ledger = Ledger.open(statePath);
  try {
    const rows = ledger.suppressions();
    if (json) {
      for (const row of rows) io.out(JSON.stringify(row));
      return 0;
    }
    if (rows.length === 0) {
      io.out('No suppressions.');
      return 0;
    }
    const width = Math.max(7, ...rows.map((r) => r.address.length));
    const sourceWidth = Math.max(6, ...rows.map((r) => r.source.length));
    io.out(`${'address'.padEnd(width)}  ${'source'.padEnd(sourceWidth)}  since                 reason`);
    for (const r of rows) io.out(`${r.address.padEnd(width)}  ${r.source.padEnd(sourceWidth)}  ${r.createdAt.slice(0, 19)}Z  ${r.reason}`);
    io.out(`${count(rows.length)}.`);
    return 0;
  } finally {
    ledger.close();
  }
}

/** The addresses named and those in --from, checked: one bad line stops the command before any change, naming every bad one. */
async function addressesOf(args: SuppressArgs, io: Io): Promise<string[]> {
  const { isValidAddress, addressProblem, normaliseAddress } = await import('../../send/address.js');
  const given: { text: string; where: string }[] = (args.addresses ?? []).map((text) => ({ text, where: 'argument' }));
  if (args.from !== undefined) {
    let content: string;
    try {
      content = await readFile(path.resolve(io.cwd, args.from), 'utf8');
    } catch (cause) {
      throw new GazetteError('USAGE', `cannot read ${args.from} (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, { fix: 'pass --from a file of addresses, one a line' });
    }
    content.split(/\r?\n/).forEach((line, i) => {
      const text = line.replace(/#.*/, '').trim();
      if (text !== '') given.push({ text, where: `${args.from}:${i + 1}` });
    });
  }
  const bad = given.filter((g) => !isValidAddress(normaliseAddress(g.text)));
  if (bad.length > 0) {
    const errors = bad.map(
      (b) => new GazetteError('USAGE', `${b.where === 'argument' ? '' : `${b.where}: `}${JSON.stringify(b.text)} is not an email address (${addressProblem(normaliseAddress(b.text)) ?? 'invalid'})`),
    );
    throw new GazetteError('USAGE', `${bad.length} of the addresses ${bad.length === 1 ? 'is' : 'are'} not valid, so nothing was changed:`, { errors });
  }
  return [...new Set(given.map((g) => normaliseAddress(g.text)))];
}

function count(n: number): string {
  return `${n} address${n === 1 ? '' : 'es'}`;
}
