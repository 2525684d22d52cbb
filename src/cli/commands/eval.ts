import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CommandModule } from 'yargs';
import { GazetteError } from '../../errors.js';
import type { Io } from '../io.js';

interface EvalArgs {
  kind: 'summaries' | 'quotes';
  files: string[];
  sentences: number;
}

export function evalCommand(io: Io, done: (code: number) => void): CommandModule<object, EvalArgs> {
  return {
    command: 'eval <kind> <files..>',
    describe: 'Score summaries (ROUGE, beside Lead-3) or pull quotes against reference JSONL data',
    builder: (y) =>
      y
        .positional('kind', { choices: ['summaries', 'quotes'] as const, describe: 'What to score' })
        .positional('files', { type: 'string', array: true, describe: 'JSONL files (see ../shared/eval/README.md for the format)' })
        .option('sentences', { type: 'number', default: 3, describe: 'Summary length in sentences (and Lead-N)' }) as never,
    handler: async (args) => {
      if (!Number.isInteger(args.sentences) || args.sentences < 1) {
        throw new GazetteError('USAGE', `--sentences is ${args.sentences}`, { fix: 'use a whole number of 1 or more' });
      }
      // Loaded here, not at start-up: only this command needs the scorers.
      const { evaluateQuotes, formatQuoteReport, parseQuoteRows } = await import('../../eval/quotes.js');
      const { evaluateSummaries, formatSummaryReport, parseSummaryRows } = await import('../../eval/summaries.js');
      for (const file of args.files) {
        const source = await readInput(path.resolve(io.cwd, file), file);
        const label = path.basename(file);
        if (args.kind === 'summaries') {
          io.out(formatSummaryReport(evaluateSummaries(parseSummaryRows(source, file), { sentences: args.sentences }), label));
        } else {
          io.out(formatQuoteReport(evaluateQuotes(parseQuoteRows(source, file)), label));
        }
        io.out('');
      }
      done(0);
    },
  };
}

async function readInput(resolved: string, file: string): Promise<string> {
  try {
    return await readFile(resolved, 'utf8');
  } catch (cause) {
    throw new GazetteError('EVAL_INPUT', `cannot read ${file} (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, {
      fix: 'pass the path of a JSONL file',
      cause,
    });
  }
}
