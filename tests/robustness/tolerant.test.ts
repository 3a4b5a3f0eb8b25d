import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseNewsletter } from '../../src/parse.ts';
import { parseCategories } from '../../src/records/categories.ts';
import { entriesOf, renderIssue, seeded, specFromRandom } from '../../tools/generate/index.ts';
import type { Entry, Issue } from '../../src/records/types.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';
import { AN_DIALECT } from '../support/dialect.ts';

const vocabulary = parseCategories(readFileSync(path.join(SAMPLE_ARCHIVE, 'categories.yml'), 'utf8'));

function parse(text: string, file = 'an-050.txt'): Issue {
  return parseNewsletter({ file, text }, { vocabulary, dialect: AN_DIALECT });
}

/** What a reader sees of an entry: everything but nothing positional. */
function fields(entry: Entry): Omit<Entry, 'line'> {
  const { line: _line, ...rest } = entry;
  return rest;
}

const LINES = [
  'HIGHLIGHTS',
  '',
  'First Paper Title (Jane Doe et al) (summarized by Rohin): The first summary sentence. Second sentence.',
  '',
  "Rohin's opinion: I like the first paper.",
  '',
  'TECHNICAL AI ALIGNMENT',
  '',
  'INTERPRETABILITY',
  '',
  'Second Paper Title (John Roe) (summarized by Nicholas): Another summary of a paper.',
  '',
  "Nicholas' opinion: Good work.",
  '',
  'Read more: The longer version of the paper.',
  '',
  'Prerequisites: An earlier paper.',
  '',
];
const LF = LINES.join('\n');
const reference = parse(LF);

test('the reference text parses into two entries with every field and no warnings', () => {
  assert.deepEqual(reference.warnings, []);
  assert.deepEqual(
    reference.entries.map((e) => [e.title, e.authors, e.summarizers, e.opinions.map((o) => o.by), e.category, e.line]),
    [
      ['First Paper Title', 'Jane Doe et al', ['Rohin'], ['Rohin'], ['Highlights'], 3],
      ['Second Paper Title', 'John Roe', ['Nicholas'], ['Nicholas'], ['Technical AI alignment', 'Interpretability'], 11],
    ],
  );
  assert.deepEqual(reference.entries[1]!.readMore, ['The longer version of the paper.']);
  assert.deepEqual(reference.entries[1]!.prerequisites, ['An earlier paper.']);
});

test('CRLF and lone CR line endings give the same records, line numbers included, as LF', () => {
  for (const [name, eol] of [
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ]) {
    const issue = parse(LINES.join(eol!));
    assert.deepEqual(issue.entries, reference.entries, name);
    assert.deepEqual(issue.warnings, [], name);
  }
});

test('a mix of line endings in one file gives the same records as LF', () => {
  // Blank lines end in CRLF, text lines alternate LF and CR (a CR before an LF would make one CRLF).
  const mixed = LINES.map((line, i) => line + (line === '' ? '\r\n' : i % 4 === 0 ? '\n' : '\r')).join('');
  assert.deepEqual(parse(mixed).entries, reference.entries);
});

test('a UTF-8 byte order mark, before the text or before front matter, changes nothing', () => {
  assert.deepEqual(parse(`\uFEFF${LF}`).entries, reference.entries);
  const withMatter = parse(`\uFEFF---\nnumber: 50\ndate: 2019-03-25\n---\n${LF}`);
  assert.equal(withMatter.number, 50);
  assert.equal(withMatter.date, '2019-03-25');
  assert.deepEqual(withMatter.warnings, []);
  assert.deepEqual(withMatter.entries.map(fields), reference.entries.map(fields));
  // Four lines of front matter push every entry four lines down.
  assert.deepEqual(
    withMatter.entries.map((e) => e.line),
    reference.entries.map((e) => e.line + 4),
  );
});

test('tabs, non-breaking spaces and other odd spaces in place of spaces give the same records', () => {
  for (const space of ['\t', '\u00a0', '\u202f', '\u2009', '\u3000']) {
    const issue = parse(LINES.map((l) => l.replace(/ /g, space)).join('\n'));
    assert.deepEqual(issue.entries, reference.entries, `U+${space.codePointAt(0)!.toString(16)}`);
  }
});

test('zero-width characters and soft hyphens in the text are dropped', () => {
  const issue = parse(LF.replace('First Paper', 'First\u200b Paper').replace('Second sentence', 'Sec\u00adond\u200d sentence'));
  assert.deepEqual(issue.entries, reference.entries);
});

test('trailing whitespace on every line, and blank lines made of spaces, change nothing', () => {
  const issue = parse(LINES.map((l) => `${l} \t\u00a0 `).join('\n'));
  assert.deepEqual(issue.entries, reference.entries);
  assert.deepEqual(issue.warnings, []);
});

/** One entry with the given opinion label; returns who the parser says the opinion is by and its text. */
function opinionsWith(label: string, layout: 'lines' | 'flat' | 'markdown'): { by: string; text: string }[] {
  const header =
    layout === 'markdown'
      ? '[A Paper](https://example.org/a) *(Jane Doe)* (summarized by Dan H):'
      : 'A Paper (Jane Doe) (summarized by Dan H):';
  const labelled = layout === 'markdown' ? `**${label}** It is good.` : `${label} It is good.`;
  const paragraphs = ['HIGHLIGHTS', `${header} A summary of it.`, labelled, 'NEWS', 'Another Item (summarized by Rohin): An announcement.'];
  // A flattened issue, as scraped, starts with the standing preamble before its first heading
  // (and only a long line is taken for a flattened issue).
  const preamble =
    'Alignment Newsletter is a weekly publication with recent content relevant to AI alignment around the world. Find all Alignment Newsletter resources here. In particular, you can look through this spreadsheet of all summaries that have ever been in the newsletter.';
  const text = layout === 'flat' ? `${preamble} ${paragraphs.join(' ')}` : paragraphs.join('\n\n');
  const issue = parse(text);
  assert.equal(issue.entries.length, 2, `${label} (${layout}): ${JSON.stringify(issue.entries.map((e) => e.title))}`);
  assert.equal(issue.entries[0]!.summary, 'A summary of it.', `${label} (${layout})`);
  return issue.entries[0]!.opinions;
}

test('opinion labels with a curly apostrophe are read like straight ones, in every layout and form', () => {
  const cases: [string, string][] = [
    ['Rohin’s opinion:', 'Rohin'],
    ['Nicholas’ opinion:', 'Nicholas'],
    ['Dan H’s opinion:', 'Dan H'],
    ['Rohin and Flo’s opinion:', 'Rohin and Flo'],
    ['Rohin’s opinion :', 'Rohin'],
    ["Rohin's opinion:", 'Rohin'],
    ['My opinion:', 'Rohin'],
  ];
  for (const layout of ['lines', 'flat', 'markdown'] as const) {
    for (const [label, by] of cases) {
      assert.deepEqual(opinionsWith(label, layout), [{ by, text: 'It is good.' }], `${label} (${layout})`);
    }
  }
});

test('an opinion label written with a left single quote as the apostrophe is still a label', () => {
  for (const layout of ['lines', 'flat', 'markdown'] as const) {
    assert.deepEqual(opinionsWith('Rohin‘s opinion:', layout), [{ by: 'Rohin', text: 'It is good.' }], layout);
  }
});

test('a file cut off mid-word keeps every entry, the cut one with the text it has, and warns on the line it ends', () => {
  const cut = LF.slice(0, LF.indexOf('Another summary') + 'Another summ'.length);
  const issue = parse(cut);
  assert.deepEqual(
    issue.entries.map((e) => e.title),
    ['First Paper Title', 'Second Paper Title'],
  );
  assert.equal(issue.entries[1]!.summary, 'Another summ');
  assert.deepEqual(issue.entries[0], reference.entries[0]);
  const warning = issue.warnings.find((w) => /cut off/.test(w.message));
  assert.ok(warning, JSON.stringify(issue.warnings));
  assert.equal(warning.line, 11);
});

test('a file cut off inside an entry header keeps the entries before it and the words of the cut header', () => {
  const cut = LF.slice(0, LF.indexOf('(John Roe)') + '(John R'.length);
  const issue = parse(cut);
  assert.deepEqual(issue.entries[0]?.title, 'First Paper Title');
  assert.ok(
    issue.warnings.some((w) => /cut off/.test(w.message) && w.line === 11),
    JSON.stringify(issue.warnings),
  );
  const everything = JSON.stringify(issue);
  for (const word of ['Second', 'Paper', 'Title', 'John']) assert.ok(everything.includes(word), `${word} is kept somewhere`);
});

test('a flattened issue cut off mid-entry keeps its entries and warns', () => {
  const spec = specFromRandom(seeded(7), { number: 60 });
  const flat = renderIssue(spec, 'flat-title').trimEnd();
  const entries = entriesOf(spec);
  const last = entries[entries.length - 1]!;
  const cut = flat.slice(0, flat.lastIndexOf(last.title) + Math.floor(last.title.length / 2));
  const issue = parse(cut);
  assert.ok(issue.entries.length >= entries.length - 1, `${issue.entries.length} of ${entries.length}`);
  assert.ok(
    issue.warnings.some((w) => /cut off/.test(w.message) && w.line === 1),
    JSON.stringify(issue.warnings),
  );
});

/**
 * Work a parse does, counted without a clock: every character a regular expression or indexOf
 * scans (from where the search starts to the end of the match, or to the end of the text when
 * nothing matches). A loop that rescans the text per entry shows up as quadratic growth here,
 * whatever the machine's load. Patching `exec` sends every RegExp built-in (replace, split,
 * match, test) through it.
 */
function countWork<T>(run: () => T): { result: T; work: number } {
  const exec = RegExp.prototype.exec;
  const indexOf = String.prototype.indexOf;
  let work = 0;
  RegExp.prototype.exec = function (this: RegExp, input: string): RegExpExecArray | null {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const match = exec.call(this, input);
    work += match ? match.index + match[0].length - from + 1 : this.sticky ? 1 : String(input).length - from + 1;
    return match;
  };
  String.prototype.indexOf = function (this: string, search: string, position?: number): number {
    const found = indexOf.call(this, search, position);
    work += (found < 0 ? this.length : found + String(search).length) - (position ?? 0) + 1;
    return found;
  };
  try {
    return { result: run(), work };
  } finally {
    RegExp.prototype.exec = exec;
    String.prototype.indexOf = indexOf;
  }
}

/** A single-line file of about `chars` characters: flattened generated issues one after another. */
function singleLine(chars: number): { text: string; entries: number } {
  const parts: string[] = [];
  let length = 0;
  let entries = 0;
  for (let seed = 0; length < chars; seed++) {
    const spec = specFromRandom(seeded(seed), { number: 50 });
    const part = renderIssue(spec, 'flat-title').trimEnd();
    parts.push(part);
    length += part.length + 1;
    entries += entriesOf(spec).length;
  }
  return { text: parts.join(' '), entries };
}

test('a 5 MB single-line file parses into its entries, and doubling the input about doubles the work', (t) => {
  const half = singleLine(2_500_000);
  const full = singleLine(5_000_000);
  assert.equal(full.text.includes('\n'), false);
  assert.ok(full.text.length >= 5_000_000);
  const small = countWork(() => parse(half.text, 'half.txt'));
  const large = countWork(() => parse(full.text, 'full.txt'));
  assert.ok(large.result.entries.length >= full.entries * 0.9, `${large.result.entries.length} of ${full.entries} entries`);
  assert.ok(large.result.entries.every((e) => e.line === 1));
  const perCharSmall = small.work / half.text.length;
  const perCharLarge = large.work / full.text.length;
  t.diagnostic(`characters scanned per input character: ${perCharSmall.toFixed(1)} at 2.5 MB, ${perCharLarge.toFixed(1)} at 5 MB`);
  // Linear work keeps the per-character work flat; quadratic work would double it.
  assert.ok(perCharLarge < perCharSmall * 1.4, `work per character grew from ${perCharSmall.toFixed(1)} to ${perCharLarge.toFixed(1)}`);
});

test('5 MB on one line without any structure (one word repeated, or no spaces at all) parses to an intro', () => {
  for (const text of ['summary '.repeat(625_000), 'x'.repeat(5_000_000), '('.repeat(2_500_000) + ')'.repeat(2_500_000)]) {
    const { result, work } = countWork(() => parse(text, 'blob.txt'));
    assert.equal(result.entries.length, 0);
    assert.ok(result.warnings.some((w) => /no entries/.test(w.message)));
    assert.ok(work < text.length * 200, `work ${work} for ${text.length} characters`);
  }
});
