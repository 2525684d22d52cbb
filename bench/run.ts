/**
 * npm run bench: how long gazette takes to render the sample digest, beside
 * MJML alone compiling the very same MJML, measured in the same run.
 *
 *   warm render   renderDigest() in-process, median of 20 (after warm-up)
 *                 vs mjml2html() on the same digest.mjml, same options
 *   cold build    `gazette build` as a new process, median of 5
 *                 vs the `mjml` CLI compiling the same digest.mjml, median of 5
 *
 * The two sides of each pair take turns run by run, so neither is favoured
 * by warm-up order or by what else the machine is doing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mjml2html from 'mjml';
import { buildDigest, loadArticles, readConfigFile, renderDigest } from '../src/index.js';
import { compare, median, ms } from './stats.js';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/src/cli/main.js');
const mjmlCli = path.join(root, 'node_modules/mjml/bin/mjml');
const date = '2026-11-30';

const { config } = await readConfigFile(path.join(root, 'gazette.config.json'));
const { articles } = await loadArticles(path.join(root, 'articles'));
const digest = buildDigest(articles, config, { date });
const rendered = await renderDigest(digest, config);
const mjmlOptions = { validationLevel: 'strict', minify: true, beautify: false, keepComments: false, fonts: {} } as const;

const [enrichTimes = []] = await compare(20, [() => buildDigest(articles, config, { date })], 5);
const [gazetteWarm = [], mjmlWarm = []] = await compare(20, [() => renderDigest(digest, config), () => mjml2html(rendered.mjml, mjmlOptions)], 10);

const scratch = mkdtempSync(path.join(tmpdir(), 'gazette-bench-'));
const mjmlFile = path.join(scratch, 'digest.mjml');
writeFileSync(mjmlFile, rendered.mjml);
const [gazetteCold = [], mjmlCold = []] = await compare(5, [
  () => execFileSync(process.execPath, [cli, 'build', '--date', date, '--out', path.join(scratch, 'out')], { cwd: root, stdio: 'ignore' }),
  () =>
    execFileSync(process.execPath, [mjmlCli, mjmlFile, '-o', path.join(scratch, 'mjml.html'), '--config.minify', 'true', '--config.validationLevel', 'strict', '--config.keepComments', 'false'], { stdio: 'ignore' }),
]);
const [enrich, warmGazette, warmMjml, coldGazette, coldMjml] = [enrichTimes, gazetteWarm, mjmlWarm, gazetteCold, mjmlCold].map(median) as [number, number, number, number, number];
rmSync(scratch, { recursive: true, force: true });

const rows: [string, string, string, string][] = [
  ['', 'gazette', 'mjml alone', 'ratio'],
  ['warm render (median of 20)', ms(warmGazette), ms(warmMjml), `${(warmGazette / warmMjml).toFixed(2)}×`],
  ['cold build (median of 5)', ms(coldGazette), ms(coldMjml), `${(coldGazette / coldMjml).toFixed(2)}×`],
];
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
console.log(`Sample digest: ${digest.articles.length} articles, HTML ${(Buffer.byteLength(rendered.html) / 1024).toFixed(1)} KB, text ${(Buffer.byteLength(rendered.text) / 1024).toFixed(1)} KB`);
console.log('');
for (const row of rows) console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('   '));
console.log('');
console.log(`enrich + compose, ${digest.articles.length} articles (median of 20): ${ms(enrich)}`);
console.log('warm render = Handlebars + MJML (strict, minified) + text part; cold build = a new `gazette build` process, load to write.');
await (await import('./preview.js')).benchPreview(root, date);
await (await import('./send.js')).benchSend(root, date);
await (await import('./pathological.js')).benchPathological();
