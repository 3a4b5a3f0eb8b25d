/**
 * Email input: a message saved from a mail client (`.eml`: MIME multipart, quoted-printable and
 * base64 parts, HTML and text) and a mailbox of two issues (`.mbox`), read through the same path
 * the build takes (readNewsletters, then parseArchive). Hand-made messages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArchive } from '../../src/parse.ts';
import { readNewsletters } from '../../src/io/read.ts';
import { headerDate } from '../../src/parse/read-message.ts';
import { AN_DIALECT } from '../support/dialect.ts';
import { parse, vocabulary } from '../support/parse-helpers.ts';

const HTML_PART = [
  '<html><body>',
  '<div style="display:none">A preview line for the inbox.</div>',
  '<table role="presentation"><tr><td>',
  '<h2>Highlights</h2>',
  '<p><b><a href="https://papers.example.org/quiet-ladders">Quiet Ladders</a></b> <i>(Noor Haddad)</i> (summarized by Mira): Ladders that climb without a sound.</p>',
  '<p><b>Mira’s opinion:</b> Charming, and café-tested.</p>',
  '</td></tr></table>',
  '<p><a href="https://mail.example.net/unsubscribe">Unsubscribe</a></p>',
  '</body></html>',
].join('\n');

/** Quoted-printable, as a mail client writes it: `=XX` for non-ASCII bytes and `=`, soft breaks at 76 characters. */
function quotedPrintable(text: string): string {
  const encoded = [...Buffer.from(text, 'utf8')]
    .map((b) =>
      b === 0x0a
        ? '\n'
        : b === 0x3d || b > 0x7e || (b < 0x20 && b !== 0x09)
          ? `=${b.toString(16).toUpperCase().padStart(2, '0')}`
          : String.fromCharCode(b),
    )
    .join('');
  return encoded
    .split('\n')
    .map((line) => line.match(/.{1,72}(?:=[0-9A-F]{2})?/g)?.join('=\n') ?? '')
    .join('\n');
}

function message(subject: string, date: string, html: string, text: string): string {
  return [
    'From: The Lantern Letter <editor@lantern.example.com>',
    'To: reader@example.org',
    `Subject: ${subject}`,
    `Date: ${date}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="=_lantern_1"',
    '',
    'This is a multi-part message in MIME format.',
    '',
    '--=_lantern_1',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(text),
    '--=_lantern_1',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    ...(Buffer.from(html, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []),
    '--=_lantern_1--',
    '',
  ].join('\r\n');
}

function withDir<T>(run: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mail-test-'));
  try {
    return run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('an .eml message (multipart, quoted-printable and base64) is an issue: its HTML part read, its Subject the title, its Date the date', () => {
  const eml = message(
    '=?UTF-8?Q?The_Lantern_Letter_#16:_Quiet_ladders?=',
    'Mon, 2 Mar 2020 23:30:00 -0800',
    HTML_PART,
    'HIGHLIGHTS\n\nA text part that is not used when there is HTML.\n',
  );
  const issue = withDir((dir) => {
    writeFileSync(path.join(dir, 'lantern-16.eml'), eml);
    const read = readNewsletters([dir]);
    assert.deepEqual(read.problems, []);
    return parseArchive(read.files, { vocabulary: vocabulary(), dialect: AN_DIALECT }).issues[0]!;
  });
  assert.deepEqual([issue.file, issue.title, issue.date], ['lantern-16.eml', 'The Lantern Letter #16: Quiet ladders', '2020-03-02']);
  assert.deepEqual(
    issue.entries.map((e) => [e.title, e.url, e.summarizers, e.summary, e.opinions]),
    [
      [
        'Quiet Ladders',
        'https://papers.example.org/quiet-ladders',
        ['Mira'],
        'Ladders that climb without a sound.',
        [{ by: 'Mira', text: 'Charming, and café-tested.' }],
      ],
    ],
  );
  assert.doesNotMatch(JSON.stringify(issue), /preview line|Unsubscribe|text part/);
  assert.deepEqual(issue.warnings, []);
});

test('a message with a text part only is read as text; quoted-printable soft breaks and encoded bytes are undone', () => {
  const text =
    'HIGHLIGHTS\n\nPlain Ladders (Noor Haddad) (summarized by Mira): A summary long enough to be cut by the mail client at seventy-six characters, with a café.\n';
  const eml = [
    'Subject: Lantern Letter #17',
    'Date: Tue, 10 Mar 2020 08:00:00 +0000',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(text),
  ].join('\n');
  const issue = parse(eml, 'lantern-17.eml');
  assert.deepEqual([issue.title, issue.date], ['Lantern Letter #17', '2020-03-10']);
  assert.equal(issue.entries[0]?.title, 'Plain Ladders');
  assert.match(issue.entries[0]!.summary, /seventy-six characters, with a café\.$/);
});

test('a mailbox of two issues gives two issues, numbered in its order, each with its own subject and date', () => {
  const one = message('Lantern Letter #18', 'Mon, 16 Mar 2020 09:00:00 +0000', HTML_PART, 'one');
  const two = message('Lantern Letter #19', 'Mon, 23 Mar 2020 09:00:00 +0000', HTML_PART.replace(/Quiet Ladders/g, 'Loud Ladders'), 'two');
  const mbox = `From editor@lantern.example.com Mon Mar 16 09:00:00 2020\n${one.replace(/\r\n/g, '\n')}\nFrom editor@lantern.example.com Mon Mar 23 09:00:00 2020\n${two.replace(/\r\n/g, '\n')}`;
  const issues = withDir((dir) => {
    writeFileSync(path.join(dir, 'lantern.mbox'), mbox);
    const read = readNewsletters([dir]);
    assert.deepEqual(read.problems, []);
    return parseArchive(read.files, { vocabulary: vocabulary(), dialect: AN_DIALECT }).issues;
  });
  assert.deepEqual(
    issues.map((i) => [i.file, i.id, i.title, i.date, i.entries.map((e) => e.title)]),
    [
      ['lantern.mbox#1', 'lantern-1', 'Lantern Letter #18', '2020-03-16', ['Quiet Ladders']],
      ['lantern.mbox#2', 'lantern-2', 'Lantern Letter #19', '2020-03-23', ['Loud Ladders']],
    ],
  );
});

test('a message that is not valid MIME is read as plain text, with a warning naming the file', () => {
  const broken =
    'Subject: Half a message\nContent-Type: multipart/mixed; boundary="never"\n\n--never\nContent-Type: text/plain\n\nThe text is still here.\n';
  const issue = parse(broken, 'broken.eml');
  assert.match(issue.intro, /The text is still here\./);
  assert.ok(issue.warnings.some((w) => w.file === 'broken.eml' && /not a readable MIME message/.test(w.message)));
});

test('a Date header gives the date the sender wrote, whatever the time zone', () => {
  assert.equal(headerDate('Mon, 2 Mar 2020 23:30:00 -0800'), '2020-03-02');
  assert.equal(headerDate('3 Apr 2021 01:00:00 +1300'), '2021-04-03');
  assert.equal(headerDate('2021-05-06T10:00:00Z'), '2021-05-06');
  assert.equal(headerDate('not a date'), null);
  assert.equal(headerDate(undefined), null);
});
