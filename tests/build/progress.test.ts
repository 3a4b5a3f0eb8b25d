/** The build's progress lines (src/io/progress.ts) and the merge stage's wording (src/io/load.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reconciliationProgress } from '../../src/io/load.ts';
import { formatStage } from '../../src/io/progress.ts';

const counts = { rowsOfArchiveIssues: 1067, rowsLinked: 1053, unmatchedRows: 14, unmatchedEntries: 6, conflicts: 125 };

test("the merge stage's line is as short as the others: at the size of the whole archive its duration ends in the same column", () => {
  const merge = formatStage({ stage: 'merge', ...reconciliationProgress('content/database.csv', counts), ms: 201 });
  const [line, more, ...rest] = merge.split('\n');
  assert.equal(line, 'merge   1053 of 1067 database rows linked, 125 conflicts  201 ms');
  assert.equal(
    more,
    '        content/database.csv: 14 unmatched rows, 6 unmatched summaries; `npm run reconcile` lists them and the 125 conflicts',
  );
  assert.deepEqual(rest, []);
  const others = [
    formatStage({ stage: 'read', detail: '173 files (1 skipped)', ms: 41 }),
    formatStage({ stage: 'parse', detail: '173 issues, 1956 summaries, 12 warnings', ms: 1310 }),
    formatStage({ stage: 'swap', detail: '_site replaced', ms: 2 }),
  ];
  for (const other of others) assert.equal(other.length, line?.length, other);
});

test('the line under the merge names only what there is to list', () => {
  const more = (c: Partial<typeof counts>): string => reconciliationProgress('db.csv', { ...counts, ...c }).more;
  assert.equal(more({ unmatchedRows: 0, unmatchedEntries: 0, conflicts: 0 }), 'db.csv: 0 unmatched rows, 0 unmatched summaries');
  assert.equal(more({ conflicts: 0 }), 'db.csv: 14 unmatched rows, 6 unmatched summaries; `npm run reconcile` lists them');
  assert.equal(
    more({ unmatchedRows: 0, unmatchedEntries: 1, conflicts: 1 }),
    'db.csv: 0 unmatched rows, 1 unmatched summary; `npm run reconcile` lists them and the 1 conflict',
  );
  assert.equal(
    more({ unmatchedRows: 0, unmatchedEntries: 0 }),
    'db.csv: 0 unmatched rows, 0 unmatched summaries; `npm run reconcile` lists the 125 conflicts',
  );
});
