import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CategoriesError, categoryPath, foldHeading, parseCategories } from '../../src/records/categories.ts';
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

/** The CategoriesError parsing `text` throws, as `line: message`. */
function failure(text: string): string {
  try {
    parseCategories(text);
  } catch (error) {
    assert.ok(error instanceof CategoriesError, String(error));
    return `${error.line}: ${error.message}`;
  }
  assert.fail('the file was accepted');
}

test('a malformed vocabulary file is rejected with the offending item named, on its line', () => {
  assert.match(failure('- label: 3\n'), /^1: item 1 has no label$/);
  assert.match(failure('- label: A\n  aliases: nope\n'), /^1: the aliases of A must be a list of strings$/);
  assert.match(failure('- label: A\n- label: B\n  children:\n    - label: C\n    - aliases: [x]\n'), /^5: child 2 of B has no label$/);
  assert.match(failure('- label: A\n  children: none\n'), /^1: the children of A must be a list$/);
  assert.match(failure('- label: A\n  highlight: [\n'), /^3: not valid YAML: /);
});

test('each category knows the line it is written on', () => {
  const v = parseCategories(
    '# sections\n- label: Highlights\n  highlight: true\n- label: Robots\n  children:\n    - label: Arms\n    - Legs\n',
  );
  assert.deepEqual(
    v.all.map((c) => [c.label, v.lineOf(c)]),
    [
      ['Highlights', 2],
      ['Robots', 4],
      ['Arms', 6],
      ['Legs', 5],
    ],
  );
});

test('an anchor whose alias loops back into itself is an error on the alias line, not a stack overflow', () => {
  assert.match(
    failure('- label: Top\n- &loop\n  label: Loop\n  children:\n    - *loop\n'),
    /^5: the alias \*loop repeats a list or category/,
  );
});

test('aliases that repeat per level (a few KB unfolding into millions of categories) are an error on the first alias, at once', () => {
  let text = '- &c0\n  label: Level 0\n';
  for (let level = 1; level < 30; level++)
    text += `- &c${level}\n  label: Level ${level}\n  children: [${Array.from({ length: 9 }, () => `*c${level - 1}`).join(', ')}]\n`;
  assert.ok(text.length < 3_000);
  assert.match(failure(text), /^5: the alias \*c0 repeats a list or category written elsewhere in the file: write each category once/);
});

test('a children list given as an alias in block style (`children: *list`) is an error on that line, at once', () => {
  let text = '- label: Level 0\n  children: &l0\n    - label: Leaf\n';
  for (let level = 1; level < 25; level++) {
    text += `- label: Level ${level}\n  children: &l${level}\n`;
    for (let k = 0; k < 8; k++) text += `    - label: Part ${level}.${k}\n      children: *l${level - 1}\n`;
  }
  assert.match(failure(text), /^7: the alias \*l0 repeats a list or category written elsewhere in the file/);
});

test("an alias of a plain string (one label reused as another one's alias) is still allowed", () => {
  const v = parseCategories('- label: &name Robot arms\n- label: Manipulators\n  aliases: [*name]\n');
  assert.equal(v.lookup('robot arms')?.label, 'Robot arms');
  assert.equal(v.all.length, 2);
});
