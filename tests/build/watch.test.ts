/**
 * The dev server (`npm start`, src/io/watch.ts): Eleventy in watch mode writes only the pages that
 * changed, so after each rebuild the output is brought in line with the archive. A deleted or
 * renamed issue file must disappear from the pages and from the search index.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { paperSlug } from '../../src/site/text/names.ts';
import { readNewsletters } from '../../src/io/read.ts';
import { parseArchive } from '../../src/parse.ts';
import { parseCategories } from '../../src/records/categories.ts';
import { BuildSession } from '../../src/io/session.ts';
import { watchSite } from '../../src/io/watch.ts';
import { failureLine } from '../../src/io/errors.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';
import { AN_DIALECT } from '../support/dialect.ts';

/** Pages in the search index, from the bundle's entry file. */
function indexedPages(output: string): number {
  const entry = JSON.parse(readFileSync(path.join(output, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

test('in the dev server, a deleted or renamed issue file disappears from the pages and the search index on the next rebuild', {
  timeout: 240_000,
}, async () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'newsletter-dev-'));
  const content = path.join(work, 'content');
  const output = path.join(work, 'site');
  cpSync(SAMPLE_ARCHIVE, content, { recursive: true });
  const rebuilds: { removed: string[]; indexed: number }[] = [];
  const errors: unknown[] = [];
  const watcher = await watchSite(new BuildSession({ contentDir: content, outputDir: output, quiet: true }), {
    onRebuild: (r) => rebuilds.push(r),
    onError: (e) => errors.push(e),
  });
  /** Waits for a rebuild after `count` earlier ones that makes `done` true; gives up after a minute (and the watcher is closed). */
  const rebuilt = async (count: number, done: () => boolean): Promise<void> => {
    const deadline = Date.now() + 60_000;
    while (rebuilds.length <= count || !done()) {
      if (Date.now() > deadline) throw new Error(`no rebuild did it; ${rebuilds.length} rebuilds, errors: ${errors.join('; ')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  try {
    await rebuilt(0, () => existsSync(path.join(output, 'issues', 'an-116', 'index.html')));
    const vocabulary = parseCategories(readFileSync(path.join(content, 'categories.yml'), 'utf8'));
    const issues = parseArchive(readNewsletters([path.join(content, 'newsletters')]).files, { vocabulary, dialect: AN_DIALECT }).issues;
    const deleted = issues.find((i) => i.id === 'an-116')!;
    const othersTitles = new Set(issues.filter((i) => i !== deleted).flatMap((i) => i.entries.map((e) => paperSlug(e.title))));
    const onlyThere = [...new Set(deleted.entries.map((e) => paperSlug(e.title)))].filter((slug) => !othersTitles.has(slug));
    assert.ok(onlyThere.length > 0);

    // The watcher may still be starting up: a new issue file is written until a rebuild shows it.
    const probe = path.join(content, 'newsletters', 'probe.txt');
    for (let tick = 0; !existsSync(path.join(output, 'issues', 'probe', 'index.html')); tick++) {
      if (tick % 20 === 0) writeFileSync(probe, `HIGHLIGHTS\n\nA Probe Paper (Ann Lee) (summarized by Rohin): Written ${tick} times.\n`);
      if (tick > 1200) throw new Error('the watcher never saw a new file');
      await new Promise((r) => setTimeout(r, 50));
    }

    rmSync(path.join(content, 'newsletters', 'an-116.txt'));
    let count = rebuilds.length;
    await rebuilt(count, () => rebuilds.slice(count).some((r) => r.removed.includes('issues/an-116/index.html')));
    assert.ok(!existsSync(path.join(output, 'issues', 'an-116')));
    for (const slug of onlyThere) assert.ok(!existsSync(path.join(output, 'papers', slug)), `papers/${slug} is still there`);
    // Only the summary pages are indexed, one each: the index holds exactly the pages that are left.
    const papers = readdirSync(path.join(output, 'papers')).filter((slug) => existsSync(path.join(output, 'papers', slug, 'index.html')));
    assert.equal(indexedPages(output), papers.length, 'the search index still holds the deleted summaries');
    assert.doesNotMatch(readFileSync(path.join(output, 'issues', 'index.html'), 'utf8'), /an-116/);

    // A file without a number is named by its file: renaming it moves its page.
    writeFileSync(
      path.join(content, 'newsletters', 'draft.txt'),
      'HIGHLIGHTS\n\nA Drafted Paper (Ann Lee) (summarized by Rohin): Words.\n',
    );
    count = rebuilds.length;
    await rebuilt(count, () => existsSync(path.join(output, 'issues', 'draft', 'index.html')));
    renameSync(path.join(content, 'newsletters', 'draft.txt'), path.join(content, 'newsletters', 'final.txt'));
    count = rebuilds.length;
    await rebuilt(count, () => rebuilds.slice(count).some((r) => r.removed.includes('issues/draft/index.html')));
    assert.ok(existsSync(path.join(output, 'issues', 'final', 'index.html')));
    assert.ok(!existsSync(path.join(output, 'issues', 'draft')));
    assert.ok(existsSync(path.join(output, 'papers', 'a-drafted-paper', 'index.html')));
    assert.deepEqual(errors, []);
  } finally {
    await watcher.close();
    rmSync(work, { recursive: true, force: true });
  }
});

test('in the dev server, a rebuild that fails is one error naming the stage, the page and the newsletter file; the files of static/ are published and a file the user put in the output is left alone', {
  timeout: 120_000,
}, async () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'newsletter-dev-fail-'));
  const content = path.join(work, 'content');
  const output = path.join(work, 'site');
  mkdirSync(path.join(content, 'newsletters'), { recursive: true });
  mkdirSync(path.join(content, 'static'));
  cpSync(path.join(SAMPLE_ARCHIVE, 'categories.yml'), path.join(content, 'categories.yml'));
  writeFileSync(path.join(content, 'site.yml'), 'url: https://example.org/\n');
  writeFileSync(path.join(content, 'static', 'CNAME'), 'archive.example.org\n');
  writeFileSync(path.join(content, 'newsletters', 'an-007.txt'), 'HIGHLIGHTS\n\nA Kept Paper (Ann Lee) (summarized by Rohin): Kept.\n');
  const rebuilds: { removed: string[]; indexed: number }[] = [];
  const errors: unknown[] = [];
  const watcher = await watchSite(new BuildSession({ contentDir: content, outputDir: output, quiet: true }), {
    onRebuild: (r) => rebuilds.push(r),
    onError: (e) => errors.push(e),
  });
  /** Polls until `done`; `write` is repeated every second, since the watcher may still be starting up. The test's timeout bounds the loop. */
  const until = async (done: () => boolean, write: () => void): Promise<void> => {
    for (let tick = 0; !done(); tick++) {
      if (tick % 20 === 0) write();
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  try {
    await until(
      () => rebuilds.length > 0,
      () => {},
    );
    assert.equal(readFileSync(path.join(output, 'CNAME'), 'utf8'), 'archive.example.org\n');
    writeFileSync(path.join(output, 'mine.txt'), 'my own file');
    // A file where the new issue's page folder must go: writing that page fails.
    writeFileSync(path.join(output, 'issues', 'probe'), 'in the way');
    const probe = path.join(content, 'newsletters', 'probe.txt');
    await until(
      () => errors.length > 0,
      () => writeFileSync(probe, `HIGHLIGHTS\n\nA Probe Paper (Ann Lee) (summarized by Rohin): Probing ${Date.now()}.\n`),
    );
    const line = failureLine(errors[0]);
    assert.match(line, /^render: rendering failed: .*; page: \/issues\/probe\/, made from probe\.txt/);
    assert.doesNotMatch(line, /\n/);
    // The dev server goes on: without the failing issue, the next edit is rebuilt and published.
    rmSync(probe);
    const kept = path.join(content, 'newsletters', 'an-007.txt');
    await until(
      () =>
        readdirSync(path.join(output, 'issues')).some((id) => {
          const page = path.join(output, 'issues', id, 'index.html');
          return existsSync(page) && readFileSync(page, 'utf8').includes('Edited');
        }),
      () => writeFileSync(kept, 'HIGHLIGHTS\n\nA Kept Paper (Ann Lee) (summarized by Rohin): Edited.\n'),
    );
    assert.equal(readFileSync(path.join(output, 'mine.txt'), 'utf8'), 'my own file');
  } finally {
    await watcher.close();
    rmSync(work, { recursive: true, force: true });
  }
});
