import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const ci = readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
/** The commands .ci/run runs, comments and blank lines aside. */
const commands = ci
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

test('the coverage command runs exactly the documented test command, npm test, under c8', () => {
  assert.match(scripts.coverage ?? '', /^c8 .* npm test$/);
  assert.match(scripts.test ?? '', /^tsx --test .*tests\/\*\/\*\.test\.ts$/);
});

test('CI runs the type check, the lint and the tests under coverage, which prints its summary', () => {
  for (const command of ['npm run check', 'npm run lint', 'npm run coverage']) assert.ok(commands.includes(command), command);
  assert.match(scripts.coverage ?? '', /--reporter=text-summary/);
  assert.ok(!commands.includes('npm test'), 'the tests run once, under coverage');
});
