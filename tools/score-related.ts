/**
 * How on topic the related summaries are on the real archive (not part of `npm test`):
 *   npm run score-related [-- --newsletters DIR] [-- --database FILE]
 *
 * Defaults: the saved pages in ../shared/corpus/real/html and ../shared/corpus/an-database.csv,
 * with the sample archive's categories.yml, site.yml, people.yml and newsletter.yml (the newsletter's conventions: without
 * it the issues are read by the generic rules and few summaries merge). Prints the share of related
 * links that stay in the page's database Category (tools/bench/related-score.ts). Skipped (exit 0)
 * when the corpus is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreRealArchive } from './bench/related-score.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argValue = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const newsletters = argValue('--newsletters') ?? path.resolve(root, '../shared/corpus/real/html');
const database = argValue('--database') ?? path.resolve(root, '../shared/corpus/an-database.csv');
if (!existsSync(newsletters) || !existsSync(database)) {
  process.stdout.write(`score-related: ${newsletters} or ${database} is absent: skipped\n`);
  process.exit(0);
}
const score = scoreRealArchive({ newsletters, database, settings: path.join(root, 'tests/fixtures/sample-archive') });
process.stdout.write(
  `related summaries: ${score.onTopic} of ${score.links} links (${(100 * score.share).toFixed(1)}%) stay in the page's database category, ` +
    `over ${score.pages} of ${score.summaries} summary pages (${score.unscored} links to pages without a database row not scored; ${Math.round(score.ms)} ms)\n`,
);
