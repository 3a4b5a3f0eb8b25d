/**
 * Every cache a build session keeps has its row in docs/ARCHITECTURE.md (Incremental rebuilds,
 * Every cache), where its key and what makes it again are written down once, and the table names
 * no cache the session does not have.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BuildSession } from '../../src/io/session.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The cache names in the first column of the section's table: `` `read` ``, `` `database`, `people` ``. */
function documentedCaches(): string[] {
  const doc = readFileSync(path.join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');
  const section = doc.slice(doc.indexOf('\n### Every cache\n'), doc.indexOf('\n### ', doc.indexOf('\n### Every cache\n') + 1));
  assert.ok(section.length > 100, 'docs/ARCHITECTURE.md has the section');
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split('|')[1]!.matchAll(/`(\w+)`/g)].map((m) => m[1]!));
}

test('every cache of the build session is documented once, with its key and what makes it again', () => {
  const session = new BuildSession();
  const fields = Object.keys(session.caches).sort();
  const documented = documentedCaches();
  assert.deepEqual([...documented].sort(), fields);
  assert.equal(new Set(documented).size, documented.length, 'each cache has one row');
});
