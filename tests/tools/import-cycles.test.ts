/** No two modules of src/ import each other, directly or through others, type-only imports included. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { importCycles, importGraph } from '../support/import-graph.ts';

const SRC = path.resolve(import.meta.dirname, '../../src');

test('src/ has no import cycle, counting type-only imports', () => {
  const graph = importGraph(SRC);
  assert.ok(graph.size > 100, `read ${graph.size} modules`);
  assert.ok(graph.get('site.ts')?.includes(path.join('site', 'families.ts')), "the graph holds the site stage's imports");
  assert.deepEqual(
    importCycles(graph).map((cycle) => cycle.join(' -> ')),
    [],
  );
});

test('a cycle through a type-only import, an export from and a multi-line import is found and named', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'import-cycles-'));
  try {
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'a.ts'), "import {\n  b,\n  type B,\n} from './sub/b.ts';\nexport const a = b;\n");
    writeFileSync(path.join(dir, 'sub', 'b.ts'), "export { c as b } from './c.ts';\nexport type B = number;\n");
    writeFileSync(path.join(dir, 'sub', 'c.ts'), "import type { A } from '../a.ts';\nexport const c = 1;\n");
    // A doc comment showing an import, and a module outside the folder, are no edges.
    writeFileSync(
      path.join(dir, 'd.ts'),
      "/**\n * import { a } from './a.ts';\n */\nimport { x } from '../elsewhere.ts';\nexport const d = x;\n",
    );
    writeFileSync(path.join(dir, 'e.ts'), "// import { d } from './d.ts';\nimport { a } from './a.ts';\nexport const e = a;\n");
    const graph = importGraph(dir);
    assert.deepEqual(graph.get('d.ts'), []);
    assert.deepEqual(
      importCycles(graph).map((cycle) => cycle.join(' -> ')),
      [['a.ts', path.join('sub', 'b.ts'), path.join('sub', 'c.ts'), 'a.ts'].join(' -> ')],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
