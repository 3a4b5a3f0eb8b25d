/**
 * The baseline the build is compared with: the same Eleventy version rendering plain Markdown
 * pages through one minimal layout, then the Pagefind CLI indexing them. Same number of pages
 * as the real build writes, of the same average size, so the ratio shows what the site's own
 * code (parse, collect, templates) adds on top of what Eleventy and Pagefind cost anyway.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seeded } from '../generate/prng.ts';
import { paragraph } from '../generate/text.ts';

const LAYOUT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main>{{ content | safe }}</main></body>
</html>
`;

/** Writes `pages` Markdown files of about `bytes` each (front matter + heading + paragraphs) into `dir/src`. */
export function writeBaselineSource(dir: string, pages: number, bytes: number, seed = 1): string {
  const src = path.join(dir, 'src');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(src, '_includes'), { recursive: true });
  writeFileSync(path.join(src, '_includes', 'base.njk'), LAYOUT);
  // A config of its own, so Eleventy does not pick up the project's config from the working dir;
  // bench/ is gitignored, and Eleventy skips gitignored inputs unless told not to.
  writeFileSync(path.join(dir, 'eleventy.config.mjs'), 'export default function (config) {\n  config.setUseGitIgnore(false);\n}\n');
  const r = seeded(seed);
  for (let i = 0; i < pages; i++) {
    const parts = [`---\nlayout: base.njk\ntitle: Page ${i + 1}\n---\n# Page ${i + 1}\n`];
    let size = parts[0]!.length;
    while (size < bytes) {
      const p = paragraph(r, r.int(3, 6), []);
      parts.push(p);
      size += p.length + 2;
    }
    writeFileSync(path.join(src, `page-${String(i + 1).padStart(5, '0')}.md`), `${parts.join('\n\n')}\n`);
  }
  return src;
}
