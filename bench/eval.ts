/**
 * npm run eval: score summaries and pull quotes on the shared reference data
 * (../shared/eval), when it is there. The data is read at run time, never
 * copied into the project.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { run } from '../src/cli/run.js';

const root = path.resolve(import.meta.dirname, '../..');
const dir = path.resolve(root, process.argv[2] ?? '../shared/eval');
if (!existsSync(dir)) {
  console.log(`No evaluation data at ${dir}; pass the folder as an argument to score against your own.`);
} else {
  const files = readdirSync(dir).sort();
  const pick = (prefix: string): string[] => files.filter((f) => f.startsWith(prefix) && f.endsWith('.jsonl')).map((f) => path.join(dir, f));
  let code = await run(['eval', 'summaries', ...pick('summaries-')]);
  if (code === 0) code = await run(['eval', 'quotes', ...pick('quotes-')]);
  process.exitCode = code;
}
