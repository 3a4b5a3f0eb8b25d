import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';
import { writeSampleConventions } from '../support/dialect.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const HEADER = 'Category,Highlight?,Title,Authors,Venue,Year,H/T,Email,Summarizer,Summary,My opinion,Prerequisites,Read more,URL';

/** The environment without CONTENT_DIR, so a run reads `content` unless told otherwise. */
function withoutContentDir(): NodeJS.ProcessEnv {
  const { CONTENT_DIR: _ignored, ...rest } = process.env;
  return rest;
}

/** `npm run reconcile -- ...` is `tsx scripts/reconcile.ts ...`, in its own process. */
function reconcile(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(TSX, [path.join(ROOT, 'scripts', 'reconcile.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...withoutContentDir(), ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function withContent(files: Record<string, string>, run: (dir: string) => void): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reconcile-test-'));
  try {
    mkdirSync(path.join(dir, 'newsletters'));
    writeSampleConventions(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ISSUE = [
  '---',
  'number: 4',
  '---',
  'HIGHLIGHTS',
  '',
  'Juggling Robots (Mira Kovac et al) (summarized by Tomas): Robots juggle.',
  '',
  'Knitting for Agents (Priya Raman) (summarized by Tomas): Agents knit.',
  '',
].join('\n');

test('the sample archive and its database reconcile with every summary linked to its paper', () => {
  const run = reconcile(['--content', path.relative(ROOT, SAMPLE_ARCHIVE)]);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  assert.match(run.stdout, /^database: tests\/fixtures\/sample-archive\/database\.csv: 50 rows; 50 of issues in the archive/);
  assert.match(run.stdout, /summaries with a row that link to their paper: 50 of 50 rows/);
  assert.match(run.stdout, /0 unmatched rows, 0 unmatched entries/);
});

test('a content dir with unmatched rows and entries prints each with its file and line, and exits 0', () => {
  const csv = [
    HEADER,
    'Robustness,Highlight,Juggling Robots,"Mira Kovac, Ada Okafor",arXiv,2020,,AN #4,Tomas,,,,,https://example.org/j',
    'News,,Cooking With Lasers,,,,,AN #4,,,,,,',
  ].join('\n');
  withContent({ 'newsletters/an-004.txt': ISSUE, 'database.csv': csv }, (dir) => {
    for (const run of [reconcile(['--content', dir]), reconcile([], { CONTENT_DIR: dir })]) {
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /entries: 2; matched to a row: 1 /);
      assert.ok(
        run.stdout.includes(
          `${path.join(dir, 'database.csv')}:3: issue #4 "Cooking With Lasers": no entry of ${path.join(dir, 'newsletters', 'an-004.txt')} has a matching title`,
        ),
        run.stdout,
      );
      assert.ok(
        run.stdout.includes(
          `${path.join(dir, 'newsletters', 'an-004.txt')}:8: "Knitting for Agents": no row of this issue has a matching title`,
        ),
        run.stdout,
      );
    }
  });
});

test('bad rows are warnings on stderr naming the file and line, and the report still comes', () => {
  const csv = [HEADER, 'Robustness,,Juggling Robots,,,,,AN #4,,,,,,', 'News,,,,,,,AN #4,,,,,,'].join('\n');
  withContent({ 'newsletters/an-004.txt': ISSUE, 'database.csv': csv }, (dir) => {
    const run = reconcile(['--content', dir]);
    assert.equal(run.status, 0);
    assert.equal(
      run.stderr.trim(),
      `${path.join(dir, 'database.csv')}:3: warning: the row has no Title: it cannot be matched to a summary and is left out`,
    );
    assert.match(run.stdout, /matched to a row: 1 /);
  });
});

test('a database without the columns the merge reads fails with the file named', () => {
  withContent({ 'newsletters/an-004.txt': ISSUE, 'database.csv': 'Title,Email\nJuggling Robots,AN #4\n' }, (dir) => {
    const run = reconcile(['--content', dir]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, new RegExp(`^error: ${path.join(dir, 'database.csv').replace(/[.\\]/g, '\\$&')}: missing columns "Category"`));
  });
});

test('without a database there is nothing to reconcile, and that is no error', () => {
  withContent({ 'newsletters/an-004.txt': ISSUE }, (dir) => {
    const run = reconcile(['--content', dir]);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /database\.csv does not exist: nothing to reconcile/);
  });
});

test('an unknown flag prints the usage and exits 2', () => {
  const run = reconcile(['--contnet', 'x']);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /usage: npm run reconcile/);
});
