import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText } from '../../src/parse/clean-text.ts';
import { splitBlocks } from '../../src/parse/split-blocks.ts';
import { findSections } from '../../src/parse/find-sections.ts';
import { findEntries, restoreLists } from '../../src/parse/find-entries.ts';
import type { ParseWarning } from '../../src/records/types.ts';
import { vocabulary } from '../support/parse-helpers.ts';
import { AN_RULES } from '../support/dialect.ts';

function entries(text: string) {
  const warnings: ParseWarning[] = [];
  const warn = (line: number, message: string): void => {
    warnings.push({ file: 't', line, message });
  };
  const found = findEntries(
    findSections(splitBlocks(cleanText(text, 1), vocabulary(), AN_RULES), vocabulary(), AN_RULES, warn),
    AN_RULES,
    warn,
  );
  return { ...found, warnings };
}

test('paragraphs after a header belong to its summary until a label opens the next field', () => {
  const { entries: e } = entries("T (A) (summarized by R): one.\n\ntwo.\n\nR's opinion: three.\n\nfour.\n\nRead more: five");
  assert.equal(e.length, 1);
  assert.deepEqual(
    e[0]!.fields.map((f) => [f.kind, f.by, f.paragraphs]),
    [
      ['summary', null, ['one.', 'two.']],
      ['opinion', 'R', ['three.', 'four.']],
      ['readMore', null, ['five']],
    ],
  );
});

test('text before the first entry is the intro, without the standing preamble', () => {
  const { intro } = entries('Audio version here (may not be up yet).\n\nWelcome to a special edition!\n\nT (A) (summarized by R): x.');
  assert.equal(intro, 'Welcome to a special edition!');
});

test('text after the footer is reported, not silently dropped', () => {
  const { warnings } = entries('T (A) (summarized by R): x.\n\nFEEDBACK\n\nA stray line after the footer.');
  assert.match(warnings[0]!.message, /after the footer.*A stray line/);
});

test('lists flattened onto one line get their breaks back', () => {
  assert.equal(
    restoreLists('It has parts: 1. First part. 2. Second part. 3. Third.'),
    'It has parts:\n\n1. First part.\n\n2. Second part.\n\n3. Third.',
  );
  assert.equal(restoreLists('Points: - One thing. - Another thing.'), 'Points:\n\n- One thing.\n\n- Another thing.');
  assert.equal(restoreLists('Version 2. Not a list.'), 'Version 2. Not a list.');
});

test('a bare title line under a heading, after entries began, is kept as an entry, with a warning', () => {
  const {
    entries: e,
    intro,
    warnings,
  } = entries(
    "A (Ann Lee) (summarized by R): x.\n\nNEWS\n\nThe Annual Workshop on Safe Gardens\n\nFEEDBACK\n\nI'm always happy to hear feedback; you can send it to me by replying to this email.",
  );
  assert.deepEqual(
    e.map((x) => x.header.title),
    ['A', 'The Annual Workshop on Safe Gardens'],
  );
  assert.deepEqual(e[1]!.category, ['News']);
  assert.equal(intro, '');
  assert.match(warnings[0]!.message, /no authors or summary/);
});

test('a header with no parenthetical opens an entry after a heading, or in Title Case after a short entry', () => {
  const { entries: e, warnings } = entries(
    'NEWS\n\nDAWNBench: A table of costs.\n\nSummer School on Agents: Held in July.\n\nKey idea: the rest of the summary.\n',
  );
  assert.deepEqual(
    e.map((x) => [x.header.title, x.fields[0]!.paragraphs]),
    [
      ['DAWNBench', ['A table of costs.']],
      ['Summer School on Agents', ['Held in July.', 'Key idea: the rest of the summary.']],
    ],
  );
  assert.deepEqual(warnings, []);
});

test('a Title Case header-like paragraph after a long summary stays in it, with a warning', () => {
  const { entries: e, warnings } = entries('NEWS\n\nMoon Maps (Ann Lee): One.\n\nTwo.\n\nSecond Call: Apply by May 3.\n');
  assert.equal(e.length, 1);
  assert.match(warnings[0]!.message, /"Second Call: \.\.\." reads like an entry with no authors/);
});

test('a title line after a see-also header is the next see-also item, not its summary', () => {
  const { entries: e } = entries('NEWS\n\nMoon Maps (Chatham House)\n\nA National Plan for Tides\n');
  assert.deepEqual(
    e.map((x) => [x.header.title, x.fields[0]!.paragraphs]),
    [
      ['Moon Maps', []],
      ['A National Plan for Tides', []],
    ],
  );
});
