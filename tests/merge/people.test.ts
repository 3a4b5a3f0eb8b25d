import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createPeople, parsePeople } from '../../src/merge/people.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';

test('people.yml lists canonical names with their aliases, and a bare name is a person with none', () => {
  const config = parsePeople('# who is who\n- name: Mira Kovac\n  aliases: [Mira, M. Kovac]\n\n- Tomas Lindqvist\n', 'people.yml');
  assert.deepEqual(config.warnings, []);
  assert.deepEqual(config.people, [
    { name: 'Mira Kovac', aliases: ['Mira', 'M. Kovac'], line: 2 },
    { name: 'Tomas Lindqvist', aliases: [], line: 5 },
  ]);
});

test('an alias resolves to its canonical person, whatever its case, accents, spacing or trailing punctuation', () => {
  const config = parsePeople('- name: Mira Kovač\n  aliases: [Mira K, Mimi]\n', 'people.yml');
  const people = createPeople(config.people, ['Mira K', 'mimi', 'MIRA KOVAC', 'Mira K.', 'Mimi+']);
  for (const written of ['Mira K', 'mimi', 'MIRA KOVAC', 'Mira K.', 'Mimi+', ' Mira  Kovac ']) {
    assert.equal(people.resolve(written).name, 'Mira Kovač', written);
  }
  assert.equal(people.all.length, 1);
  assert.deepEqual(people.all[0]!.names, ['Mira Kovač', 'Mira K', 'Mimi', 'mimi', 'MIRA KOVAC', 'Mira K.', 'Mimi+']);
  assert.equal(people.all[0]!.slug, 'mira-kovac');
});

test('a first name alone is the one person of the archive with that first name', () => {
  const people = createPeople([], ['Tomas', 'Tomas Lindqvist', 'Priya']);
  assert.equal(people.resolve('Tomas').name, 'Tomas Lindqvist');
  assert.equal(people.resolve('tomas').key, 'tomas lindqvist');
  assert.equal(people.resolve('Priya').name, 'Priya', 'no full name has that first name');
  assert.deepEqual(
    people.all.map((p) => p.name),
    ['Tomas Lindqvist', 'Priya'],
  );
});

test('a first name stays a person of its own when two full names share it', () => {
  const people = createPeople([], ['Ada', 'Ada Okafor', 'Ada Marlowe']);
  assert.equal(people.resolve('Ada').name, 'Ada');
  assert.equal(people.resolve('Ada Okafor').name, 'Ada Okafor');
  assert.equal(people.all.length, 3);
});

test('a first name with a surname initial is the one full name it fits', () => {
  const people = createPeople([], ['Bruno F', 'Bruno Ferreira', 'Bruno', 'Yuki N.']);
  assert.equal(people.resolve('Bruno F').name, 'Bruno Ferreira');
  assert.equal(people.resolve('Bruno').name, 'Bruno Ferreira');
  assert.equal(people.resolve('Yuki N.').name, 'Yuki N.', 'no full name fits');
});

test('people.yml decides before the first-name rule, and its canonical names count as full names', () => {
  const config = parsePeople('- name: Piotr Ostrowski\n  aliases: [Pete]\n', 'people.yml');
  const people = createPeople(config.people, ['Pete', 'Piotr', 'Piotr Nowicki']);
  assert.equal(people.resolve('Pete').name, 'Piotr Ostrowski');
  assert.equal(people.resolve('Piotr').name, 'Piotr', 'two full names start with Piotr');
  const alone = createPeople(config.people, ['Piotr']);
  assert.equal(alone.resolve('Piotr').name, 'Piotr Ostrowski');
});

test('a name no one knows resolves to a person of its own, the same for the same name', () => {
  const people = createPeople([], []);
  const a = people.resolve('Claire Dubois');
  assert.equal(a.name, 'Claire Dubois');
  assert.equal(a.key, 'claire dubois');
  assert.deepEqual(people.resolve('claire  dubois').key, a.key);
});

test('bad items in people.yml are warnings naming the file and line; the good ones are kept', () => {
  const text = [
    '- name: Mira Kovac', //              1
    '  aliases: [Mira]', //                2
    '- aliases: [Nobody]', //              3: no name
    '- name: Tomas Lindqvist', //          4
    '  alias: [Tom]', //                   5: unknown key
    '- name: Priya Raman', //              6
    '  aliases: [Mira, Pri]', //           7: Mira already taken
    '- name: Elena Sorensen', //           8
    '  aliases: 12', //                    9: not a list
    '- [a, list]', //                      10
  ].join('\n');
  const config = parsePeople(text, 'content/people.yml');
  assert.deepEqual(
    config.people.map((p) => [p.name, p.aliases]),
    [
      ['Mira Kovac', ['Mira']],
      ['Tomas Lindqvist', []],
      ['Priya Raman', ['Pri']],
      ['Elena Sorensen', []],
    ],
  );
  assert.deepEqual(
    config.warnings.map((w) => [w.file, w.line]),
    [
      ['content/people.yml', 3],
      ['content/people.yml', 4],
      ['content/people.yml', 6],
      ['content/people.yml', 8],
      ['content/people.yml', 10],
    ],
  );
  assert.match(config.warnings[1]!.message, /unknown key "alias"/);
  assert.match(config.warnings[2]!.message, /"Mira" already names "Mira Kovac" \(line 1\)/);
});

test('people.yml that is not valid YAML, or not a list, is one warning and no aliases', () => {
  const broken = parsePeople('- name: Mira\n  aliases: [unclosed\n', 'people.yml');
  assert.deepEqual(broken.people, []);
  assert.equal(broken.warnings.length, 1);
  assert.ok(broken.warnings[0]!.line >= 2);
  assert.match(broken.warnings[0]!.message, /not valid YAML/);
  const mapping = parsePeople('Mira: Mira Kovac\n', 'people.yml');
  assert.deepEqual(mapping.people, []);
  assert.match(mapping.warnings[0]!.message, /expected a list of people/);
  assert.deepEqual(parsePeople('', 'people.yml'), { people: [], warnings: [] });
});

test("the sample archive's people.yml is valid", () => {
  const config = parsePeople(readFileSync(path.join(SAMPLE_ARCHIVE, 'people.yml'), 'utf8'), 'content/people.yml');
  assert.deepEqual(config.warnings, []);
  assert.ok(config.people.length > 0);
});
