import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildHint, parseArgs, writeCorpus } from '../../tools/gen-corpus.ts';
import { LAYOUTS, entriesOf, expectedIssue, generateCorpus, type Layout } from '../../tools/generate/index.ts';
import { readNewsletters } from '../../src/io/read.ts';
import { OutputDirError } from '../../src/io/output/guard.ts';
import { parseArchive } from '../../src/parse.ts';
import { parseCategories } from '../../src/records/categories.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';
import { AN_DIALECT } from '../support/dialect.ts';

const vocabulary = parseCategories(readFileSync(path.join(SAMPLE_ARCHIVE, 'categories.yml'), 'utf8'));

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'gen-corpus-'));
}

function readAll(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => !name.startsWith('.'))
      .map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]),
  );
}

test('the command line takes --out, --issues, --seed and --layouts, and rejects unknown layouts', () => {
  const args = parseArgs(['--out', 'x', '--issues', '7', '--seed', 'abc', '--layouts', 'markdown,flat-upper', '--made-up']);
  assert.deepEqual(args, {
    out: 'x',
    issues: 7,
    seed: 'abc',
    layouts: ['markdown', 'flat-upper'],
    madeUp: true,
    force: false,
    shape: 'newsletter',
    itemsPerIssue: 76,
  });
  assert.equal(parseArgs(['--force']).force, true);
  assert.throws(() => parseArgs(['--layouts', 'html']), /unknown layout/);
  assert.throws(() => parseArgs(['--issues', '0']), /positive integer/);
});

test('writing the same corpus twice gives the same files, byte for byte', () => {
  const a = tempDir();
  const b = tempDir();
  try {
    const args = { issues: 12, seed: 'smoke', layouts: [...LAYOUTS], madeUp: true };
    const written = writeCorpus({ ...args, out: a });
    writeCorpus({ ...args, out: b });
    assert.equal(written.files, 12);
    const filesA = readAll(a);
    assert.equal(Object.keys(filesA).length, 12);
    assert.ok(Object.keys(filesA).every((name) => /^an-\d{4}\.(txt|md)$/.test(name)));
    assert.deepEqual(readAll(b), filesA);
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
});

/**
 * Entries of an issue rendered in `layout` that the parser gives back with the same title, out of
 * those expected. Titles are the key the rest of the site (permalinks, search) hangs on.
 */
function titlesBack(layout: Layout, seed: string): { expected: number; found: number; issues: number } {
  const dir = tempDir();
  try {
    const corpus = generateCorpus({ issues: 4, seed, layouts: [layout], vocabulary });
    writeCorpus({ out: dir, issues: 4, seed, layouts: [layout], madeUp: true });
    const { files } = readNewsletters([dir]);
    const { issues } = parseArchive(files, { vocabulary, dialect: AN_DIALECT });
    let expected = 0;
    let found = 0;
    for (const file of corpus) {
      const issue = issues.find((i) => i.file === file.name);
      assert.ok(issue, `${file.name} was not parsed`);
      assert.equal(issue.number, file.spec.number, `${file.name}: issue number`);
      const titles = new Set(issue.entries.map((e) => e.title));
      const want = expectedIssue(file.spec, layout).entries;
      expected += want.length;
      found += want.filter((e) => titles.has(e.title)).length;
    }
    // Every spec entry is expected; with no headings a highlight's stub is one more entry.
    const specEntries = corpus.reduce((n, f) => n + entriesOf(f.spec).length, 0);
    assert.ok(
      layout === 'line-none' ? expected >= specEntries : expected === specEntries,
      `${expected} expected entries for ${specEntries} in the specs`,
    );
    return { expected, found, issues: issues.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const layout of LAYOUTS) {
  test(`issues written in the ${layout} layout parse back with their numbers and most entry titles`, () => {
    const { expected, found, issues } = titlesBack(layout, `layout-${layout}`);
    assert.equal(issues, 4);
    // A smoke test of the generator, not of the parser: the property test checks entries one by one.
    assert.ok(found >= expected * 0.75, `${found} of ${expected} titles came back`);
  });
}

test('gen-corpus refuses to replace a folder it did not write, unless --force; its own earlier output it replaces', () => {
  const dir = tempDir();
  try {
    const archive = path.join(dir, 'content');
    mkdirSync(path.join(archive, 'newsletters'), { recursive: true });
    writeFileSync(path.join(archive, 'newsletters', 'an-001.txt'), 'my own issue');
    const args = { issues: 3, seed: 'guard', layouts: [...LAYOUTS], madeUp: true };
    assert.throws(
      () => writeCorpus({ ...args, out: archive }),
      (error: unknown) =>
        error instanceof OutputDirError && /--out .*content already holds files that this tool did not write/.test(error.message),
    );
    assert.equal(readFileSync(path.join(archive, 'newsletters', 'an-001.txt'), 'utf8'), 'my own issue');
    // The command line says so and exits 1, touching nothing.
    const cli = spawnSync(
      path.join(import.meta.dirname, '../..', 'node_modules', '.bin', 'tsx'),
      [path.join(import.meta.dirname, '../..', 'tools', 'gen-corpus.ts'), '--out', archive, '--issues', '2', '--made-up'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    assert.equal(cli.status, 1);
    assert.match(cli.stderr, /gen-corpus: --out .* already holds files that this tool did not write/);
    assert.doesNotMatch(cli.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(readFileSync(path.join(archive, 'newsletters', 'an-001.txt'), 'utf8'), 'my own issue');

    const out = path.join(dir, 'generated');
    writeCorpus({ ...args, out });
    assert.equal(writeCorpus({ ...args, issues: 2, out }).files, 2, 'its own earlier output is replaced');
    assert.equal(Object.keys(readAll(out)).length, 2);
    writeCorpus({ ...args, out: archive, force: true });
    assert.equal(Object.keys(readAll(archive)).length, 3, '--force replaces the folder');
    assert.throws(() => writeCorpus({ ...args, out: path.join(import.meta.dirname, '../..'), force: true }), /is the project/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the closing hint says how to build what was written: the content dir is the folder above newsletters/', () => {
  assert.equal(buildHint('/tmp/archive/newsletters'), 'build it: CONTENT_DIR=/tmp/archive npm run build\n');
  assert.match(buildHint('/tmp/archive'), /--out DIR\/newsletters and run CONTENT_DIR=DIR npm run build/);
});
