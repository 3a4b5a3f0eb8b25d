import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCategories } from '../../src/records/categories.ts';
import { compileDialect, GENERIC_DIALECT } from '../../src/records/dialect.ts';
import {
  capitalHeadings,
  type Cut,
  firstHeadingStart,
  inSectionOrder,
  labelHeadings,
  lastHeadingStart,
  leadingHeadings,
} from '../../src/parse/inline-headings.ts';

/** A small vocabulary of made-up sections. */
const vocabulary = parseCategories(
  '- label: Highlights\n  highlight: true\n- label: Technical AI alignment\n  children:\n    - Problems\n    - Interpretability\n- label: News\n  children:\n    - Forecasting\n',
);
const rules = compileDialect(GENERIC_DIALECT);
const shown = (text: string, cuts: Cut[]): string[] => cuts.map((c) => `${c.kind}:${text.slice(c.start, c.end)}`);

test('headings written as their labels are found inside a flattened line, after a sentence end, before a title', () => {
  const text =
    'The intro ends here. Technical AI alignment Problems Quiet Gradients (Ines Moreau et al): They vanish. News Tide Tables Open: Apply by March.';
  assert.deepEqual(shown(text, labelHeadings(text, vocabulary)), ['heading:Technical AI alignment', 'heading:Problems', 'heading:News']);
});

test('a label word inside a sentence is a word of the sentence, not a heading', () => {
  const text = 'We studied the problems of scale and News from the lab in one sentence.';
  assert.deepEqual(labelHeadings(text, vocabulary), []);
});

test('headings in capitals are found where a capitalised title follows them', () => {
  const text =
    'The intro ends here. TECHNICAL AI ALIGNMENT PROBLEMS Quiet Gradients (Ines Moreau et al): They vanish. NEWS Tide Tables Open: Apply.';
  assert.deepEqual(shown(text, capitalHeadings(text, vocabulary)), ['heading:TECHNICAL AI ALIGNMENT', 'heading:PROBLEMS', 'heading:NEWS']);
});

test('headings standing before a title are cut off it, and the title starts after them', () => {
  const text = 'TECHNICAL AI ALIGNMENT PROBLEMS Quiet Gradients (Ines Moreau et al)';
  const { cuts, titleStart } = leadingHeadings(text, 0, text.length, vocabulary, true);
  assert.deepEqual(shown(text, cuts), ['heading:TECHNICAL AI ALIGNMENT', 'heading:PROBLEMS']);
  assert.equal(text.slice(titleStart), 'Quiet Gradients (Ines Moreau et al)');
});

test('a section is not opened twice in a row: the second one is the first word of the title', () => {
  const text = 'Interpretability Interpretability Beyond Attribution (Ann Lee)';
  const { cuts, titleStart } = leadingHeadings(text, 0, text.length, vocabulary, false);
  assert.deepEqual(shown(text, cuts), ['heading:Interpretability']);
  assert.equal(text.slice(titleStart), 'Interpretability Beyond Attribution (Ann Lee)');
});

test('the first heading of a stretch, and the start of the last run of headings in it', () => {
  const first = 'Some text here. Interpretability Beyond Attribution (Ann Lee) more';
  assert.equal(firstHeadingStart(first, 0, first.length, vocabulary, false, 'all', rules), first.indexOf('Interpretability'));
  assert.equal(firstHeadingStart('No heading in this stretch at all.', 0, 34, vocabulary, false, 'all', rules), null);
  const last = 'words * Information hazards TECHNICAL AI ALIGNMENT PROBLEMS Quiet Things';
  assert.equal(lastHeadingStart(last, 0, last.length, vocabulary, true), last.indexOf('TECHNICAL'));
});

test("a sub-section found under another section than its own is a sentence's first words and is not kept", () => {
  const text = 'Intro. News Forecasting Tide Tables (Ann Lee): x. Technical AI alignment Forecasting AI timelines is not the goal.';
  const found = labelHeadings(text, vocabulary);
  assert.deepEqual(shown(text, inSectionOrder(text, found, [], vocabulary)), [
    'heading:News',
    'heading:Forecasting',
    'heading:Technical AI alignment',
  ]);
});
