import { test } from 'node:test';
import assert from 'node:assert/strict';
import { categoryPath, foldHeading, parseCategories } from '../../src/records/categories.ts';
import { vocabulary } from '../support/parse-helpers.ts';

test('headings match labels and aliases without regard to case, markup or hyphens', () => {
  const v = vocabulary();
  assert.equal(v.lookup('MESA OPTIMIZATION')?.label, 'Mesa optimization');
  assert.equal(v.lookup('**Mesa-optimization**')?.label, 'Mesa optimization');
  assert.equal(v.lookup('ai governance')?.label, 'AI strategy and policy');
  assert.equal(v.lookup('Critiques (Alignment)')?.label, 'Critiques (Alignment)');
  assert.equal(v.lookup('Not a heading at all'), undefined);
});

test('a sub-section knows its parent, so its path has two labels', () => {
  const interp = vocabulary().lookup('interpretability')!;
  assert.deepEqual(categoryPath(interp), ['Technical AI alignment', 'Interpretability']);
  assert.deepEqual(categoryPath(vocabulary().lookup('news')!), ['News']);
});

test('the Highlights section is flagged as the highlight section', () => {
  assert.equal(vocabulary().lookup('HIGHLIGHTS')?.highlight, true);
  assert.equal(vocabulary().lookup('News')?.highlight, false);
});

test('every category the newsletter database uses is in the vocabulary', () => {
  const used = [
    'Learning human intent',
    'Reinforcement learning',
    'News',
    'Miscellaneous (Alignment)',
    'AI governance',
    'Deep learning',
    'Agent foundations',
    'Forecasting',
    'Interpretability',
    'Technical agendas and prioritization',
    'Problems',
    'Iterated amplification',
    'Adversarial examples',
    'Preventing bad behavior',
    'Handling groups of agents',
    'Robustness',
    'Mesa optimization',
    'Verification',
    'Iterated amplification sequence',
    'AISFP blog posts',
    'Exploration',
    'Meta learning',
    'Value learning sequence',
    'Unsupervised learning',
    'Miscellaneous (AI)',
    'Reward learning theory',
    'Field building',
    'Hierarchical RL',
    'Applications',
    'Privacy and security',
    'Fairness and bias',
    'Machine learning',
    'Embedded agency sequence',
    'Machine ethics',
    'Previous newsletters',
    'Recommender systems',
    'AGI theory',
    'Critiques (AI)',
    'Summary: Inverse Reinforcement Learning',
    'Critiques (Alignment)',
    'Miscellaneous (Capabilities)',
    'Security',
    'Uncertainty',
    'Multiagent RL',
    'Philosophical deliberation',
    'Fixed point sequence',
    'Miscellaneous (alignment)',
  ];
  for (const label of used) assert.ok(vocabulary().lookup(label), label);
});

test('folding turns & into and and drops a trailing colon', () => {
  assert.equal(foldHeading('Fairness & Bias:'), 'fairness and bias');
});

test('a malformed vocabulary file is rejected with the offending item named', () => {
  assert.throws(() => parseCategories('- label: 3\n'), /item 1 has no label/);
  assert.throws(() => parseCategories('- label: A\n  aliases: nope\n'), /aliases of A must be a list/);
});
