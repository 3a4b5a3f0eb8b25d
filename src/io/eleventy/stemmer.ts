/**
 * The Porter2 stemmer (the `porter2` package, MIT), as an ES module for the search page
 * (`assets/stem.js`): Pagefind stems English words with Porter2 (Snowball English) and, for a word
 * it does not know, matches the longest prefix it knows (`RLHF` finds every `RL`); the search page
 * stems a query word the same way to tell the two apart (templates/assets/search.js). The package
 * is CommonJS: its one file is wrapped so `stem` is its export.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The module's text, read from the package each time it is asked for (once a build: one small file). */
export function stemmerModule(): string {
  return [
    '// porter2 (MIT licence): https://www.npmjs.com/package/porter2, wrapped as an ES module.',
    'const exports = {};',
    readFileSync(require.resolve('porter2'), 'utf8'),
    'export const stem = exports.stem;',
    '',
  ].join('\n');
}
