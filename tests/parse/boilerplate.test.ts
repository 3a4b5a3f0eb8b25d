import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isFooterHeading, isOnlyBoilerplate, stripBoilerplate } from '../../src/parse/boilerplate.ts';
import { AN_RULES } from '../support/dialect.ts';

test('the standing preamble is recognised in plain text, with scraper padding', () => {
  assert.ok(
    isOnlyBoilerplate(
      'Find all Alignment Newsletter resources here . In particular, you can sign up , or look through this spreadsheet of all summaries that have ever been in the newsletter.',
      AN_RULES,
    ),
  );
  assert.ok(isOnlyBoilerplate('Audio version here (may not be up yet).', AN_RULES));
});

test('the standing preamble is recognised through Markdown links and bold', () => {
  assert.ok(isOnlyBoilerplate('Audio version **[here](http://example.org/a)** (may not be up yet). ', AN_RULES));
});

test('issue-specific notes around standing text are kept', () => {
  assert.equal(
    stripBoilerplate('Audio version here (may not be up yet). Cody Wild is now contributing summaries!', AN_RULES),
    'Cody Wild is now contributing summaries!',
  );
});

test('footer headings are known', () => {
  assert.ok(isFooterHeading('FEEDBACK', AN_RULES));
  assert.ok(isFooterHeading('**PODCAST**', AN_RULES));
  assert.ok(!isFooterHeading('NEWS', AN_RULES));
});

test('standing sentences match with or without their optional words and commas', () => {
  assert.ok(isOnlyBoilerplate('Alignment Newsletter is a publication with recent content relevant to AI alignment.', AN_RULES));
  assert.ok(
    isOnlyBoilerplate(
      'Please note that, while I work at DeepMind, this newsletter represents my personal views and not those of my employer.',
      AN_RULES,
    ),
  );
});
