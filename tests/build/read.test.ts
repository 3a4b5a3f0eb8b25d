import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadArchive } from '../../src/io/load.ts';
import { BuildSession } from '../../src/io/session.ts';
import { NEWSLETTER_EXTENSIONS, ReadError, decodeNewsletter, readNewsletters, readOptionalText } from '../../src/io/read.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function withDir(run: (dir: string) => void): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'read-test-'));
  try {
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a binary file (mostly control bytes) is reported with the line of its first control byte, and not parsed', () => {
  const image = new Uint8Array([...bytes('GIF89a\n'), ...Array.from({ length: 200 }, (_, i) => (i * 7) % 32)]);
  const { raw, problems } = decodeNewsletter('photo.html', image);
  assert.equal(raw, null);
  assert.equal(problems.length, 1);
  assert.deepEqual({ file: problems[0]!.file, line: problems[0]!.line }, { file: 'photo.html', line: 2 });
  assert.match(problems[0]!.message, /binary/);
});

test('a text with a stray NUL byte is still a text: it is kept whole for the parser, which removes the NUL with a warning', () => {
  const { raw, problems } = decodeNewsletter('an-001.txt', bytes('first line\nsecond line\nthird \u0000 line\n'));
  assert.deepEqual(problems, []);
  assert.equal(raw?.text, 'first line\nsecond line\nthird \u0000 line\n');
});

test('a page that declares windows-1252 or ISO-8859-1 is decoded in it: curly quotes and accents survive', () => {
  const latin = (text: string): Uint8Array => new Uint8Array([...text].map((c) => c.charCodeAt(0)));
  const meta = decodeNewsletter(
    'an-003.html',
    latin('<html><head><meta charset="windows-1252"></head><body><p>Ana\x92s opinion: caf\xe9</p>'),
  );
  assert.deepEqual(meta.problems, []);
  assert.match(meta.raw!.text, /Ana\u2019s opinion: caf\u00e9/);
  const httpEquiv = decodeNewsletter(
    'an-004.htm',
    latin('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>\x93Quoted\x94 na\xefve</p>'),
  );
  assert.match(httpEquiv.raw!.text, /\u201cQuoted\u201d na\u00efve/);
  const xml = decodeNewsletter('chapter.xhtml', latin('<?xml version="1.0" encoding="ISO-8859-1"?>\n<html><p>r\xe9sum\xe9</p></html>'));
  assert.match(xml.raw!.text, /r\u00e9sum\u00e9/);
});

test('a Markdown file quoting a <meta charset> is still read as UTF-8', () => {
  const { raw, problems } = decodeNewsletter('notes.md', bytes('Write `<meta charset="windows-1252">` in the head. Café.'));
  assert.deepEqual(problems, []);
  assert.match(raw!.text, /Café\.$/);
});

test('UTF-16 with a byte order mark (LE and BE), or without one, is text, not binary', () => {
  const text = 'Gardens (Ann Lee): a summary of it – with “quotes”.\n';
  const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
  const be = new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);
  const bare = new Uint8Array(Buffer.from(text, 'utf16le'));
  for (const [name, input] of [
    ['le.txt', le],
    ['be.html', be],
    ['bare.md', bare],
  ] as const) {
    const { raw, problems } = decodeNewsletter(name, input);
    assert.deepEqual(problems, [], name);
    assert.equal(raw?.text, text, name);
  }
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

test('a directory contributes its issue files (.txt, .md, .html, ...) recursively, sorted, named relative to it with / separators', () => {
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
      {
        file: 'notes.pdf',
        line: 0,
        message: 'skipped: a .pdf file is not read as an issue (supported: .txt, .md, .markdown, .html, .htm, .xhtml, .eml, .mbox)',
      },
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

test('.markdown, .xhtml, .eml and .mbox files are issues too; a file named directly is read by the same extensions', () => {
  withDir((dir) => {
    writeFileSync(path.join(dir, 'a.markdown'), 'A');
    writeFileSync(path.join(dir, 'b.xhtml'), '<html><body><p>B</p></body></html>');
    writeFileSync(path.join(dir, 'c.eml'), 'Subject: C\n\nC');
    writeFileSync(path.join(dir, 'notes.docx'), 'PK');
    assert.deepEqual(
      readNewsletters([dir]).files.map((f) => f.file),
      ['a.markdown', 'b.xhtml', 'c.eml'],
    );
    const direct = readNewsletters([path.join(dir, 'c.eml'), path.join(dir, 'notes.docx')]);
    assert.deepEqual(
      direct.files.map((f) => f.file),
      ['c.eml'],
    );
    assert.deepEqual(
      direct.problems.map((p) => [p.file, p.line, p.message.replace(/ \(supported:.*/, '')]),
      [['notes.docx', 0, 'skipped: a .docx file is not read as an issue']],
    );
  });
});

test('a mailbox gives one issue file per message, numbered in its order, with escaped From lines restored', () => {
  withDir((dir) => {
    const mailbox = [
      'From editor@example.org Mon Mar  2 09:00:00 2020',
      'Subject: Issue one',
      '',
      'First body.',
      '>From the lab: a note.',
      '',
      'From editor@example.org Mon Mar  9 09:00:00 2020',
      'Subject: Issue two',
      '',
      'Second body.',
      '',
    ].join('\n');
    writeFileSync(path.join(dir, 'digest.mbox'), mailbox);
    const { files, problems } = readNewsletters([dir]);
    assert.deepEqual(problems, []);
    assert.deepEqual(files, [
      { file: 'digest.mbox#1', text: 'Subject: Issue one\n\nFirst body.\nFrom the lab: a note.\n' },
      { file: 'digest.mbox#2', text: 'Subject: Issue two\n\nSecond body.\n' },
    ]);
  });
});

test('an empty mailbox is a warning, not an issue', () => {
  withDir((dir) => {
    writeFileSync(path.join(dir, 'empty.mbox'), '\n\n');
    const { files, problems } = readNewsletters([dir]);
    assert.deepEqual(files, []);
    assert.deepEqual(
      problems.map((p) => [p.file, p.message]),
      [['empty.mbox', 'the mailbox holds no message']],
    );
  });
});
