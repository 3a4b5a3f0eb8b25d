/**
 * No newsletter's words in the product's code and templates: the Alignment Newsletter's markers,
 * taken from its own newsletter file (the copy in the parser's fixtures), are looked for in every
 * file of src/ and templates/. Its conventions live in that file, not in the code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AN_DIALECT } from '../support/dialect.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(path.join(dir, d.name)) : /\.(ts|njk|js|css|html)$/.test(d.name) ? [path.join(dir, d.name)] : [],
  );
}

/** The newsletter's own words: its name, its editor, its credit markers, its stub, its citation, its id prefix and its standing sentences. */
function markers(): { label: string; pattern: RegExp }[] {
  const d = AN_DIALECT;
  const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const words = [
    d.name!,
    d.editor!,
    ...d.credits.summarizedBy,
    ...d.credits.hatTip.filter((h) => h.includes('/')),
    ...d.highlights.stub.map((s) => `${s}!`),
    d.citation!.replace('{number}', ''),
    ...d.standingText.map((s) => s.replace(/\s*\[[^\]]*\]/g, '').slice(0, 40)),
  ];
  const id = d.issues.id.replace(/\{number(?::\d)?\}/, '');
  return [
    ...words.map((w) => ({ label: w, pattern: new RegExp(`\\b${esc(w.trim())}`) })),
    { label: `${id}<number>`, pattern: new RegExp(`\\b${esc(id)}\\d`) },
  ];
}

/** The places a marker may stand: database.csv's column names, which are its file format (`H/T`), where the file is read and where it is written again (the exports). */
const ALLOWED = [
  { file: 'src/merge/database.ts', label: 'H/T' },
  { file: 'src/site/pages/exports.ts', label: 'H/T' },
  { file: 'templates/assets/search.js', label: 'H/T' },
];

test('src/ and templates/ hold none of the sample newsletter’s words', () => {
  const found: string[] = [];
  const list = markers();
  assert.ok(list.length >= 10, 'the newsletter file gives the markers');
  for (const file of [...filesUnder(path.join(ROOT, 'src')), ...filesUnder(path.join(ROOT, 'templates'))]) {
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        for (const { label, pattern } of list) {
          if (ALLOWED.some((a) => a.file === rel && a.label === label)) continue;
          if (pattern.test(line)) found.push(`${rel}:${i + 1}: "${label}"`);
        }
      });
  }
  assert.deepEqual(found, []);
});
