import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArchive } from '../../src/parse.ts';
import { parseCategories } from '../../src/records/categories.ts';
import type { RawFile } from '../../src/records/types.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';
import { AN_DIALECT } from '../support/dialect.ts';

const vocabulary = parseCategories(readFileSync(path.join(SAMPLE_ARCHIVE, 'categories.yml'), 'utf8'));

function issueText(number: number, title: string): string {
  return `---\nnumber: ${number}\ndate: 2020-05-06\n---\nHIGHLIGHTS\n\n${title} (Jane Doe) (summarized by Rohin): A summary of the paper.\n\nRohin's opinion: A fine paper.\n`;
}

test('two files with the same issue number are both kept, and the later one (by path) is warned about naming the first', () => {
  const files: RawFile[] = [
    { file: 'b/copy-of-98.txt', text: issueText(98, 'Second Paper') },
    { file: 'a/an-098.txt', text: issueText(98, 'First Paper') },
  ];
  const { issues, warnings } = parseArchive(files, { vocabulary, dialect: AN_DIALECT });
  assert.deepEqual(
    issues.map((i) => i.file),
    ['a/an-098.txt', 'b/copy-of-98.txt'],
  );
  assert.deepEqual(
    issues.map((i) => i.number),
    [98, 98],
  );
  assert.deepEqual(
    issues.map((i) => i.entries[0]?.title),
    ['First Paper', 'Second Paper'],
  );
  const duplicate = warnings.filter((w) => /also claimed by/.test(w.message));
  assert.equal(duplicate.length, 1);
  assert.equal(duplicate[0]!.file, 'b/copy-of-98.txt');
  assert.match(duplicate[0]!.message, /issue number 98 is also claimed by a\/an-098\.txt/);
  assert.ok(issues[1]!.warnings.includes(duplicate[0]!), 'the warning is also on the issue it concerns');
});

test('issues that claim the same number get distinct ids, the file named for the number keeping its id', () => {
  const files: RawFile[] = [
    { file: 'an-098.txt', text: issueText(98, 'A') },
    { file: 'an-098-again.txt', text: issueText(98, 'B') },
    { file: 'zz.txt', text: issueText(98, 'C') },
  ];
  const { issues } = parseArchive(files, { vocabulary, dialect: AN_DIALECT });
  const ids = issues.map((i) => i.id);
  assert.equal(new Set(ids).size, 3, ids.join(', '));
  assert.equal(issues.find((i) => i.file === 'an-098.txt')!.id, 'an-098');
  assert.equal(issues.find((i) => i.file === 'an-098-again.txt')!.id, 'an-098-again');
  for (const id of ids) assert.match(id, /^[a-z0-9-]+$/);
});

test('files whose names give the same id are told apart with a suffix', () => {
  const body = 'Some Title (Author): A summary.\n';
  const files: RawFile[] = [
    { file: 'x/notes.txt', text: body },
    { file: 'y/notes.txt', text: body },
    { file: 'z/notes.md', text: body },
  ];
  const { issues } = parseArchive(files, { vocabulary, dialect: AN_DIALECT });
  const ids = issues.map((i) => i.id);
  assert.equal(new Set(ids).size, 3, ids.join(', '));
});

test('the archive warnings are every issue warning, in file order, and nothing else', () => {
  const files: RawFile[] = [
    { file: 'b.txt', text: '' },
    { file: 'a.txt', text: '---\nnumber: x\n---\nNo entries here at all, just a sentence.\n' },
  ];
  const { issues, warnings } = parseArchive(files, { vocabulary, dialect: AN_DIALECT });
  assert.deepEqual(
    warnings,
    issues.flatMap((i) => i.warnings),
  );
  assert.deepEqual([...new Set(warnings.map((w) => w.file))], ['a.txt', 'b.txt']);
});

test('the order of the input files does not change ids or the result', () => {
  const files: RawFile[] = [
    { file: 'an-010.txt', text: issueText(10, 'Ten') },
    { file: 'dup.txt', text: issueText(10, 'Ten again') },
    { file: 'an-011.txt', text: issueText(11, 'Eleven') },
  ];
  const forward = parseArchive(files, { vocabulary, dialect: AN_DIALECT });
  const backward = parseArchive([...files].reverse(), { vocabulary, dialect: AN_DIALECT });
  assert.deepEqual(backward, forward);
});
