import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyse, relatedSummaries, type RelatedInput } from '../../src/site/engines/related.ts';

/** A summary with defaults for what a test does not care about. */
function summary(id: string, title: string, text: string, extra: Partial<RelatedInput> = {}): RelatedInput {
  return { id, title, summary: text, opinions: [], authors: [], category: [], issueNumber: null, cites: [], ...extra };
}

/** An archive of summaries on distinct topics, so that word frequencies mean something. */
const background: RelatedInput[] = [
  summary(
    'bg-chess',
    'Engines that play board games',
    'A search procedure explores moves in chess and go, pruning the tree with a learned value function.',
  ),
  summary(
    'bg-proteins',
    'Folding proteins from sequence',
    'Amino acid chains are mapped to three dimensional structures; the predicted distances between residues beat earlier methods.',
  ),
  summary(
    'bg-forecast',
    'Forecasting tournaments',
    'Superforecasters were asked about geopolitical events; aggregated probabilities were better calibrated than pundits.',
  ),
  summary(
    'bg-compute',
    'Trends in training compute',
    'The floating point operations used for the largest runs doubled every few months over a decade of hardware.',
  ),
  summary(
    'bg-policy',
    'Export controls on chips',
    'Governments restricted the sale of accelerators, and the essay discusses what that means for semiconductor supply chains.',
  ),
  summary(
    'bg-robot',
    'Grasping with a robot hand',
    'A dexterous manipulator learns to rotate a cube in simulation with domain randomization, then transfers to hardware.',
  ),
  summary(
    'bg-econ',
    'Automation and wages',
    'Economists model how automating tasks shifts labour income, with a growth model where capital substitutes for workers.',
  ),
  summary(
    'bg-vision',
    'Texture bias in image classifiers',
    'Convolutional networks rely on texture more than shape; stylized training images push them towards shape.',
  ),
  summary(
    'bg-debate',
    'Debate as a training signal',
    'Two agents argue before a judge, and honest arguments should win when lying is easier to refute than to defend.',
  ),
  summary(
    'bg-interp',
    'Circuits in vision models',
    'Individual neurons detect curves, and the weights between them can be read as small algorithms.',
  ),
];

const original = summary(
  'mesa',
  'Inner optimizers that pursue their own objective',
  'When gradient descent finds a model that itself runs an optimization procedure, that mesa optimizer may pursue a mesa objective differing from the base objective. Deceptive alignment is the worry that such a learned optimizer behaves well during training only to defect once deployed.',
);
const nearDuplicate = summary(
  'mesa-again',
  'Learned optimizers pursuing an objective of their own',
  'If gradient descent produces a learned model that runs its own optimization, the mesa optimizer can pursue a mesa objective unlike the base objective; deceptive alignment means it behaves during training and defects once deployed.',
);
const unrelated = summary(
  'bees',
  'Pollination and crop yields',
  'Honeybee colonies collapsed in several regions; orchards that rented hives saw almond harvests fall, and farmers planted wildflower strips.',
);

test('a summary and its near-duplicate find each other first, for similar text', () => {
  const related = relatedSummaries([...background, original, nearDuplicate, unrelated]);
  assert.equal(related.get('mesa')![0]!.id, 'mesa-again');
  assert.equal(related.get('mesa-again')![0]!.id, 'mesa');
  assert.deepEqual(related.get('mesa')![0]!.reasons, ['similar text']);
  assert.equal(related.get('mesa')![0]!.reason, 'similar text');
});

test('a summary on another topic is related to neither, and has no related summaries of its own', () => {
  const related = relatedSummaries([...background, original, nearDuplicate, unrelated]);
  assert.ok(!related.get('mesa')!.some((l) => l.id === 'bees'));
  assert.ok(!related.get('mesa-again')!.some((l) => l.id === 'bees'));
  assert.deepEqual(related.get('bees'), []);
});

test('a shared author alone relates nothing: only beside texts that meet is it a reason, as "shared author"', () => {
  const a = summary('a', 'Reward modeling from comparisons', 'Humans compare pairs of clips and a reward model is fit to their choices.', {
    authors: ['Ada Quill', 'Bo Reyes'],
  });
  const apart = summary('apart', 'Scaling laws for language', 'Loss falls as a power law in parameters, data and compute.', {
    authors: ['bo  reyes', 'Cy Tam'],
  });
  const meeting = summary(
    'meeting',
    'Preference learning at scale',
    'Annotators compare pairs of summaries; the reward model fit to those comparisons then steers a language model.',
    { authors: ['bo  reyes', 'Cy Tam'] },
  );
  const related = relatedSummaries([...background, a, apart, meeting]);
  assert.ok(!related.get('a')!.some((l) => l.id === 'apart'), 'an unrelated paper by the same author is not listed');
  assert.ok(!related.get('apart')!.some((l) => l.id === 'a'));
  const link = related.get('a')!.find((l) => l.id === 'meeting');
  assert.ok(link, 'the paper whose text meets this one is');
  assert.ok(link.reasons.includes('shared author'), link.reason);
});

test('"same authors" is said only of the same set of authors, in any order or case; two of three shared are "shared authors"', () => {
  const words = [
    'Humans compare pairs of clips and a reward model is fit to their choices of clips.',
    'A reward model fit to human comparisons of clips is then used to train a policy on the choices.',
    'Comparisons of clips by humans give a reward model; the choices are noisy, the paper studies how noisy.',
  ];
  const a = summary('a', 'Reward modeling from comparisons', words[0]!, { authors: ['Ada Quill', 'Bo Reyes'] });
  const b = summary('b', 'Policies from learned rewards', words[1]!, { authors: ['bo reyes', 'ADA QUILL'] });
  const c = summary('c', 'Noise in human comparisons', words[2]!, { authors: ['Ada Quill', 'Bo Reyes', 'Cy Tam'] });
  const related = relatedSummaries([...background, a, b, c]);
  const reasonsOf = (from: string, to: string): readonly string[] => related.get(from)!.find((l) => l.id === to)?.reasons ?? [];
  assert.ok(reasonsOf('a', 'b').includes('same authors'), reasonsOf('a', 'b').join());
  assert.ok(reasonsOf('b', 'a').includes('same authors'));
  assert.ok(reasonsOf('a', 'c').includes('shared authors'), reasonsOf('a', 'c').join());
  assert.ok(reasonsOf('c', 'b').includes('shared authors'));
});

test('one shared title word is no relation; a title held whole by another is, whatever the texts share', () => {
  const debate = summary('debate', 'AI safety via debate', 'Two agents argue before a human judge, who picks the more convincing one.');
  const thoughts = summary(
    'thoughts',
    'Thoughts on AI Safety via Debate',
    'The author worries that judges reward persuasion over truth and proposes checks.',
  );
  const word = summary('word', 'Debate clubs in schools', 'Students practise public speaking in weekly tournaments.');
  const related = relatedSummaries([...background, debate, thoughts, word]);
  const link = related.get('debate')!.find((l) => l.id === 'thoughts');
  assert.ok(link, '"Thoughts on AI Safety via Debate" is listed on "AI safety via debate"');
  assert.equal(link.reasons[0], 'shared title');
  assert.ok(
    related.get('thoughts')!.some((l) => l.id === 'debate'),
    'and the other way',
  );
  assert.ok(!related.get('debate')!.some((l) => l.id === 'word'), 'one shared word, "debate", is not enough');
});

test("the topic first: of two summaries the text relates alike, the one on the page's topic ranks first; the topic alone admits none", () => {
  const text = 'Sparse autoencoders split the activations of a transformer into features a human can label.';
  const page = summary('page', 'Features from sparse autoencoders', text, { category: ['Alignment', 'Interpretability'] });
  const onTopic = summary('on', 'Labelling transformer features', text.replace('Sparse', 'Wide'), {
    category: ['Alignment', 'Interpretability'],
  });
  const offTopic = summary('off', 'Transformer features for ranking', text.replace('Sparse', 'Deep'), { category: ['Other', 'Search'] });
  const alone = summary('alone', 'Bees and pollination', 'Bees carry pollen between flowers in spring.', {
    category: ['Alignment', 'Interpretability'],
  });
  const related = relatedSummaries([...background, page, onTopic, offTopic, alone]);
  assert.deepEqual(
    related.get('page')!.map((l) => l.id),
    ['on', 'off'],
  );
  assert.deepEqual(related.get('page')![0]!.reasons.at(-1), 'same category');
});

test('"et al" and empty names are nobody: they relate no summaries', () => {
  const a = summary('a', 'Reward modeling from comparisons', 'Humans compare pairs of clips.', { authors: ['et al', ''] });
  const b = summary('b', 'Scaling laws for language', 'Loss falls as a power law.', { authors: ['Et al.', ' '] });
  assert.deepEqual(relatedSummaries([...background, a, b]).get('a'), []);
});

test('a citation of an issue links to the summary of that issue nearest in text, in both directions', () => {
  const cited = summary('cited', 'Inner optimizers that pursue their own objective', original.summary, { issueNumber: 10 });
  const sameIssue = summary(
    'same-issue',
    'A survey of forecasting',
    'Forecasters predicted geopolitical events with calibrated probabilities.',
    { issueNumber: 10 },
  );
  const citing = summary(
    'citing',
    'Testing for deceptive alignment',
    'Building on the mesa optimizer framing (AN #10), this post proposes experiments that would catch a deceptive learned optimizer.',
    {
      issueNumber: 20,
      cites: [10],
    },
  );
  const related = relatedSummaries([...background, cited, sameIssue, citing]);
  const fromCiting = related.get('citing')!.find((l) => l.id === 'cited');
  assert.ok(fromCiting);
  assert.equal(fromCiting.reasons[0], 'cited by this');
  const fromCited = related.get('cited')!.find((l) => l.id === 'citing');
  assert.ok(fromCited);
  assert.equal(fromCited.reasons[0], 'cites this');
  assert.ok(!related.get('citing')!.some((l) => l.id === 'same-issue'), 'the other summary of the cited issue is not taken as cited');
});

test('summaries in the same category get that reason only beside another one', () => {
  const a = summary('a', 'Mesa optimizers and deception', original.summary, { category: ['Alignment', 'Inner alignment'] });
  const b = summary('b', 'Learned optimizers', nearDuplicate.summary, { category: ['Alignment', 'Inner alignment'] });
  const c = summary('c', 'Pollination', unrelated.summary, { category: ['Alignment', 'Inner alignment'] });
  const related = relatedSummaries([...background, a, b, c]);
  assert.deepEqual(related.get('a')!.find((l) => l.id === 'b')!.reasons, ['similar text', 'same category']);
  assert.ok(!related.get('a')!.some((l) => l.id === 'c'), 'a shared category alone does not make a summary related');
});

test('the result is the same twice and whatever the order of the input', () => {
  const items = [...background, original, nearDuplicate, unrelated];
  const first = relatedSummaries(items);
  assert.deepEqual(relatedSummaries(items), first);
  const reordered = relatedSummaries([...items].reverse());
  assert.deepEqual([...reordered].sort(), [...first].sort());
  const rotated = relatedSummaries([...items.slice(5), ...items.slice(0, 5)]);
  assert.deepEqual([...rotated].sort(), [...first].sort());
});

test('at most limit summaries are listed, best first, ties in id order', () => {
  const twins = ['t3', 't1', 't2', 't0'].map((id) => summary(id, 'Mesa optimizers', original.summary));
  const related = relatedSummaries([...background, original, ...twins], { limit: 3 });
  const list = related.get('mesa')!;
  assert.equal(list.length, 3);
  assert.deepEqual(
    list.map((l) => l.id),
    ['t0', 't1', 't2'],
  );
  for (let i = 1; i < list.length; i++) assert.ok(list[i - 1]!.score >= list[i]!.score);
});

test('an id given twice is an error naming it', () => {
  assert.throws(() => relatedSummaries([original, { ...nearDuplicate, id: 'mesa' }]), /"mesa" is given twice/);
});

test('summaries without any text are listed with no related summaries, and break nothing', () => {
  const empty = summary('empty', '', '');
  const related = relatedSummaries([...background, empty, original]);
  assert.deepEqual(related.get('empty'), []);
  assert.equal(related.size, background.length + 2);
});

test('the analyser keeps link text, drops link targets, numbers and one-letter words, and stems', () => {
  assert.deepEqual(analyse('See [the models](https://example.org/paper) (AN #74) in 2019: a modeling trick'), [
    'see',
    'the',
    'model',
    'an',
    'in',
    'model',
    'trick',
  ]);
});
