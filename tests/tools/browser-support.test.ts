import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { browserUnavailable, CHROMIUM_PATH } from '../../tools/support/browser.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PROBE = path.join(ROOT, 'tests', 'fixtures', 'browser', 'probe.ts');

/** The probe browser test file under Node's test runner, as `npm test` runs each file. */
function runProbe(env: Record<string, string | undefined>): { status: number | null; out: string } {
  // Without the parent runner's NODE_TEST_CONTEXT, the child runs its file as `npm test` would.
  const { CI: _ci, CHROMIUM_PATH: _path, NODE_TEST_CONTEXT: _context, ...rest } = process.env;
  const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['--test', PROBE], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...rest, ...env },
  });
  return { status: result.status, out: result.stdout + result.stderr };
}

test('without a browser, the reason to skip is one line saying how to install Chromium or point CHROMIUM_PATH at one', () => {
  const reason = browserUnavailable({}, '/no/such/chromium');
  assert.ok(reason !== null);
  assert.doesNotMatch(reason, /\n/);
  assert.match(reason, /\/no\/such\/chromium/);
  assert.match(reason, /apt-get install chromium/);
  assert.match(reason, /CHROMIUM_PATH/);
});

test('under CI=true a missing browser is no reason to skip: the browser tests must run', () => {
  assert.equal(browserUnavailable({ CI: 'true' }, '/no/such/chromium'), null);
});

test('a browser test file without Chromium passes with one skipped test naming the reason, and fails under CI=true', () => {
  const skipped = runProbe({ CHROMIUM_PATH: '/no/such/chromium' });
  assert.equal(skipped.status, 0, skipped.out);
  assert.match(skipped.out, /^# skipped 1$/m);
  assert.match(skipped.out, /# SKIP no Chromium at \/no\/such\/chromium.*apt-get install chromium/);
  assert.doesNotMatch(skipped.out, /a page opens in Chromium/);

  const failed = runProbe({ CHROMIUM_PATH: '/no/such/chromium', CI: 'true' });
  assert.equal(failed.status, 1, failed.out);
  assert.match(failed.out, /^not ok 1 - a page opens in Chromium/m);
  assert.match(failed.out, /no Chromium at \/no\/such\/chromium/);
});

test('with Chromium installed, the same file runs its browser test', { skip: browserUnavailable({}) ?? false }, () => {
  const ran = runProbe({ CHROMIUM_PATH });
  assert.equal(ran.status, 0, ran.out);
  assert.match(ran.out, /^ok 1 - a page opens in Chromium/m);
});

test('every test file that starts Chromium registers its browser tests through browserTest, so they are skipped without one', () => {
  const files = readdirSync(path.join(ROOT, 'tests'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.startsWith('support') && file !== path.join('tools', 'browser-support.test.ts'))
    .filter((file) => readFileSync(path.join(ROOT, 'tests', file), 'utf8').includes('launchBrowser('));
  assert.ok(files.length > 0);
  const unguarded = files.filter(
    (file) => !/from '(\.\.\/)+support\/browser-test\.ts'/.test(readFileSync(path.join(ROOT, 'tests', file), 'utf8')),
  );
  assert.deepEqual(unguarded, []);
});
