import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadArchive } from '../../src/build/load.ts';
import { BuildSession } from '../../src/build/session.ts';
import { NEWSLETTER_EXTENSIONS, ReadError, decodeNewsletter, readNewsletters, readOptionalText } from '../../src/build/read.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function withDir(run: (dir: string) => void): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'read-test-'));
  try {
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a file with a NUL byte is reported as binary with the line of the NUL, and not parsed', () => {
  const { raw, problems } = decodeNewsletter('an-001.txt', bytes('first line\nsecond line\nthird \u0000 line\n'));
  assert.equal(raw, null);
  assert.equal(problems.length, 1);
  assert.deepEqual({ file: problems[0]!.file, line: problems[0]!.line }, { file: 'an-001.txt', line: 3 });
  assert.match(problems[0]!.message, /binary/);
});

test('invalid UTF-8 is reported with its line and offset, and the rest of the text is kept with U+FFFD in its place', () => {
  const head = bytes('Title (Author): a summary\nsecond ');
  const input = new Uint8Array([...head, 0xff, 0xfe, ...bytes('line goes on\nthird line\n')]);
  const { raw, problems } = decodeNewsletter('an-002.txt', input);
  assert.ok(raw);
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.line, 2);
  assert.match(problems[0]!.message, /not valid UTF-8 \(byte 0xff at offset 33\)/);
  assert.ok(raw.text.includes('\uFFFD'));
  assert.ok(raw.text.includes('line goes on\nthird line'));
});

test('a sequence cut off at the end of the file counts as invalid UTF-8', () => {
  // The first two bytes of a three-byte character (a curly quote), as a truncated download leaves it.
  const { raw, problems } = decodeNewsletter('cut.txt', new Uint8Array([...bytes('Rohin'), 0xe2, 0x80]));
  assert.ok(raw);
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.line, 1);
  assert.ok(raw.text.startsWith('Rohin'));
});

test('overlong encodings and stray continuation bytes are invalid UTF-8', () => {
  for (const bad of [[0xc0, 0xaf], [0x80], [0xf5, 0x80, 0x80, 0x80]]) {
    const { problems } = decodeNewsletter('x.txt', new Uint8Array([...bytes('ok '), ...bad]));
    assert.equal(problems.length, 1, `bytes ${bad.join(',')}`);
  }
});

test('valid UTF-8 with multi-byte characters decodes without problems', () => {
  const text = 'Zoë Puigdomènech’s opinion: “fine” — 日本語 🙂\n';
  const { raw, problems } = decodeNewsletter('ok.txt', bytes(text));
  assert.deepEqual(problems, []);
  assert.equal(raw?.text, text);
});

test('a UTF-8 byte order mark is dropped by decoding', () => {
  const { raw, problems } = decodeNewsletter('bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('---\nnumber: 3\n---\nText.')]));
  assert.deepEqual(problems, []);
  assert.equal(raw?.text, '---\nnumber: 3\n---\nText.');
});

test('an empty file decodes to an empty text without problems (the parser warns about it)', () => {
  const { raw, problems } = decodeNewsletter('empty.txt', new Uint8Array());
  assert.deepEqual(problems, []);
  assert.deepEqual(raw, { file: 'empty.txt', text: '' });
});

test('a directory contributes its issue files (.txt, .md, .html, .htm) recursively, sorted, named relative to it with / separators', () => {
  withDir((dir) => {
    mkdirSync(path.join(dir, '2019'));
    writeFileSync(path.join(dir, 'b.txt'), 'B');
    writeFileSync(path.join(dir, 'a.md'), 'A');
    writeFileSync(path.join(dir, 'notes.pdf'), 'not a newsletter');
    writeFileSync(path.join(dir, 'C.TXT'), 'C');
    writeFileSync(path.join(dir, 'd.html'), '<p>D</p>');
    writeFileSync(path.join(dir, '2019', 'an-010.txt'), 'ten');
    const { files, problems } = readNewsletters([dir]);
    assert.deepEqual(problems, [
      { file: 'notes.pdf', line: 0, message: 'skipped: a .pdf file is not read as an issue (supported: .txt, .md, .html, .htm)' },
    ]);
    assert.deepEqual(
      files.map((f) => f.file),
      ['2019/an-010.txt', 'C.TXT', 'a.md', 'b.txt', 'd.html'],
    );
    assert.equal(files.find((f) => f.file === '2019/an-010.txt')?.text, 'ten');
  });
});

test('files in newsletters/ that are not issues are listed as skipped, from the one list of supported extensions; hidden files are passed over', () => {
  withDir((dir) => {
    writeFileSync(path.join(dir, 'an-001.txt'), 'one');
    writeFileSync(path.join(dir, 'an-002.docx'), 'PK');
    writeFileSync(path.join(dir, 'README'), 'notes');
    writeFileSync(path.join(dir, '.DS_Store'), 'x');
    const { files, problems } = readNewsletters([dir]);
    assert.deepEqual(
      files.map((f) => f.file),
      ['an-001.txt'],
    );
    assert.deepEqual(
      problems.map((p) => `${p.file}: ${p.message}`),
      [
        'README: skipped: a file without an extension is not read as an issue (supported: .txt, .md)',
        'an-002.docx: skipped: a .docx file is not read as an issue (supported: .txt, .md)',
      ].map((line) => line.replace('.txt, .md', NEWSLETTER_EXTENSIONS.join(', '))),
    );
  });
});

test('a symbolic link is followed only into the content dir; one pointing outside, or nowhere, is a warning and skipped', () => {
  withDir((root) => {
    const content = path.join(root, 'content');
    const newsletters = path.join(content, 'newsletters');
    mkdirSync(path.join(content, 'drafts'), { recursive: true });
    mkdirSync(newsletters);
    writeFileSync(path.join(content, 'drafts', 'an-003.txt'), 'inside');
    writeFileSync(path.join(root, 'secret.txt'), 'host name');
    symlinkSync(path.join(content, 'drafts', 'an-003.txt'), path.join(newsletters, 'an-003.txt'));
    symlinkSync(path.join(root, 'secret.txt'), path.join(newsletters, 'outside.txt'));
    symlinkSync(path.join(root, 'gone.txt'), path.join(newsletters, 'dangling.txt'));
    symlinkSync(newsletters, path.join(newsletters, 'loop'));
    const { files, problems } = readNewsletters([newsletters], undefined, { within: [content] });
    assert.deepEqual(files, [{ file: 'an-003.txt', text: 'inside' }]);
    assert.deepEqual(
      problems.map((p) => [p.file, p.line]),
      [
        ['dangling.txt', 0],
        ['outside.txt', 0],
      ],
    );
    assert.match(problems[0]!.message, /symbolic link to .*gone\.txt, which does not exist: skipped/);
    assert.match(problems[1]!.message, /outside the content dir: skipped/);
    // Without the content dir as a root, only the newsletters folder itself is inside.
    assert.deepEqual(readNewsletters([newsletters]).files, []);
    // The build reads the content dir the same way: the file outside is not published, and it says so.
    const loaded = loadArchive(new BuildSession({ contentDir: content, pathPrefix: '/', quiet: true }));
    assert.deepEqual(
      loaded.issues.map((i) => i.file),
      ['an-003.txt'],
    );
    assert.ok(!JSON.stringify(loaded.site).includes('host name'));
    assert.deepEqual(
      loaded.warnings.filter((w) => /symbolic link/.test(w.message)).map((w) => w.file),
      ['dangling.txt', 'outside.txt'],
    );
  });
});

test('a file argument is named by its base name', () => {
  withDir((dir) => {
    const file = path.join(dir, 'an-007.txt');
    writeFileSync(file, 'seven');
    assert.deepEqual(readNewsletters([file]).files, [{ file: 'an-007.txt', text: 'seven' }]);
  });
});

test('a binary file in a directory is reported and skipped while the other files are read', () => {
  withDir((dir) => {
    writeFileSync(path.join(dir, 'good.txt'), 'Title (Author): text.');
    writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('caf\xe9 au lait\n', 'latin1'));
    const { files, problems } = readNewsletters([dir]);
    assert.deepEqual(
      files.map((f) => f.file),
      ['good.txt', 'latin1.txt'],
    );
    assert.deepEqual(
      problems.map((p) => [p.file, p.line]),
      [
        ['image.txt', 3], // the PNG signature holds two line feeds before its first NUL
        ['latin1.txt', 1],
      ],
    );
    assert.equal(files[1]!.text, 'caf\uFFFD au lait\n');
  });
});

test('a path that does not exist throws ReadError naming the path', () => {
  withDir((dir) => {
    const missing = path.join(dir, 'nope.txt');
    assert.throws(
      () => readNewsletters([missing]),
      (error: unknown) => error instanceof ReadError && error.message.includes(missing) && /ENOENT/.test(error.message),
    );
  });
});

test('readOptionalText gives null for a missing file and the text for a present one', () => {
  withDir((dir) => {
    assert.equal(readOptionalText(path.join(dir, 'site.yml')), null);
    writeFileSync(path.join(dir, 'site.yml'), 'title: X\n');
    assert.equal(readOptionalText(path.join(dir, 'site.yml')), 'title: X\n');
  });
});
