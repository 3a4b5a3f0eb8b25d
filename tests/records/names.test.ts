import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authorKey, familyKey, foldName, nameAsShown, readsAsPerson } from '../../src/records/names.ts';

test('the fold ignores case, accents, apostrophes and punctuation, so spellings of one name meet', () => {
  assert.equal(foldName('Grégoire Delétang'), 'gregoire deletang');
  assert.equal(foldName('O’Keefe'), foldName('OKeefe'));
  assert.equal(foldName('Sørensen'), 'sorensen');
  assert.equal(foldName('  Ada+ '), 'ada');
  assert.equal(foldName('jessicata'), 'jessicata');
});

test("an author's key is the fold without a person's middle initials; an organisation keeps every word", () => {
  assert.equal(authorKey('Seth D. Baum'), authorKey('Seth Baum'));
  assert.equal(authorKey('Jan  Leike'), authorKey('jan leike'));
  assert.equal(authorKey('S. M. Ali Eslami'), 's ali eslami');
  assert.equal(authorKey('The A B team'), 'the a b team');
  assert.ok(!readsAsPerson('Many people at Acme'));
  assert.ok(readsAsPerson('Ada Lovelace'));
});

test('a name as shown keeps its case and accents and loses the marks around it', () => {
  assert.equal(nameAsShown(' +Rohín. '), 'Rohín');
  assert.equal(nameAsShown('Ada  Lovelace,'), 'Ada Lovelace');
  assert.notEqual(nameAsShown('ADA'), nameAsShown('Ada'));
});

test('a family name is one ASCII word for a citation key, its particles kept', () => {
  assert.equal(familyKey('van der Maaten'), 'vandermaaten');
  assert.equal(familyKey('Ångström'), 'angstrom');
  assert.equal(familyKey('O’Keefe'), 'okeefe');
});
