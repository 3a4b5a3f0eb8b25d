/**
 * Item shapes and metadata forms read with no newsletter file (the generic reading), and a
 * newsletter's own conventions from its dialect: hand-made fixtures in tests/parse/fixtures/generic/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArchive, parseNewsletter } from '../../src/parse.ts';
import { parseCategories } from '../../src/records/categories.ts';
import { GENERIC_DIALECT } from '../../src/records/dialect.ts';
import { readNewsletterFile } from '../../src/records/newsletter-file.ts';
import type { Entry, Issue } from '../../src/records/types.ts';

const DIR = path.join(import.meta.dirname, 'fixtures', 'generic');
const none = parseCategories('');
const read = (file: string): Issue => parseNewsletter({ file, text: readFileSync(path.join(DIR, file), 'utf8') }, { vocabulary: none });
const brief = (e: Entry) => ({ title: e.title, url: e.url, category: e.category, summary: e.summary !== '' });

test('a Jekyll digest: title, number from the title, date from the file name, excerpt and permalink; link headings and link paragraphs are items', () => {
  const issue = read('2021-2-1-7.md');
  assert.deepEqual(
    [issue.number, issue.title, issue.date, issue.excerpt, issue.permalink, issue.source, issue.id],
    [
      7,
      'Weekly Robotics #7',
      '2021-02-01',
      'Lawn mowers learn to wave, and more!',
      '/digests/the-seventh',
      'https://weekly-robotics.example/p/7',
      '7',
    ],
  );
  assert.deepEqual(issue.entries.map(brief), [
    { title: 'Lawn mowers learn to wave at neighbours', url: 'https://news.example/mowers-wave', category: ['Top News'], summary: true },
    { title: 'Kettle firmware now predicts tea time', url: 'https://news.example/kettle', category: ['Top News'], summary: true },
    { title: 'A drill that counts its own holes', url: 'https://tools.example/drill', category: ['Other News', 'Tools'], summary: true },
    { title: 'Pocket scanner for seed packets', url: 'https://tools.example/seeds', category: ['Other News', 'Tools'], summary: true },
    {
      title: 'Robots that fold maps the right way',
      url: 'https://papers.example/maps',
      category: ['Other News', 'Research'],
      summary: false,
    },
  ]);
  const [mowers, , drill, scanner] = issue.entries;
  assert.deepEqual(mowers!.related, [
    { title: 'A second look at waving machines', url: 'https://blog.example/waving' },
    { title: 'Why gardens need manners', url: 'https://essays.example/manners' },
  ]);
  assert.match(mowers!.summary, /^!\[\]\(https:\/\/img\.example\/mower\.jpg\)\n\nA startup taught/);
  assert.match(
    drill!.summary,
    /^!\[\]\(https:\/\/img\.example\/tools\(2\)\.png\)\n\nThe counter resets/,
    'the image before a section’s first item leads that item',
  );
  assert.equal(scanner!.summary, 'It reads the sowing dates aloud.');
  assert.equal(issue.intro.includes('Copyright'), false, 'a copyright line is furniture');
  assert.equal(
    issue.warnings.filter((w) => /not in categories\.yml/.test(w.message)).length,
    0,
    'no categories.yml, no complaint about headings',
  );
});

test('a Pelican header gives title, number and date; list items that begin with a link are items under the heading path', () => {
  const issue = read('pelican-links.md');
  assert.deepEqual(
    [issue.number, issue.title, issue.date, issue.excerpt],
    [42, 'This Week in Sprockets 42', '2022-03-04', 'Gears, chains and a new release.'],
  );
  assert.deepEqual(issue.entries.map(brief), [
    {
      title: 'Sprocket 2.0 is out',
      url: 'https://sprockets.example/2-0',
      category: ['Updates from the community', 'News & Posts'],
      summary: false,
    },
    {
      title: 'How we made chains quieter',
      url: 'https://blog.example/quiet-chains',
      category: ['Updates from the community', 'News & Posts'],
      summary: false,
    },
    {
      title: 'Your first gear train',
      url: 'https://learn.example/gear-train',
      category: ['Updates from the community', 'Tutorials'],
      summary: false,
    },
  ]);
  assert.match(issue.intro, /Hello and welcome/);
  assert.equal(issue.entries[0]!.line, 13, 'a list item keeps its line in the raw file');
});

test('a heading over a byline is an item: the byline gives its link, authors and outlet', () => {
  const issue = read('byline-stories.md');
  assert.deepEqual(
    issue.entries.map((e) => [e.title, e.url, e.authors, e.outlet, e.category.join(' > '), e.summary !== '']),
    [
      ['Toasters that tweet are back', 'https://crumb.example/toasters', 'Jane Doe', 'The Daily Crumb', 'The Buzz', true],
      ['Vacuum robots map more than floors', 'https://worry.example/vacuums', 'Sam Roe', 'Home Weekly', 'The Worry', true],
      ['Doorbells that remember faces', 'https://worry.example/doorbells', null, 'The Porch Report', 'The Worry', true],
      ['Fridge doors that argue', 'https://kitchen.example/fridge', null, 'Kitchen Times', 'The Worry', true],
      ['Lamp posts learn the time', 'https://city.example/lamps', 'Dept. of Streets', 'City Hall', 'The Worry', true],
    ],
  );
  assert.equal(issue.number, 3);
  assert.equal(issue.date, null);
});

test('list items and paragraphs that begin with a link are items; a Related list is the item’s related links, not items', () => {
  const issue = read('list-digest.md');
  assert.deepEqual(issue.entries.map(brief), [
    { title: 'Umbrellas that open before the rain', url: 'https://briefs.example/umbrellas', category: ['Mini Briefs'], summary: true },
    {
      title: 'Bicycle bells get a volume knob',
      url: 'https://news.example/bells',
      category: ['News', 'Advances & Business'],
      summary: true,
    },
    { title: 'Solar hats sold out', url: 'https://news.example/hats', category: ['News', 'Advances & Business'], summary: true },
    { title: 'Are smart socks a fad?', url: 'https://news.example/socks', category: ['News', 'Concerns & Hype'], summary: true },
    {
      title: 'Keyboards that guess your next word',
      url: 'https://news.example/keyboards',
      category: ['News', 'Concerns & Hype'],
      summary: true,
    },
  ]);
  assert.deepEqual(issue.entries[0]!.related, [{ title: 'Do we need smarter umbrellas?', url: 'https://opinion.example/umbrellas' }]);
  assert.equal(issue.entries[1]!.summary, '"Riders can now choose how loud to be."');
  assert.equal(issue.entries[3]!.summary, '"Nobody asked for socks that count steps," a columnist writes.');
});

test('a file wrapped whole in a code fence is read as its content, and front matter may run into the first heading', () => {
  const issue = read('fenced.md');
  assert.equal(issue.title, 'Gadget Gazette #13');
  assert.equal(issue.number, 13);
  assert.deepEqual(issue.entries.map(brief), [
    { title: 'Clocks that apologise for being late', url: 'https://news.example/clocks', category: ['Top News'], summary: true },
  ]);
  assert.equal(issue.entries[0]!.line, 5);
  assert.ok(issue.warnings.some((w) => w.line === 1 && /wrapped in one code fence/.test(w.message)));
});

test('a newsletter file’s credits, labels and citation are read from its header lines; without it the credits are read by their shape and the rest is not', () => {
  const text = readFileSync(path.join(DIR, 'credits.txt'), 'utf8');
  const { dialect } = readNewsletterFile(
    [
      'name: Weekly Robotics',
      'editor: Mo',
      'issues: { id: "wr-{number:3}", titles: [WR] }',
      'credits: { summarizedBy: [reviewed by], hatTip: [via] }',
      'labels: { editorOpinion: [Why this matters, Our take] }',
      'citation: "WR #{number}"',
      'standingText: ["Thanks for reading. Send tips by replying to this letter."]',
    ].join('\n'),
    'newsletter.yml',
  );
  const issue = parseNewsletter({ file: 'credits.txt', text }, { vocabulary: none, dialect });
  assert.deepEqual([issue.id, issue.number, issue.title, issue.intro], ['wr-041', 41, 'Clocks, kettles and one apology', '']);
  const [gears, kettle] = issue.entries;
  assert.deepEqual(
    [gears!.title, gears!.authors, gears!.summarizers, gears!.hatTips, gears!.references, gears!.category],
    ['Quiet Gears for Small Clocks', 'Ann Lee and Bo Chen', ['Cy'], ['Di'], [38], ['Hardware']],
  );
  assert.deepEqual(gears!.opinions, [{ by: 'Mo', text: 'Bedrooms hold clocks too.' }]);
  assert.deepEqual([kettle!.summarizers, kettle!.opinions], [['Mo'], [{ by: 'Mo', text: 'Handy, if a little nosy.' }]]);

  const generic = parseNewsletter({ file: 'credits.txt', text }, { vocabulary: none, dialect: GENERIC_DIALECT });
  assert.equal(generic.id, 'credits', 'no title line pattern names WR without the file');
  assert.deepEqual(generic.entries[0]!.references, []);
  // The header line's shape is read without the file: `(<participle> by X)` credits who summarized it, `(via X)` who pointed to it.
  assert.deepEqual(
    [generic.entries[0]!.title, generic.entries[0]!.authors, generic.entries[0]!.summarizers, generic.entries[0]!.hatTips],
    ['Quiet Gears for Small Clocks', 'Ann Lee and Bo Chen', ['Cy'], ['Di']],
  );
  assert.deepEqual(generic.entries[1]!.summarizers, [], 'with no editor named, nobody is said to have summarized it');
  assert.deepEqual(generic.entries[1]!.opinions, [{ by: 'the editor', text: 'Handy, if a little nosy.' }]);
});

test('two files with one number are both published with distinct ids; a number too large is a warning; a .markdown file is Markdown', () => {
  const one = '---\ntitle: "Gadget Gazette #5"\n---\n### News\n* [A](https://a.example/)\n';
  const { issues, warnings } = parseArchive(
    [
      { file: '2020-01-06-5.md', text: one },
      { file: '2020-01-13-5.markdown', text: one.replace('https://a.example/', 'https://b.example/') },
      { file: 'huge.md', text: '---\nnumber: 99999999999999999999\n---\n### News\n* [C](https://c.example/)\n' },
    ],
    { vocabulary: none },
  );
  assert.deepEqual(
    issues.map((i) => [i.file, i.id, i.number, i.entries.length]),
    [
      ['2020-01-06-5.md', '5', 5, 1],
      ['2020-01-13-5.markdown', '2020-01-13-5', 5, 1],
      ['huge.md', 'huge', null, 1],
    ],
  );
  assert.ok(warnings.some((w) => w.file === '2020-01-13-5.markdown' && /also claimed by 2020-01-06-5\.md/.test(w.message)));
  assert.ok(warnings.some((w) => w.file === 'huge.md' && w.line === 2 && /"99999999999999999999" is too large/.test(w.message)));
});

test('a title of over 250 characters is still an entry, by a header line or a link', () => {
  const long = `Robots ${'that keep counting the tiles of a very long kitchen floor '.repeat(5).trim()}`;
  assert.ok(long.length > 250);
  const header = parseNewsletter({ file: 'a.txt', text: `NEWS\n\n${long} (Ann Lee): They count.\n` }, { vocabulary: none });
  assert.deepEqual(
    header.entries.map((e) => [e.title, e.authors]),
    [[long, 'Ann Lee']],
  );
  const link = parseNewsletter({ file: 'b.md', text: `### News\n\n[${long}](https://x.example/) - They count.\n` }, { vocabulary: none });
  assert.deepEqual(
    link.entries.map((e) => [e.title, e.summary]),
    [[long, 'They count.']],
  );
});

test('the number in a title: after #, after No. or Issue, or at its end unless it is a year', async () => {
  const { numberInTitle } = await import('../../src/parse/title-line.ts');
  const { compileDialect } = await import('../../src/records/dialect.ts');
  const rules = compileDialect(GENERIC_DIALECT);
  assert.equal(numberInTitle('Weekly Robotics #99', rules), 99);
  assert.equal(numberInTitle('Gadget Gazette #9: top news from 09/10/18 - 09/24/18', rules), 9);
  assert.equal(numberInTitle('This Week in Sprockets 299', rules), 299);
  assert.equal(numberInTitle('Issue No. 12: Gears', rules), 12);
  assert.equal(numberInTitle('Robots This Year 2018', rules), null);
  assert.equal(numberInTitle('A title with no number', rules), null);
});

test('with no newsletter file, a parenthetical of a participle and `by` is a summarizer credit, whichever the verb', () => {
  const text = [
    '# Bench Notes #3',
    '',
    '## Tools',
    '',
    '**[A Saw That Sings](https://tools.example/saw)** (Ivo Brandt) (summarised by Ann Lee): The blade hums a note when it is dull.',
    '',
    '**[Glue by the Gram](https://tools.example/glue)** (written by Bo Chen and Cy Dunn): A scale in the nozzle weighs each drop.',
    '',
    '**[Clamps, Ranked](https://tools.example/clamps)** (Eve Park): Forty clamps tested on one table.',
  ].join('\n');
  const issue = parseNewsletter({ file: 'bench-3.md', text }, { vocabulary: none, dialect: GENERIC_DIALECT });
  assert.deepEqual(
    issue.entries.map((e) => [e.title, e.authors, e.summarizers]),
    [
      ['A Saw That Sings', 'Ivo Brandt', ['Ann Lee']],
      ['Glue by the Gram', null, ['Bo Chen', 'Cy Dunn']],
      ['Clamps, Ranked', 'Eve Park', []],
    ],
  );
});
