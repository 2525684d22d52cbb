/**
 * Pathological inputs: how long enriching one hostile article takes, beside
 * ordinary prose of the same size measured in the same run (issue 9: a
 * scheduled send must not hang on one odd article).
 *
 *   enrich     buildDigest() on the loaded article (summary, pull quote,
 *              photo, then compose), median of 5, in this process's CPU
 *              time so that other work on the machine does not blur it
 *   × prose    that time over ordinary prose's at the same size
 *   100/50     the time at 100 KB over the time at 50 KB: about 2 when the
 *              work grows with the article's length, 4 with its square;
 *              every row, prose included, tends to read a little above 2
 *              on this step and about 2 again from 100 to 200 KB
 *
 * Every kind takes its turn in each round, prose included, after one
 * warm-up at 4 KB, so that none gets the JIT's or the machine's better
 * moments. `npm run bench:pathological` runs this section alone.
 */
import { pathToFileURL } from 'node:url';
import { buildDigest, parseArticle, resolveConfig, type Article } from '../src/index.js';
import { ORDINARY, PATHOLOGIES } from './pathological-inputs.js';
import { compare, cpuMs, median } from './stats.js';

const SIZES = [25, 50, 100] as const;
const config = resolveConfig({
  name: 'The Tidewater Weekly',
  from: { address: 'weekly@example.org' },
  postalAddress: '12 Quay Street, Port Ellis TW1 4AB',
  siteUrl: 'https://example.org',
});

const load = (file: string): Article => parseArticle(file, 'bench.md').article;
const enrich = (article: Article): unknown => buildDigest([article], config, { date: '2026-11-30' });

export async function benchPathological(): Promise<void> {
  const kinds = [ORDINARY, ...PATHOLOGIES];
  const start = performance.now();
  await compare(1, kinds.map((kind) => () => enrich(load(kind.file(4 * 1024)))));
  // medians[s][k]: the median time of kind k at SIZES[s]; kind 0 is prose.
  const medians: number[][] = [];
  for (const kb of SIZES) {
    const articles = kinds.map((kind) => load(kind.file(kb * 1024)));
    medians.push((await compare(5, articles.map((article) => () => enrich(article)), 0, cpuMs)).map(median));
  }
  const seconds = (performance.now() - start) / 1000;

  const at = (s: number, k: number): number => medians[s]?.[k] ?? NaN;
  const rows = kinds.map((kind, k) => [
    kind.name,
    ...SIZES.map((_, s) => `${at(s, k).toFixed(0)} ms ${`(${(at(s, k) / at(s, 0)).toFixed(1)}×)`.padStart(7)}`),
    (at(2, k) / at(1, k)).toFixed(2),
  ]);
  const table = [['', ...SIZES.map((kb) => `${kb} KB`), '100/50'], ...rows];
  const widths = table[0]?.map((_, i) => Math.max(...table.map((row) => row[i]?.length ?? 0))) ?? [];
  console.log('');
  console.log('Pathological inputs: enriching one article (CPU time, median of 5), and × ordinary prose of the same size:');
  console.log('');
  for (const row of table) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('   '));
  console.log('');
  console.log(`100/50 is the growth from 50 to 100 KB: 2 is linear, 4 quadratic; read it beside prose's, which steps up there too.`);
  console.log(`Loading (markdown) is linear too, and rendering sees only the digest; test/enrich/pathological.test.ts`);
  console.log(`guards the whole build. (${seconds.toFixed(0)} s)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchPathological();
