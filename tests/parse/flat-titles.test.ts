import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileDialect, GENERIC_DIALECT } from '../../src/records/dialect.ts';
import { standaloneEnd, titleStart } from '../../src/parse/flat-titles.ts';

const rules = compileDialect({ ...GENERIC_DIALECT, credits: { summarizedBy: ['reviewed by'], hatTip: ['via'] } });
/** The title before the author parenthetical that opens with `(name`, no headings in the way. */
const titleBefore = (text: string, name: string): string => text.slice(titleStart(text, 0, text.indexOf(`(${name}`), (start) => start));

test('an entry title in a flattened line starts after the sentence before it', () => {
  assert.equal(titleBefore('First sentence ends. Second Title Here (Ann Lee): text', 'Ann'), 'Second Title Here (Ann Lee): text');
});

test('a title that holds a question of its own keeps it: the title starts before the question', () => {
  assert.equal(
    titleBefore('It was narrow. Is SGD a Bayesian Sampler? Well, almost. (Jordan Smith) (reviewed by Ada): Summary.', 'Jordan'),
    'Is SGD a Bayesian Sampler? Well, almost. (Jordan Smith) (reviewed by Ada): Summary.',
  );
});

test('an abbreviation inside the text before is no sentence end', () => {
  assert.equal(titleBefore('Models (see e.g. GPT) ends. Better Titles Now (Ann Lee): text', 'Ann'), 'Better Titles Now (Ann Lee): text');
});

test('a "see also" header standing inside a title chunk ends after its author parenthetical and credits', () => {
  const text =
    'Parenting: Safe Learning from Human Input (Christopher Frye et al) (reviewed by Ada) Interpretability Attention is all (Ann Lee)';
  const end = standaloneEnd(text, 0, text.length, (at) => text.startsWith('Interpretability', at), rules);
  assert.equal(text.slice(0, end), 'Parenting: Safe Learning from Human Input (Christopher Frye et al) (reviewed by Ada)');
  const alone = 'A Title With No Parenthetical after it';
  assert.equal(
    standaloneEnd(alone, 0, alone.length, () => false, rules),
    -1,
  );
});
