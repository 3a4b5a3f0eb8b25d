/** The link-digest generator (tools/generate/links.ts) and `npm run gen-corpus -- --shape links`. */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parseArchive } from '../../src/parse.ts';
import { parseCategories } from '../../src/records/categories.ts';
import { parseArgs, writeCorpus } from '../../tools/gen-corpus.ts';
import { generateLinkCorpus } from '../../tools/generate/links.ts';

test('a link digest is weekly issues of sections of link items, the same for a seed', () => {
  const files = generateLinkCorpus({ issues: 30, seed: 'digest', itemsPerIssue: 40 });
  assert.deepEqual(files, generateLinkCorpus({ issues: 30, seed: 'digest', itemsPerIssue: 40 }));
  assert.notDeepEqual(files, generateLinkCorpus({ issues: 30, seed: 'other', itemsPerIssue: 40 }));
  assert.equal(files.length, 30);
  assert.equal(files[0]!.name, '2012-01-02-1.md');
  assert.equal(files[1]!.name, '2012-01-09-2.md');
  assert.match(files[0]!.text, /^---\ntitle: "Link Digest #1"\ndate: 2012-01-02\n---\n/);
  const items = files.reduce((n, f) => n + f.items.total, 0);
  const bare = files.reduce((n, f) => n + f.items.bare, 0);
  // Most items are a link with a line or a quote, some a link alone.
  assert.ok(items > 30 * 40 * 0.8 && items < 30 * 40 * 1.2, `${items} items`);
  assert.ok(bare > items * 0.05 && bare < items * 0.15, `${bare} bare of ${items}`);
  assert.match(files.map((f) => f.text).join('\n'), /^\* \[[^\]]+\]\(https:\/\/[^)]+\) - "[^"]+"$/m);
});

test('the parser reads every item of the digest, with its link and section, and the bare ones without a summary', () => {
  const files = generateLinkCorpus({ issues: 12, seed: 'read', itemsPerIssue: 30 });
  const { issues } = parseArchive(
    files.map((f) => ({ file: f.name, text: f.text })),
    { vocabulary: parseCategories('') },
  );
  assert.equal(issues.length, 12);
  for (const issue of issues) {
    const file = files.find((f) => f.name === issue.file)!;
    assert.equal(issue.entries.length, file.items.total, issue.file);
    assert.equal(issue.entries.filter((e) => e.summary === '').length, file.items.bare, issue.file);
    assert.ok(
      issue.entries.every((e) => e.url?.startsWith('https://') && e.category.length === 1),
      issue.file,
    );
  }
});

test('gen-corpus writes a link digest with --shape links', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'links-corpus-'));
  try {
    const out = path.join(dir, 'newsletters');
    const args = parseArgs(['--out', out, '--shape', 'links', '--issues', '3', '--items-per-issue', '10', '--seed', 's']);
    assert.equal(args.shape, 'links');
    const written = writeCorpus(args);
    assert.equal(written.files, 3);
    const names = readdirSync(out).filter((n) => n.endsWith('.md'));
    assert.deepEqual(
      names.sort(),
      generateLinkCorpus({ issues: 3, seed: 's', itemsPerIssue: 10 })
        .map((f) => f.name)
        .sort(),
    );
    assert.equal(readFileSync(path.join(out, names[0]!), 'utf8'), generateLinkCorpus({ issues: 3, seed: 's', itemsPerIssue: 10 })[0]!.text);
    assert.throws(() => parseArgs(['--shape', 'zine']), /unknown shape zine/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
