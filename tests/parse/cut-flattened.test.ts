import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cutFlattened } from '../../src/parse/cut-flattened.ts';
import { vocabulary } from '../support/parse-helpers.ts';
import { AN_RULES } from '../support/dialect.ts';

const pieces = (text: string) => cutFlattened(text, vocabulary(), AN_RULES).map((p) => (p.heading ? `# ${p.text}` : p.text));

test('a run of see-also headers is cut at each author parenthetical, and a stretch with none up to a heading is one bare title', () => {
  assert.deepEqual(
    pieces(
      'Earlier text ends here. Moon Maps (Ann Lee and Bo Chen) Sun Maps (Cy Dee et al) A Plan for Tides News Star Charts (Di Eve) : A summary.',
    ),
    [
      'Earlier text ends here.',
      'Moon Maps (Ann Lee and Bo Chen)',
      'Sun Maps (Cy Dee et al)',
      'A Plan for Tides',
      '# News',
      'Star Charts (Di Eve) : A summary.',
    ],
  );
});

test('a header colon written apart after a title link opens an entry with no parenthetical: `Lantern : ...`', () => {
  assert.deepEqual(pieces('Earlier text ends here. News Lantern : A collection of tasks. Tide Tables : Apply by May 3.'), [
    'Earlier text ends here.',
    '# News',
    'Lantern : A collection of tasks.',
    'Tide Tables : Apply by May 3.',
  ]);
});

test('a sentence with a spaced colon is no header: `This seems to be their take : ...`', () => {
  assert.deepEqual(pieces('Earlier text ends here. This seems to be their take : "We are very happy." More text.').length, 1);
});

test('a one-word parenthetical inside a title does not end a header; before a heading it does', () => {
  assert.deepEqual(pieces('Earlier text ends here. The Pursuit of (Robotic) Happiness (Ann Lee) : A summary.'), [
    'Earlier text ends here.',
    'The Pursuit of (Robotic) Happiness (Ann Lee) : A summary.',
  ]);
  assert.deepEqual(pieces('Earlier text ends here. Notes on Deference (quill_ink) Interpretability Sun Maps (Cy Dee et al) : A summary.'), [
    'Earlier text ends here.',
    'Notes on Deference (quill_ink)',
    '# Interpretability',
    'Sun Maps (Cy Dee et al) : A summary.',
  ]);
});

test('a section is not opened twice in a row: the second one starts a title', () => {
  assert.deepEqual(
    pieces('Text ends. Interpretability Moon Maps (Ann Lee and Bo Chen) Interpretability Beyond Saliency (Cy Dee et al) : A summary.'),
    ['Text ends.', '# Interpretability', 'Moon Maps (Ann Lee and Bo Chen)', 'Interpretability Beyond Saliency (Cy Dee et al) : A summary.'],
  );
});

test('a sub-section of another section at a sentence start is the sentence, not a heading', () => {
  assert.deepEqual(
    pieces(
      'Text ends. News Tide Tables (Ann Lee) : Apply by May 3. Forecasting AI timelines is not the aim. Star Charts (Cy Dee et al) : More.',
    ),
    [
      'Text ends.',
      '# News',
      'Tide Tables (Ann Lee) : Apply by May 3. Forecasting AI timelines is not the aim.',
      'Star Charts (Cy Dee et al) : More.',
    ],
  );
});

test('a heading word inside a title is no heading: `Training for Faster Adversarial Robustness Verification`', () => {
  assert.deepEqual(
    pieces('Text ends. Verification Training for Faster Adversarial Robustness Verification via Stability (Kai Xu et al) : A summary.'),
    ['Text ends.', '# Verification', 'Training for Faster Adversarial Robustness Verification via Stability (Kai Xu et al) : A summary.'],
  );
});
