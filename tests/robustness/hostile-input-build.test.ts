/**
 * No file stops the build: a real build (parse, Eleventy, Pagefind) of three issue files, one of
 * them hostile (20,000 nested elements; a binary file named .html; an empty file; an email whose
 * markup the old reader threw on), publishes the other two whole, and names the hostile one in
 * its warnings. The good files carry characters XML cannot carry, and the feeds stay valid XML.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSite } from '../../src/io/build-site.ts';
import { BuildSession } from '../../src/io/session.ts';
import { SAMPLE_ARCHIVE } from '../support/sample-archive.ts';
import { parseXml } from '../support/xml.ts';

const GOOD: Record<string, string> = {
  'an-301.txt': [
    '---',
    'number: 301',
    'date: 2021-06-01',
    '---',
    'HIGHLIGHTS',
    '',
    'Harbour Lights for Agents (Mara Quell) (summarized by Rohin): Agents steer by harbour lights\u0001 they learn from a map\uFFFE of the coast.',
    '',
    "Rohin's opinion: A bright idea.",
    '',
  ].join('\n'),
  'an-302.html': [
    '<html><head><title>[AN #302]: Tidal ladders</title></head><body>',
    '<h1>HIGHLIGHTS</h1>',
    '<p><b><a href="https://papers.example.org/tidal-ladders">Tidal Ladders</a></b> <i>(Oren Vail)</i> (summarized by Rohin): Ladders that rise and fall with the tide of training.</p>',
    '<p><b>Rohin\u2019s opinion:</b> Buoyant.</p>',
    '</body></html>',
  ].join('\n'),
};

const HOSTILE: Record<string, string | Buffer> = {
  'deep.html': `<html><body>${'<div>'.repeat(20000)}Deep words.${'</div>'.repeat(20000)}</body></html>`,
  'photo.html': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256)),
  'empty.md': '',
  'mail.html': '<p><span>A <table><tr><td><del>struck</del> cell</td></tr></table> inside <strike>text</strike>.</span></p>',
};

/** What becomes of each hostile file: its readable text as its issue's intro, or (a binary file) no issue. */
const KEPT: Record<string, RegExp | null> = {
  'deep.html': /^Deep words\.$/,
  'photo.html': null,
  'empty.md': /^$/,
  'mail.html': /~~struck~~ cell[\s\S]*~~text~~/,
};

/** A content dir (`<root>/content`) with the two good files and one hostile file, and the sample archive's settings. */
function contentWith(root: string, hostile: string): string {
  const dir = path.join(root, 'content');
  mkdirSync(dir);
  mkdirSync(path.join(dir, 'newsletters'));
  for (const name of ['categories.yml', 'site.yml', 'people.yml', 'newsletter.yml'])
    copyFileSync(path.join(SAMPLE_ARCHIVE, name), path.join(dir, name));
  for (const [name, text] of Object.entries(GOOD)) writeFileSync(path.join(dir, 'newsletters', name), text);
  writeFileSync(path.join(dir, 'newsletters', hostile), HOSTILE[hostile]!);
  return dir;
}

/** The text of every page the build wrote, by its path in the site. */
function pages(site: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(?:html|xml)$/.test(e.name)) out.set(path.relative(site, full), readFileSync(full, 'utf8'));
    }
  };
  walk(site);
  return out;
}

for (const hostile of Object.keys(HOSTILE)) {
  test(`a build with a hostile file (${hostile}) among three publishes the other two whole and names it in a warning`, async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'hostile-build-'));
    const content = contentWith(root, hostile);
    const site = path.join(root, '_site');
    try {
      const session = new BuildSession({ contentDir: content, outputDir: site, quiet: true });
      const report = await buildSite(session);
      const issues = session.loaded?.issues ?? [];
      const good = issues.filter((i) => i.file in GOOD);
      assert.deepEqual(
        good.map((i) => [i.file, i.entries.map((e) => e.title)]),
        [
          ['an-301.txt', ['Harbour Lights for Agents']],
          ['an-302.html', ['Tidal Ladders']],
        ],
      );
      const kept = issues.find((i) => i.file === hostile);
      if (KEPT[hostile] === null) assert.equal(kept, undefined, 'a binary file is no issue');
      else assert.match(kept!.intro, KEPT[hostile]!);
      assert.ok(report.warnings >= 1);
      assert.ok(
        session.loaded!.warnings.some((w) => w.file === hostile),
        `a warning names ${hostile}: ${session.loaded!.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`).join('; ')}`,
      );
      const all = pages(site);
      for (const issue of good) {
        const page = all.get(path.join('issues', issue.id, 'index.html'));
        assert.ok(page, `the page of ${issue.file} is written`);
        for (const entry of issue.entries) assert.ok(page.includes(entry.title), `${issue.file}: "${entry.title}" is on its page`);
      }
      assert.match(all.get(path.join('issues', good[0]!.id, 'index.html'))!, /harbour lights they learn from a map of the coast/);
      // Every feed is well-formed XML: the control characters were removed before any page was made.
      for (const [file, text] of all) if (file.endsWith('.xml')) parseXml(text);
      assert.ok(existsSync(path.join(site, 'pagefind')), 'the search index is built');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
}
