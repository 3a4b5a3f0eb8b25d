import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCategories } from '../../src/records/categories.ts';
import { parseNewsletter } from '../../src/parse.ts';
import {
  LAYOUTS,
  entriesOf,
  expectedIssue,
  generateCorpus,
  referencesIn,
  renderFile,
  renderIssue,
  repeatToCount,
  seeded,
  specFromRandom,
  specsFromDatabase,
  toPlain,
} from '../../tools/generate/index.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';
import { AN_DIALECT } from '../support/dialect.ts';

test('the same seed gives the same stream of numbers, and a different seed a different one', () => {
  const a = seeded(42);
  const b = seeded(42);
  const c = seeded(43);
  const first = Array.from({ length: 20 }, () => a.next());
  assert.deepEqual(
    Array.from({ length: 20 }, () => b.next()),
    first,
  );
  assert.notDeepEqual(
    Array.from({ length: 20 }, () => c.next()),
    first,
  );
  assert.ok(first.every((x) => x >= 0 && x < 1));
});

test('a made-up issue has about a dozen entries, highlights first, with summaries and opinions', () => {
  const spec = specFromRandom(seeded(7), { number: 95 });
  const entries = entriesOf(spec);
  assert.ok(entries.length >= 8 && entries.length <= 16, `${entries.length} entries`);
  assert.equal(spec.sections[0]?.highlight, true);
  assert.deepEqual(spec.sections[0]?.category, ['Highlights']);
  assert.ok(entries.some((e) => e.opinions.length > 0));
  assert.ok(
    entries.every((e) => e.summary.length > 0 || e.summarizers.length === 0),
    'a "see also" item names no summarizer',
  );
});

test('every layout renders the same entry titles, and the bytes do not depend on anything but the spec', () => {
  const spec = specFromRandom(seeded(3), { number: 120 });
  for (const layout of LAYOUTS) {
    const text = renderIssue(spec, layout);
    assert.equal(renderIssue(spec, layout), text);
    for (const entry of entriesOf(spec)) assert.ok(text.includes(entry.title), `${layout} lacks "${entry.title}"`);
  }
});

test('the flattened layouts put the whole issue on one line and pad references like ( AN #74 )', () => {
  const spec = specFromRandom(seeded(11), { number: 150, entries: 14 });
  const cited = entriesOf(spec).some((e) => e.references.length > 0);
  for (const layout of ['flat-upper', 'flat-title'] as const) {
    const text = renderIssue(spec, layout);
    assert.equal(text.trimEnd().includes('\n'), false);
    if (cited) assert.match(text, /\( AN #\d+ \)/);
    assert.doesNotMatch(text, /\]\(http/);
  }
  assert.match(renderIssue(spec, 'flat-upper'), / HIGHLIGHTS /);
  assert.match(renderIssue(spec, 'flat-title'), / Highlights /);
});

test('the line layouts differ in their headings: UPPERCASE lines, Title Case lines, or none', () => {
  const spec = specFromRandom(seeded(5), { number: 140 });
  const lines = (layout: (typeof LAYOUTS)[number]): string[] => renderIssue(spec, layout).split('\n');
  assert.ok(lines('line-upper').includes('HIGHLIGHTS'));
  assert.ok(lines('line-upper').includes('FEEDBACK'));
  assert.ok(lines('line-title').includes('Highlights'));
  assert.ok(!lines('line-none').includes('HIGHLIGHTS') && !lines('line-none').includes('Highlights'));
});

test('the Markdown layout writes the export headings, linked titles and bold labels', () => {
  const spec = specFromRandom(seeded(9), { number: 90, entries: 16 });
  const text = renderIssue(spec, 'markdown');
  assert.match(text, /^\*\*Highlights\*\*\n-{14}$/m);
  assert.match(text, /^\[[^\]]+\]\(https:\/\/example\.org\/papers\/[^)]+\)/m);
  if (entriesOf(spec).some((e) => e.opinions.length > 0))
    assert.match(text, /^\*\*\w[\w ]*['\u2019]s opinion:\*\* |^\*\*My opinion:\*\* /m);
  const sub = spec.sections.find((s) => s.category.length === 2);
  if (sub) assert.ok(text.includes(`### **${sub.category[1]}**`));
});

test('reader comments follow the forum furniture in line layouts and are counted in the expected records', () => {
  const base = specFromRandom(seeded(1), { number: 116 });
  const spec = { ...base, comments: ['First comment.', 'Second comment.'] };
  const text = renderIssue(spec, 'line-none');
  assert.match(text, /\nNew Comment\n2 comments, sorted by /);
  assert.ok(text.trimEnd().endsWith('Second comment.'));
  assert.equal(expectedIssue(spec, 'line-none').commentsDropped, 2);
  assert.equal(expectedIssue(spec, 'markdown').commentsDropped, 0);
});

test('front matter carries number, title and date, quoting titles with colons', () => {
  const spec = { ...specFromRandom(seeded(2), { number: 53 }), title: 'LCA: a "quoted" title' };
  const text = renderFile(spec, 'line-upper', true);
  assert.ok(text.startsWith('---\nnumber: 53\ntitle: "LCA: a \\"quoted\\" title"\ndate: 2019-04-08\n---\n'));
  assert.ok(!renderFile(spec, 'line-upper', false).startsWith('---'));
});

test('expected records drop what a layout cannot carry: headings in line-none, URLs and markup in plain text', () => {
  const spec = specFromRandom(seeded(21), { number: 100 });
  const none = expectedIssue({ ...spec, intro: null }, 'line-none').entries;
  assert.ok(none.every((e) => e.category.length === 0 && !e.highlight && e.url === null));
  // With an intro and no headings, the issue is a special edition: every summary is a highlight.
  const special = expectedIssue({ ...spec, intro: 'A special edition.' }, 'line-none').entries;
  assert.ok(special.every((e) => e.highlight && e.category.join() === 'Highlights'));
  const md = expectedIssue(spec, 'markdown').entries;
  assert.equal(md[0]?.highlight, true);
  assert.deepEqual(md[0]?.category, ['Highlights']);
  assert.ok(md.every((e) => e.url !== null));
  const plain = expectedIssue(spec, 'line-upper').entries;
  assert.ok(plain.every((e) => !e.summary.includes('](')));
});

test('plain text keeps link texts, drops emphasis markers, and keeps underscores inside words', () => {
  assert.equal(toPlain('See [this post](https://x.org/a_(b)) and **bold** _em_ n_parameters.'), 'See this post and bold em n_parameters.');
  assert.equal(toPlain('cited before ([AN #74](https://mailchi.mp/x)).', true), 'cited before ( AN #74 ).');
});

test('references are found in every written form, first mention first, without repeats', () => {
  assert.deepEqual(referencesIn(['a (AN #74) b ( AN #3 )', 'c ([AN #74](u)) d ([AN #12](u))']), [74, 3, 12]);
});

const CSV = `Category,Highlight?,Title,Authors,Venue,Year,H/T,Email,Summarizer,Summary,My opinion,Prerequisites,Read more,URL
Interpretability,,Compositional Explanations of Neurons,Jesse Mu et al,arXiv,2020.0,,AN #116,Robert,"Network dissection is an interpretability technique.

They extend it ([AN #49](https://mailchi.mp/x)).","I think this is interesting.

**Rohin's opinion:** I agree.",,Paper: Compositional Explanations,https://arxiv.org/abs/2006.14032
Reinforcement learning,Highlight,Agent57,Adrià Puigdomènech Badia et al,arXiv,2020.0,Xuan,AN #116,Rohin/Robert,Agent57 beats humans on all Atari games.,,,,https://deepmind.com/agent57
News,,A job posting,,,,,AN #3,,,,,,
Learning human intent,,Unknown issue,X,,,,Recon #5,Rohin,Skipped.,,,,
`;

test('database rows become issues grouped by AN number, highlights first, opinions split by author', () => {
  const specs = specsFromDatabase(CSV);
  assert.deepEqual(
    specs.map((s) => s.number),
    [3, 116],
  );
  const issue = specs[1]!;
  const entries = entriesOf(issue);
  assert.equal(entries[0]?.title, 'Agent57');
  assert.equal(entries[0]?.highlight, true);
  assert.deepEqual(entries[0]?.summarizers, ['Rohin', 'Robert']);
  assert.deepEqual(entries[0]?.hatTips, ['Xuan']);
  const neurons = entries[1]!;
  assert.deepEqual(neurons.category, ['Interpretability']);
  assert.deepEqual(
    neurons.opinions.map((o) => o.by),
    ['Robert', 'Rohin'],
  );
  assert.deepEqual(neurons.references, [49]);
  assert.deepEqual(neurons.readMore, ['Paper: Compositional Explanations']);
  const job = entriesOf(specs[0]!)[0]!;
  assert.equal(job.authors, null);
  assert.deepEqual(job.summary, []);
});

test('a title cell written as links (two posts under one header) is generated as its text and first link, and parses back so in every layout', () => {
  const linked = `Category,Highlight?,Title,Authors,Venue,Year,H/T,Email,Summarizer,Summary,My opinion,Prerequisites,Read more,URL
Interpretability,,"[Part One](https://example.org/one) and [Part Two](https://example.org/two)",Jane Doe,,,,AN #50,Robert,Both posts argue one thing.,,,,
Interpretability,,Is Safety [really] a Tax?,John Roe,,,,AN #50,Robert,A bracket that is no link.,,,,https://example.org/three
`;
  const vocabulary = parseCategories(readFileSync(path.join(SAMPLE_ARCHIVE, 'categories.yml'), 'utf8'));
  const spec = specsFromDatabase(linked, { vocabulary })[0]!;
  const [both, bracket] = entriesOf(spec);
  assert.equal(both?.title, 'Part One and Part Two');
  assert.equal(both?.url, 'https://example.org/one');
  assert.equal(bracket?.title, 'Is Safety [really] a Tax?');
  assert.equal(bracket?.url, 'https://example.org/three');
  for (const layout of LAYOUTS) {
    const issue = parseNewsletter(
      { file: 'generated.txt', text: renderIssue(spec, layout) },
      { vocabulary, dialect: AN_DIALECT, editor: 'Rohin' },
    );
    const expected = expectedIssue(spec, layout);
    assert.deepEqual(
      issue.entries.map((e) => [e.title, e.url]),
      expected.entries.map((e) => [e.title, e.url]),
      layout,
    );
    assert.deepEqual(issue.warnings, [], layout);
  }
});

test('an archive larger than the database repeats its issues under new numbers', () => {
  const specs = repeatToCount(specsFromDatabase(CSV), 5);
  assert.deepEqual(
    specs.map((s) => s.number),
    [3, 116, 117, 118, 119],
  );
  assert.equal(specs[2]?.sections[0]?.entries[0]?.title, specs[0]?.sections[0]?.entries[0]?.title);
});

test('a generated corpus is the same bytes for the same seed and mixes the requested layouts', () => {
  const a = generateCorpus({ issues: 24, seed: 'x' });
  const b = generateCorpus({ issues: 24, seed: 'x' });
  assert.deepEqual(
    a.map((f) => [f.name, f.text]),
    b.map((f) => [f.name, f.text]),
  );
  assert.notDeepEqual(
    generateCorpus({ issues: 24, seed: 'y' }).map((f) => f.text),
    a.map((f) => f.text),
  );
  assert.ok(new Set(a.map((f) => f.layout)).size >= 4);
  assert.ok(a.some((f) => f.frontMatter) && a.some((f) => !f.frontMatter));
  const only = generateCorpus({ issues: 6, seed: 1, layouts: ['markdown'] });
  assert.ok(only.every((f) => f.layout === 'markdown' && f.name.endsWith('.md')));
});
