/** The newsletter file and site.yml, read against their schemas; the dialect they give. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readNewsletterFile } from '../../src/records/newsletter-file.ts';
import { compileDialect, GENERIC_DIALECT } from '../../src/records/dialect.ts';
import { SettingsError, lineOf } from '../../src/records/settings-file.ts';
import { readSiteFile } from '../../src/io/site-file.ts';

test('a three-line newsletter file names the newsletter, its editor and its issue ids; the rest is the generic reading', () => {
  const { dialect, warnings } = readNewsletterFile(
    'name: Weekly Robotics\neditor: Ada\nissues: { id: "wr-{number:3}" }\n',
    'newsletter.yml',
  );
  assert.deepEqual(warnings, []);
  assert.equal(dialect.name, 'Weekly Robotics');
  assert.equal(dialect.editor, 'Ada');
  assert.equal(compileDialect(dialect).idFor(7), 'wr-007');
  assert.deepEqual(dialect.labels, GENERIC_DIALECT.labels);
  assert.equal(dialect.citation, null);
});

test('an unknown key is a warning naming the file and its line, and the known keys are still read', () => {
  const text = 'name: Weekly Robotics\ncredits:\n  summarizedBy: [reviewed by]\n  thankedBy: [thanks to]\nfooter: [Bye]\n';
  const { dialect, warnings } = readNewsletterFile(text, 'content/newsletter.yml');
  assert.deepEqual(
    warnings.map((w) => [w.file, w.line]),
    [
      ['content/newsletter.yml', 4],
      ['content/newsletter.yml', 5],
    ],
  );
  assert.match(warnings[0]!.message, /unknown setting "credits\.thankedBy"/);
  assert.match(warnings[1]!.message, /unknown setting "footer"/);
  assert.deepEqual(dialect.credits.summarizedBy, ['reviewed by']);
});

test('a value of the wrong type is an error naming the file, the line and the key', () => {
  assert.throws(
    () => readNewsletterFile('name: Weekly Robotics\nlabels:\n  opinion: 3\n', 'content/newsletter.yml'),
    (error: Error) =>
      error instanceof SettingsError && /^content\/newsletter\.yml:3: "labels\.opinion" .*found the number 3/.test(error.message),
  );
  assert.throws(
    () => readNewsletterFile('issues:\n  id: "Issue {nr}"\n', 'n.yml'),
    (error: Error) => error instanceof SettingsError && /^n\.yml:2: "issues\.id" must be lower-case/.test(error.message),
  );
  assert.throws(() => readNewsletterFile('- a list\n', 'n.yml'), /n\.yml:1: expected settings as keys and values/);
  assert.throws(() => readNewsletterFile('name: [unclosed\n', 'n.yml'), /n\.yml:2: not valid YAML/);
});

test('one text where a list is expected is a list of one', () => {
  const { dialect } = readNewsletterFile('credits:\n  hatTip: via\n', 'n.yml');
  assert.deepEqual(dialect.credits.hatTip, ['via']);
});

test('the line of a key path is found below its parent, list items by their dash', () => {
  const text = 'a: 1\nb:\n  c: 2\n  d:\n    - x\n    - y\ne: 3\n';
  assert.equal(lineOf(text, ['b', 'c']), 3);
  assert.equal(lineOf(text, ['b', 'd', 1]), 6);
  assert.equal(lineOf(text, ['e']), 7);
  assert.equal(lineOf(text, ['zzz']), 0);
});

test('site.yml: an unknown key is a warning with its line; a feature that is not true or false is an error with its line', () => {
  const { value, warnings } = readSiteFile('title: Robots\ncolour: blue\nrelated: false\n', 'site.yml');
  assert.equal(value.title, 'Robots');
  assert.equal(value.related, false);
  assert.deepEqual(
    warnings.map((w) => [w.line, w.message]),
    [[2, 'unknown setting "colour" is ignored (a typo?)']],
  );
  assert.throws(() => readSiteFile('title: Robots\nstats: off\n', 'site.yml'), /site\.yml:2: "stats" must be true or false/);
  assert.throws(() => readSiteFile('title: [1, 2]\n', 'site.yml'), /site\.yml:1: "title" .*found a list/);
});

test('a dialect compiles its labels as written and in Title Case, with the name a named opinion gives', () => {
  const rules = compileDialect({
    ...GENERIC_DIALECT,
    labels: { ...GENERIC_DIALECT.labels, opinion: ["{name}'s take"], editorOpinion: ['Why this matters'] },
  });
  const at = (text: string) => {
    const m = rules.labelAtStart!.exec(text);
    return m ? [...rules.labelKinds].find(([g]) => m.groups?.[g] !== undefined) : undefined;
  };
  assert.equal(at('Why this matters: robots.')?.[1].editor, true);
  assert.equal(at('Why This Matters: robots.')?.[1].editor, true);
  assert.equal(at("Bo's take: fine.")?.[1].editor, false);
  assert.equal(at('Why it mattered: no.'), undefined);
});

test('a citation pattern gives the mention, the parenthesised citation, the link text and the label shown', () => {
  const rules = compileDialect({ ...GENERIC_DIALECT, citation: 'WR #{number}' });
  assert.deepEqual(
    [...'see WR #12 and (WR#3)'.matchAll(rules.mention!)].map((m) => m[1]),
    ['12', '3'],
  );
  assert.deepEqual(
    [...'see WR #12 and ( WR # 3 )'.matchAll(rules.citation!)].map((m) => m[1]),
    ['3'],
  );
  assert.ok(rules.citationText!.test('WR #72'));
  assert.equal(rules.citationLabel!(74), 'WR #74');
  assert.equal(rules.numberPrefix, 'WR #');
  assert.equal(rules.series, 'WR');
  assert.equal(compileDialect(GENERIC_DIALECT).mention, null);
});
