import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import {
  bibFile,
  entryType,
  escapeLatex,
  formatEntry,
  paperEntry,
  paperKey,
  summaryEntry,
  type PaperMetadata,
  type SummaryCitation,
} from '../../src/site/engines/bibtex.ts';

/** Parses BibTeX with a full parser (LaTeX decoded back to Unicode, no case changes) and fails on any error. */
function parseBib(text: string): Entry[] {
  const library = parse(text, { sentenceCase: false, english: false });
  assert.deepEqual(library.errors, [], `the parser reports no error in:\n${text}`);
  return library.entries;
}

function only(text: string): Entry {
  const entries = parseBib(text);
  assert.equal(entries.length, 1);
  return entries[0]!;
}

const creatorName = (c: Creator): string => c.name ?? [c.firstName, c.prefix, c.lastName, c.suffix].filter(Boolean).join(' ');

const paper: PaperMetadata = {
  title: 'Learning to steer: reward models for RL agents',
  authors: ['Ada Quill', 'Bo Reyes'],
  venue: 'NeurIPS 2019',
  year: 2019,
  url: 'https://example.org/papers/steer?x=1&y=2',
};

/** Titles a tired person might paste, each with something BibTeX treats specially. */
const HARD_TITLES = [
  'Sets {of} braces: {A} and \\ backslashes',
  'Robustness & safety: 100% of the $cost_of #1',
  'Under_scores, tildes ~ and carets ^ in a title',
  'Émile Zoë and the naïve café: accents',
  'Sprachmodelle für Überwachung — ein Überblick',
  '强化学习中的安全探索 (safe exploration)',
  'Emoji 🚀 and “curly quotes” and ‘single’ ones',
  'AlphaZero, GPT-3 and RLHF: capitals kept',
  'A line\nbreak and\ttab',
];

test('a paper entry parses back with every field as given, for titles full of LaTeX specials, accents and other scripts', () => {
  for (const title of HARD_TITLES) {
    const entry = only(formatEntry(paperEntry({ ...paper, title })!));
    assert.equal(entry.fields.title, title.replace(/\s+/g, ' '), `title round-trips: ${title}`);
    assert.deepEqual(entry.fields.author!.map(creatorName), ['Ada Quill', 'Bo Reyes']);
    assert.equal(entry.fields.booktitle, 'NeurIPS 2019');
    assert.equal(entry.fields.year, '2019');
    assert.equal(entry.fields.url, 'https://example.org/papers/steer?x=1&y=2');
  }
});

test('special characters in authors and venues are escaped and come back as written', () => {
  const entry = only(
    formatEntry(paperEntry({ ...paper, authors: ['Zoë Ångström', 'Dan O’Neil_Smith'], venue: 'Workshop on R&D 100% #2' })!),
  );
  assert.deepEqual(entry.fields.author!.map(creatorName), ['Zoë Ångström', 'Dan O’Neil_Smith']);
  assert.equal(entry.fields.booktitle, 'Workshop on R&D 100% #2');
});

test('capitalised words in a title are braced so a style cannot lower-case them', () => {
  const text = formatEntry(paperEntry({ ...paper, title: 'Scaling RL with AlphaZero and GPT-3 in practice' })!);
  assert.match(text, /title\s+= \{Scaling \{RL\} with \{AlphaZero\} and \{GPT-3\} in practice\},/);
});

test('only the capitalised word is braced, not the quotes and punctuation around it', () => {
  const text = formatEntry(paperEntry({ ...paper, title: 'Why “AI” (RL), not “deep learning”?' })!);
  assert.match(text, /title\s+= \{Why “\{AI\}” \(\{RL\}\), not “deep learning”\?\},/);
});

test('the entry type follows the venue: conference, journal, preprint or blog', () => {
  assert.equal(entryType('ICLR 2020'), 'inproceedings');
  assert.equal(entryType('NeurIPS Workshop on Safety'), 'inproceedings');
  assert.equal(entryType('Distill'), 'article');
  assert.equal(entryType('Journal of Machine Learning Research'), 'article');
  assert.equal(entryType('arXiv'), 'misc');
  assert.equal(entryType('Alignment Forum'), 'misc');
  assert.equal(entryType(null), 'misc');
  const article = only(formatEntry(paperEntry({ ...paper, venue: 'Distill' })!));
  assert.equal(article.type, 'article');
  assert.equal(article.fields.journal, 'Distill');
  const blog = only(formatEntry(paperEntry({ ...paper, venue: 'A Lab Blog' })!));
  assert.equal(blog.type, 'misc');
  assert.equal(blog.fields.howpublished, 'A Lab Blog');
});

test('an arXiv paper is a misc entry with its eprint number', () => {
  const entry = only(formatEntry(paperEntry({ ...paper, venue: 'arXiv', url: 'https://arxiv.org/abs/1811.07871' })!));
  assert.equal(entry.type, 'misc');
  assert.equal(entry.fields.eprint, '1811.07871');
  assert.equal(entry.fields.archiveprefix, 'arXiv');
  assert.equal(entry.fields.url, 'https://arxiv.org/abs/1811.07871');
});

test('"et al" becomes BibTeX\'s "and others"; a name containing "and" stays one name', () => {
  const text = formatEntry(paperEntry({ ...paper, authors: ['Ada Quill', 'Law and Policy Lab', 'et al'] })!);
  assert.match(text, /author\s+= \{Ada Quill and \{Law and Policy Lab\} and others\},/);
  const entry = only(text);
  assert.deepEqual(entry.fields.author!.map(creatorName), ['Ada Quill', 'Law and Policy Lab', 'others']);
});

test('a paper with no title or no author has no entry; unknown venue, year and URL are left out', () => {
  assert.equal(paperEntry({ ...paper, title: '  ' }), null);
  assert.equal(paperEntry({ ...paper, authors: [] }), null);
  assert.equal(paperEntry({ ...paper, authors: ['et al'] }), null);
  const entry = only(
    formatEntry(paperEntry({ title: 'Bare paper', authors: ['Ada Quill'], venue: null, year: null, url: 'javascript:alert(1)' })!),
  );
  assert.deepEqual(Object.keys(entry.fields).sort(), ['author', 'title']);
});

test('URLs keep & % # as they are and cannot break out of the field', () => {
  const entry = only(formatEntry(paperEntry({ ...paper, url: 'https://example.org/a%20b#frag}{,x' })!));
  assert.equal(entry.fields.url, 'https://example.org/a%20b#frag%7D%7B,x');
});

test('the paper key is the first author, year and first significant title word, in ASCII', () => {
  assert.equal(paperKey(paper), 'quill2019learning');
  assert.equal(paperKey({ ...paper, authors: ['Ångström, Zoë'], title: 'The Café Problem' }), 'angstrom2019cafe');
  assert.equal(paperKey({ ...paper, authors: ['et al'], year: null, title: 'On Corrigibility' }), 'anoncorrigibility');
  assert.match(paperKey({ ...paper, title: '安全探索' }), /^quill2019[0-9a-z]{6}$/);
});

test('the key keeps a family name with its particles, written either way round', () => {
  assert.equal(paperKey({ ...paper, authors: ['Laurens van der Maaten'], title: 'Visualizing Data' }), 'vandermaaten2019visualizing');
  assert.equal(paperKey({ ...paper, authors: ['van der Maaten, Laurens'], title: 'Visualizing Data' }), 'vandermaaten2019visualizing');
  assert.equal(paperKey({ ...paper, authors: ['Aaron van den Oord', 'Ada Quill'] }), 'vandenoord2019learning');
  // Another Maaten is another key.
  assert.equal(paperKey({ ...paper, authors: ['Eva Maaten'], title: 'Visualizing Data' }), 'maaten2019visualizing');
  assert.equal(paperKey({ ...paper, authors: ["Ada O'Quill"] }), 'oquill2019learning');
});

test('papers whose first authors share a family name but not its particles keep distinct keys', () => {
  const keys = ['Laurens van der Maaten', 'Eva Maaten', 'Jo van Maaten'].map((name, i) =>
    paperKey({ ...paper, authors: [name], title: 'Visualizing Data', id: `visualizing-data-${i}` }),
  );
  assert.equal(new Set(keys).size, 3);
  assert.equal(new Set(keys.map((k) => k.replace(/-[0-9a-z]{4}$/, ''))).size, 3);
});

test("given the paper's page, its key ends in a short hash of it: two papers with the same readable key differ, and no other changes it", () => {
  const a = paperKey({ ...paper, id: 'learning-to-steer' });
  const b = paperKey({ ...paper, title: 'Learning from comparisons', id: 'learning-from-comparisons' });
  assert.match(a, /^quill2019learning-[0-9a-z]{4}$/);
  assert.match(b, /^quill2019learning-[0-9a-z]{4}$/);
  assert.notEqual(a, b);
  assert.equal(paperKey({ ...paper, id: 'learning-to-steer' }), a, 'a pure function of the paper');
});

test('a Markdown escape in a title or name is the character it stands for, not a backslash', () => {
  const entry = only(formatEntry(paperEntry({ ...paper, title: 'Q\\&A with a \\*star\\* and 2\\_3', authors: ['Ann O\\*Neil'] })!));
  assert.equal(entry.fields.title, 'Q&A with a *star* and 2_3');
  assert.deepEqual(entry.fields.author!.map(creatorName), ['Ann O*Neil']);
  assert.doesNotMatch(formatEntry(paperEntry({ ...paper, title: 'Q\\&A' })!), /textbackslash/);
});

const summary: SummaryCitation = {
  newsletter: 'Alignment Newsletter',
  issueNumber: 98,
  title: 'Learning to steer: reward models for RL agents',
  summarizers: ['Cy Tam', 'Di Vo'],
  date: '2020-05-06',
  url: 'https://example.org/archive/papers/learning-to-steer/',
};

test('a summary entry names the newsletter issue, summarizers, date and permalink, and parses back', () => {
  const text = formatEntry(summaryEntry(summary));
  assert.match(text, /^@misc\{an98-learning-to-steer,/);
  assert.match(text, /month\s+= may,/);
  const entry = only(text);
  assert.deepEqual(entry.fields.author!.map(creatorName), ['Cy Tam', 'Di Vo']);
  assert.equal(entry.fields.title, 'Summary of “Learning to steer: reward models for RL agents”');
  assert.equal(entry.fields.howpublished, 'Alignment Newsletter #98');
  assert.equal(entry.fields.year, '2020');
  assert.equal(entry.fields.url, summary.url);
});

test("a summary's key is its issue's id and its anchor's first words, with a hash of the anchor when it has more: unique, and its own", () => {
  const key = (anchor: string, issueId = 'an-098'): string => summaryEntry({ ...summary, issueId, anchor }).key;
  assert.equal(key('learning-to-steer'), 'an098-learning-to-steer');
  assert.match(key('learning-to-steer-reward-models'), /^an098-learning-to-steer-[0-9a-z]{4}$/);
  assert.notEqual(key('learning-to-steer-reward-models'), key('learning-to-steer-reward-models-2'), 'two anchors of one issue');
  assert.notEqual(key('learning-to-steer', 'an-098'), key('learning-to-steer', 'an-098-2'), 'two issues claiming one number');
});

test('a summary with no number, date or summarizer still makes a valid entry', () => {
  const entry = only(formatEntry(summaryEntry({ ...summary, issueNumber: null, date: null, summarizers: [], title: 'R&D_notes #3' })));
  assert.equal(entry.key, 'an-r-d-notes');
  assert.equal(entry.fields.howpublished, 'Alignment Newsletter');
  assert.equal(entry.fields.title, 'Summary of “R&D_notes #3”');
  assert.equal(entry.fields.author, undefined);
  assert.equal(entry.fields.year, undefined);
});

test('a .bib file has unique keys, one copy of a repeated entry, and the same text whatever the order', () => {
  const a = paperEntry(paper)!;
  const b = paperEntry({ ...paper, title: 'Learning from comparisons', url: null })!;
  const c = summaryEntry(summary);
  assert.equal(a.key, b.key, 'two different papers share a key');
  const items = [
    { id: 'learning-to-steer', entry: a },
    { id: 'learning-from-comparisons', entry: b },
    { id: 'learning-to-steer', entry: a },
    { id: 'summary-learning-to-steer', entry: c },
  ];
  const file = bibFile(items, 'Alignment Newsletter archive\nEvery paper summarized');
  assert.equal(bibFile([...items].reverse(), 'Alignment Newsletter archive\nEvery paper summarized'), file);
  const entries = parseBib(file);
  assert.equal(entries.length, 3);
  const keys = entries.map((e) => e.key);
  assert.equal(new Set(keys).size, 3);
  assert.ok(
    keys.every((k) => k === c.key || /^quill2019learning-[0-9a-z]{6}$/.test(k)),
    keys.join(', '),
  );
  assert.match(file, /^% Alignment Newsletter archive\n% Every paper summarized\n\n@/);
});

test('escaping leaves ordinary text alone and turns every LaTeX special into something that prints as itself', () => {
  assert.equal(escapeLatex('plain words'), 'plain words');
  assert.equal(escapeLatex('a\\b{c}&%$#_~^'), 'a\\textbackslash{}b\\{c\\}\\&\\%\\$\\#\\_\\textasciitilde{}\\textasciicircum{}');
});

test('the parser these tests trust rejects what the escaping prevents: unbalanced braces and a bare $', () => {
  assert.notDeepEqual(parse('@misc{a, title = {unbalanced }').errors, []);
  assert.notDeepEqual(parse('@misc{a, title = {100% & $x_1}}').errors, []);
});
