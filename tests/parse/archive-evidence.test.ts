import { test } from 'node:test';
import assert from 'node:assert/strict';
import { archiveEvidence, certainAuthors, evidenceFor } from '../../src/parse/archive-evidence.ts';
import { parseArchive } from '../../src/parse.ts';
import { vocabulary } from '../support/parse-helpers.ts';
import { AN_DIALECT, AN_RULES } from '../support/dialect.ts';

const certain = {
  file: 'an-010.txt',
  text: 'Corrigible Helpers (quill_ink) (summarized by Flo): A summary.\n\nSun Maps (Bo Chen and Ann Lee): Another.\n',
};
// Flattened: `(quill_ink)` followed by a title could close a "see also" header or be an aside inside a title.
const flat = {
  file: 'an-011.txt',
  text:
    'Find all Alignment Newsletter resources here . NEWS Moon Maps (Ann Lee) (summarized by Rohin): A summary about the moon that runs on for a while. ' +
    'Notes on Deference (quill_ink) Tide Tables for Rovers (Cy Dee and Bo Chen) Star Charts (Di Eve) (summarized by Rohin): Charts of the stars, at length.',
};

test('names written as authors beyond doubt are evidence; an issue gets only the names it asks about', () => {
  const evidence = archiveEvidence([certain, flat], (f) => certainAuthors(f.text, AN_RULES));
  // Folded as every name is compared (foldName): `quill_ink`, `Quill-Ink` and `quill ink` are one name.
  assert.ok(evidence.authors.has('quill ink') && evidence.authors.has('bo chen'));
  assert.deepEqual(evidenceFor(flat.text, evidence), ['quill ink']);
  assert.deepEqual(evidenceFor('Notes on Deference (Quill-Ink) Tide Tables', evidence), ['quill ink']);
  assert.deepEqual(evidenceFor('No lone names (here) at all.', evidence), []);
});

test('a lone user name that another issue writes as an author closes a see-also header in a flattened issue', () => {
  const alone = parseArchive([flat], { vocabulary: vocabulary(), dialect: AN_DIALECT }).issues[0]!;
  assert.ok(!alone.entries.some((e) => e.title === 'Notes on Deference'));
  const withEvidence = parseArchive([certain, flat], { vocabulary: vocabulary(), dialect: AN_DIALECT }).issues.find(
    (i) => i.file === flat.file,
  )!;
  assert.deepEqual(
    withEvidence.entries.map((e) => [e.title, e.authors]),
    [
      ['Moon Maps', 'Ann Lee'],
      ['Notes on Deference', 'quill_ink'],
      ['Tide Tables for Rovers', 'Cy Dee and Bo Chen'],
      ['Star Charts', 'Di Eve'],
    ],
  );
});
