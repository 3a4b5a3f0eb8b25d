import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFields } from '../../src/parse/read-fields.ts';
import { mentionedIssues } from '../../src/records/citations.ts';
import type { RawEntry } from '../../src/parse/find-entries.ts';
import { AN_RULES } from '../support/dialect.ts';

const header = { title: 'T', authors: 'A', summarizers: ['R'], hatTips: [], url: null, length: 0, standalone: false };

test('fields become summary, opinions with authors, read more and prerequisites', () => {
  const raw: RawEntry = {
    header,
    line: 4,
    category: ['News'],
    highlight: false,
    outlet: null,
    related: [],
    fields: [
      { kind: 'summary', by: null, paragraphs: ['See ( AN #12 ) .', 'More (AN #3).'], line: 4 },
      { kind: 'opinion', by: 'Flo', paragraphs: ['Good (AN #12).'], line: 6 },
      { kind: 'opinion', by: null, paragraphs: ['Mine.'], line: 8 },
      { kind: 'readMore', by: null, paragraphs: ['Paper'], line: 9 },
      { kind: 'prerequisites', by: null, paragraphs: ['Basics'], line: 10 },
    ],
  };
  const e = readFields(raw, AN_RULES, () => {});
  assert.equal(e.summary, 'See (AN #12).\n\nMore (AN #3).');
  assert.deepEqual(e.opinions, [
    { by: 'Flo', text: 'Good (AN #12).' },
    { by: 'Rohin', text: 'Mine.' },
  ]);
  assert.deepEqual(e.readMore, ['Paper']);
  assert.deepEqual(e.prerequisites, ['Basics']);
  assert.deepEqual(e.references, [12, 3]);
  assert.equal(e.line, 4);
});

test('a header with a colon and nothing after it is reported', () => {
  const warnings: string[] = [];
  readFields(
    {
      header,
      line: 2,
      category: [],
      highlight: false,
      fields: [{ kind: 'summary', by: null, paragraphs: [], line: 2 }],
      outlet: null,
      related: [],
    },
    AN_RULES,
    (_l, m) => warnings.push(m),
  );
  assert.match(warnings[0]!, /no summary/);
});

test('references are found in Markdown links too, once each', () => {
  assert.deepEqual(mentionedIssues(['(**[AN #74](https://x)**) and (AN #74) and (AN #2)'], AN_RULES), [74, 2]);
});

test('an untagged entry with a summary was summarized by the editor; a see-also header by nobody', () => {
  const untagged = { ...header, summarizers: [] };
  const summary = (paragraphs: string[]): RawEntry => ({
    header: untagged,
    line: 1,
    category: [],
    highlight: false,
    fields: [{ kind: 'summary', by: null, paragraphs, line: 1 }],
    outlet: null,
    related: [],
  });
  assert.deepEqual(readFields(summary(['A summary.']), AN_RULES, () => {}).summarizers, ['Rohin']);
  assert.deepEqual(readFields({ ...summary([]), header: { ...untagged, standalone: true } }, AN_RULES, () => {}).summarizers, []);
  assert.deepEqual(
    readFields({ ...summary(['A summary.']), header: { ...untagged, summarizers: ['Flo'] } }, AN_RULES, () => {}).summarizers,
    ['Flo'],
  );
});
