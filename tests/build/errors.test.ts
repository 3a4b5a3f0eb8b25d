import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ContentError } from '../../src/io/content-dir.ts';
import { describeFailure, failureLine, inStage, StageError } from '../../src/io/errors.ts';

/** What `task` run as `stage` rejects with. */
async function failure(stage: Parameters<typeof inStage>[0], task: () => unknown): Promise<unknown> {
  return inStage(stage, task).then(
    () => assert.fail('the task succeeded'),
    (error: unknown) => error,
  );
}

test('a system error is one line: the stage, what it means, its code and its file', async () => {
  const missing = path.join(os.tmpdir(), 'no-such-folder-for-a-test', 'page.html');
  const error = await failure('index', () => readFileSync(missing));
  assert.ok(error instanceof StageError);
  assert.equal(error.stage, 'index');
  assert.equal(failureLine(error), `index: no such file or folder (ENOENT): ${missing}`);
});

test('a fault of the program is one line naming the stage, saying so and pointing at DEBUG=1', async () => {
  const error = await failure('render', () => {
    throw new Error('Cannot handle unknown node `table`\n    at somewhere');
  });
  assert.equal(
    failureLine(error),
    'render: Cannot handle unknown node `table`; at somewhere (an error in the program: run with DEBUG=1 to see where)',
  );
});

test('a user mistake keeps its own message and kind; it names its file already', async () => {
  const mistake = new ContentError('content/site.yml:3: not valid YAML: bad indentation');
  const error = await failure('load', () => {
    throw mistake;
  });
  assert.equal(error, mistake);
  assert.equal(failureLine(error), 'content/site.yml:3: not valid YAML: bad indentation');
});

test('a stage already named is kept when stages nest', async () => {
  const error = await failure('render', () => inStage('index', () => readFileSync(path.join(os.tmpdir(), 'no-such-file-for-a-test'))));
  assert.ok(error instanceof StageError);
  assert.equal(error.stage, 'index');
});

test('with debug, the one line is followed by the stack of each error in the chain', async () => {
  const error = await failure('swap', () => {
    throw new Error('outer', { cause: new RangeError('inner') });
  });
  const shown = describeFailure(error, true);
  assert.match(shown, /^swap: outer \(an error in the program/);
  assert.match(shown, /caused by: Error: outer\n\s+at /);
  assert.match(shown, /caused by: RangeError: inner/);
  assert.doesNotMatch(describeFailure(error, false), /\n/);
});
