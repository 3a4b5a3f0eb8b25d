/**
 * The archive-wide engines' cost: `npm run bench:engines [-- --sizes 2000,10000] [--repeats 2]`.
 * Generates an archive with the corpus generator (the newsletter's real summaries from
 * ../shared/corpus/an-database.csv when present, repeated under new numbers past the real
 * archive; made-up text otherwise), parses it, and times related summaries, charts, BibTeX and
 * topic feeds on the first N summaries. Prints a table; `--json` prints the results as JSON.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCategories } from '../src/records/categories.ts';
import { generateCorpus } from './generate/corpus.ts';
import { parseArchive } from '../src/parse.ts';
import { readOptionalText } from '../src/io/read.ts';
import { startScript } from '../scripts/environment.ts';
import { measureEngines, type EngineResult } from './bench/engines.ts';

startScript();

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv: string[]): { sizes: number[]; repeats: number; json: boolean } {
  const args = { sizes: [2000, 10000], repeats: 2, json: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--sizes')
      args.sizes = (argv[++i] ?? '')
        .split(',')
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0);
    else if (flag === '--repeats') args.repeats = Math.max(0, Math.floor(Number(argv[++i])) || 0);
    else if (flag === '--json') args.json = true;
    else throw new Error(`unknown argument ${flag}`);
  }
  if (args.sizes.length === 0) throw new Error('--sizes needs a list like 2000,10000');
  return args;
}

const args = parseArgs(process.argv.slice(2));
const vocabulary = parseCategories(readFileSync(path.join(ROOT, 'content/categories.yml'), 'utf8'));
const databaseCsv = readOptionalText(path.resolve(ROOT, '../shared/corpus/an-database.csv'));
// About 11 summaries an issue: enough issues for the largest size, with a margin.
const issueCount = Math.ceil(Math.max(...args.sizes) / 8);
const files = generateCorpus({ issues: issueCount, seed: 'bench', databaseCsv, vocabulary });
const { issues } = parseArchive(
  files.map((f) => ({ file: f.name, text: f.text })),
  { vocabulary },
);
const results: EngineResult[] = args.sizes.map((n) => measureEngines(issues, n, args.repeats));

if (args.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
else {
  const ms = (t: { firstMs: number; bestMs: number }): string => `${Math.round(t.bestMs)} (first ${Math.round(t.firstMs)})`;
  const rows: [string, (r: EngineResult) => string][] = [
    ['summaries (issues)', (r) => `${r.summaries} (${r.issues})`],
    ['related summaries, CPU ms', (r) => ms(r.related)],
    ['  summaries with no related one', (r) => String(r.related.emptyLists)],
    [
      '  links by reason',
      (r) =>
        Object.entries(r.related.withReasons)
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
    ],
    ['charts (4 + a sparkline per category), CPU ms', (r) => ms(r.charts)],
    ['  SVG KB (sparklines)', (r) => `${(r.charts.svgBytes / 1024).toFixed(1)} (${r.charts.sparklines})`],
    ['BibTeX, every entry + one .bib, CPU ms', (r) => ms(r.bibtex)],
    ['  entries, .bib KB', (r) => `${r.bibtex.entries}, ${(r.bibtex.bytes / 1024).toFixed(0)}`],
    ['topic and person feeds, CPU ms', (r) => ms(r.feeds)],
    ['  feeds', (r) => String(r.feeds.feeds)],
  ];
  process.stdout.write(`text: ${databaseCsv ? 'the newsletter database, repeated past the real archive' : 'made up'}\n`);
  for (const [label, cell] of rows) process.stdout.write(`${label.padEnd(48)} ${results.map(cell).join(' | ')}\n`);
}
