/**
 * Internal link check over a built site: every `href` / `src` that points into the site must
 * reach a file, and every `#fragment` must name an `id` on the target page. Links are resolved
 * the way a browser resolves them on the deployed site, under the path prefix, so a
 * root-relative link that forgets the prefix is reported as broken.
 *
 * `findBrokenLinks` is pure (pages in, report out); `checkSite` only adds the directory walk.
 * `npm run links` (tools/check-links.ts) is its command.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeHTMLAttribute } from 'entities';
import { Parser } from 'htmlparser2';

export interface BrokenLink {
  /** Site path of the page holding the link (`issues/wr-098/index.html`). */
  page: string;
  /** The attribute value as written. */
  href: string;
  reason: 'outside the site prefix' | 'no such page' | 'no such anchor';
}

export interface LinkReport {
  pages: number;
  /** Internal links checked (external ones are skipped). */
  links: number;
  broken: BrokenLink[];
}

const ORIGIN = 'http://site.invalid';
const NON_HTTP = /^(?:mailto|tel|javascript|data):/i;
/** The attributes that hold a link, and the one that names an anchor. */
const LINK_ATTRIBUTES = new Set(['href', 'src']);

/**
 * The links and ids of one page, read by an HTML parser (htmlparser2) as a browser tokenises it:
 * every tag's `href`, `src` and `id`, quoted or not, in any case; the bodies of `<script>` and
 * `<style>` are text, never tags. Attribute values are decoded by the `entities` package's rules
 * for attributes (`&amp;` is `&`; `&copy=` in a query stays as written).
 */
export function scanPage(html: string): { links: string[]; ids: Set<string> } {
  const links: string[] = [];
  const ids = new Set<string>();
  const parser = new Parser(
    {
      onattribute(name, value) {
        if (name === 'id') ids.add(decodeHTMLAttribute(value));
        else if (LINK_ATTRIBUTES.has(name)) links.push(decodeHTMLAttribute(value));
      },
    },
    { decodeEntities: false, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { links, ids };
}

/** The URL path a file is served at: `issues/x/index.html` -> `/prefix/issues/x/`. */
function pageUrl(file: string, prefix: string): string {
  return `${prefix}${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The site file a URL path names, the way a static host maps it (`dir/` -> `dir/index.html`). */
function fileFor(sitePath: string, files: ReadonlySet<string>): string | null {
  const candidates =
    sitePath === '' || sitePath.endsWith('/') ? [`${sitePath}index.html`] : [sitePath, `${sitePath}/index.html`, `${sitePath}.html`];
  return candidates.find((c) => files.has(c)) ?? null;
}

/**
 * Checks every internal link of the given pages. `pages` maps site paths of HTML files to their
 * text; `otherFiles` lists the site's non-HTML files (CSS, scripts, feed, exports).
 */
export function findBrokenLinks(pages: ReadonlyMap<string, string>, otherFiles: Iterable<string>, pathPrefix: string): LinkReport {
  const prefix = pathPrefix.endsWith('/') ? pathPrefix : `${pathPrefix}/`;
  const files = new Set<string>([...pages.keys(), ...otherFiles]);
  const scanned = new Map([...pages].map(([file, html]) => [file, scanPage(html)]));
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const [page, { links: hrefs, ids }] of scanned) {
    const base = `${ORIGIN}${pageUrl(page, prefix)}`;
    for (const href of hrefs) {
      if (href === '' || NON_HTTP.test(href)) continue;
      let url: URL;
      try {
        url = new URL(href, base);
      } catch {
        broken.push({ page, href, reason: 'no such page' });
        continue;
      }
      if (url.origin !== ORIGIN) continue;
      links++;
      const pathname = decodeURIComponent(url.pathname);
      if (!pathname.startsWith(prefix)) {
        broken.push({ page, href, reason: 'outside the site prefix' });
        continue;
      }
      const target = fileFor(pathname.slice(prefix.length), files);
      if (target === null) {
        broken.push({ page, href, reason: 'no such page' });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment === '' || !target.endsWith('.html')) continue;
      const targetIds = target === page ? ids : scanned.get(target)?.ids;
      if (!targetIds?.has(fragment)) broken.push({ page, href, reason: 'no such anchor' });
    }
  }
  return { pages: pages.size, links, broken };
}

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

/** Reads a built site from disk and checks its internal links under the given path prefix. */
export function checkSite(outputDir: string, pathPrefix: string): LinkReport {
  const all = walk(outputDir);
  const pages = new Map(all.filter((f) => f.endsWith('.html')).map((f) => [f, readFileSync(path.join(outputDir, f), 'utf8')]));
  return findBrokenLinks(
    pages,
    all.filter((f) => !f.endsWith('.html')),
    pathPrefix,
  );
}
