/**
 * Fixture pairs: `tests/parse/fixtures/<case>.txt|md` with `<case>.json`, and every issue of the default
 * archive (`tests/fixtures/sample-archive/newsletters/<name>.txt`) with `tests/parse/fixtures/archive/<name>.json`.
 * `UPDATE=1 npm test` writes them (a new case's golden file too); a missing `.json` fails, so a case
 * is never passed by the file it wrote itself. A diff in review is the behaviour change.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, ROOT } from '../support/parse-helpers.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';

const update = process.env.UPDATE === '1';

function pairs(inputDir: string, expectedDir: string): { name: string; input: string; expected: string }[] {
  return readdirSync(inputDir)
    .filter((f) => /\.(txt|md|html)$/.test(f))
    .sort()
    .map((f) => ({ name: f, input: path.join(inputDir, f), expected: path.join(expectedDir, f.replace(/\.(txt|md|html)$/, '.json')) }));
}

const cases = [
  ...pairs(path.join(ROOT, 'tests', 'parse', 'fixtures'), path.join(ROOT, 'tests', 'parse', 'fixtures')),
  ...pairs(path.join(SAMPLE_ARCHIVE, 'newsletters'), path.join(ROOT, 'tests', 'parse', 'fixtures', 'archive')),
];

for (const c of cases) {
  test(`parsing ${path.relative(ROOT, c.input)} gives the records in ${path.relative(ROOT, c.expected)}`, () => {
    const issue = parse(readFileSync(c.input, 'utf8'), c.name);
    const actual = `${JSON.stringify(issue, null, 2)}\n`;
    if (update) {
      mkdirSync(path.dirname(c.expected), { recursive: true });
      writeFileSync(c.expected, actual);
    }
    assert.ok(existsSync(c.expected), `${path.relative(ROOT, c.expected)} is missing: write it with UPDATE=1 and review it`);
    assert.deepEqual(JSON.parse(actual), JSON.parse(readFileSync(c.expected, 'utf8')));
  });
}
