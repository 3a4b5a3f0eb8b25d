import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText } from '../../src/parse/clean-text.ts';
import { splitBlocks } from '../../src/parse/split-blocks.ts';
import { findSections } from '../../src/parse/find-sections.ts';
import type { ParseWarning } from '../../src/records/types.ts';
import { vocabulary } from '../support/parse-helpers.ts';
import { AN_RULES } from '../support/dialect.ts';

function sections(text: string) {
  const warnings: ParseWarning[] = [];
  const out = findSections(splitBlocks(cleanText(text, 1), vocabulary(), AN_RULES), vocabulary(), AN_RULES, (line, message) =>
    warnings.push({ file: 't', line, message }),
  );
  return { out, warnings };
}

test('known headings give canonical paths, the child under its parent', () => {
  const { out } = sections('HIGHLIGHTS\n\nA (B) (summarized by C): d.\n\nMESA OPTIMIZATION\n\nE (F) (summarized by G): h.');
  const content = out.filter((b) => b.kind === 'content');
  assert.deepEqual(
    content.map((b) => [b.kind === 'content' && b.path, b.kind === 'content' && b.highlight]),
    [
      [['Highlights'], true],
      [['Technical AI alignment', 'Mesa optimization'], false],
    ],
  );
});

test('an unknown UPPERCASE heading still becomes a category, under the current section, with a warning', () => {
  const { out, warnings } = sections('TECHNICAL AI ALIGNMENT\n\nODD CORNER\n\nA (B) (summarized by C): d.');
  const last = out[out.length - 1]!;
  assert.ok(last.kind === 'content');
  assert.deepEqual(last.kind === 'content' && last.path, ['Technical AI alignment', 'Odd corner']);
  assert.match(warnings[0]!.message, /"Odd corner" is not in categories.yml/);
  assert.equal(warnings[0]!.line, 3);
});

test('a short Title Case line is a heading only when an entry follows it', () => {
  const { out } = sections('Some Curious Topic\n\nA (B) (summarized by C): d.\n\nThe End Of Things\n\nJust a closing line.');
  assert.deepEqual(
    out.map((b) => b.kind),
    ['heading', 'content', 'content', 'content'],
  );
});

test('FEEDBACK and PODCAST mark the footer', () => {
  const { out } = sections('A (B) (summarized by C): d.\n\nFEEDBACK\n\nsomething');
  assert.equal(out[1]!.kind, 'footer');
});

test('a bold link on its own line is not a heading', () => {
  const { out } = sections('**[Inverse Reinforcement Learning](https://x.org)**');
  assert.equal(out[0]!.kind, 'content');
});

test("a bare Critiques heading takes its section's qualifier; an unknown heading with no entry under it is summary text", () => {
  const { out } = sections(
    'OTHER PROGRESS IN AI\n\nCRITIQUES\n\nMoon Maps (Ann Lee): A summary.\n\nThe overall framework\n\nMore of the summary.\n',
  );
  assert.deepEqual(
    out.filter((b) => b.kind === 'heading').map((b) => b.kind === 'heading' && b.path),
    [['Other progress in AI'], ['Other progress in AI', 'Critiques (AI)']],
  );
  const { out: inner, warnings } = sections(
    'HIGHLIGHTS\n\nMoon Maps (Ann Lee): A summary.\n\n## The overall framework\n\nMore of the summary.\n',
  );
  assert.deepEqual(
    inner.map((b) => b.kind),
    ['heading', 'content', 'content', 'content'],
  );
  assert.deepEqual(warnings, []);
});
