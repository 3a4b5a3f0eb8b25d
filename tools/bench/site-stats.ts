/**
 * What a built site weighs: total bytes, the largest issue page, and which pages carry
 * JavaScript beyond the small enhancement script every page has (only the search page should:
 * pages and navigation work without it).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface SiteStats {
  totalBytes: number;
  files: number;
  htmlPages: number;
  /** Issue pages: HTML pages under a directory named like `an-0123` / `an-98` (the issue id). */
  issuePages: number;
  largestIssuePage: { path: string; bytes: number } | null;
  issuePagesOver60KB: number;
  /** HTML pages (outside the search page) with a script other than `assets/enhance.js`, relative paths; at most 20 listed. */
  pagesWithScript: string[];
  pagesWithScriptCount: number;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** An issue page is `.../an-0123/index.html` or `.../an-0123.html`, but not a summary page below it. */
export function isIssuePage(relative: string): boolean {
  return /(^|\/)an-\d+(\/index)?\.html$/.test(relative.split(path.sep).join('/'));
}

export function isSearchPage(relative: string): boolean {
  return /(^|\/)search(\/index)?\.html$/.test(relative.split(path.sep).join('/'));
}

/** Does the page have a script besides the enhancement script (`<script src=".../assets/enhance.js" ...>`)? */
export function otherScripts(html: string): boolean {
  return [...html.matchAll(/<script\b[^>]*>/gi)].some((m) => !/\ssrc="[^"]*\/assets\/enhance\.js"/.test(m[0]));
}

export function siteStats(siteDir: string): SiteStats {
  const files = walk(siteDir);
  let totalBytes = 0;
  let htmlPages = 0;
  let issuePages = 0;
  let largest: { path: string; bytes: number } | null = null;
  let over = 0;
  const withScript: string[] = [];
  for (const file of files) {
    const bytes = statSync(file).size;
    totalBytes += bytes;
    if (!file.endsWith('.html')) continue;
    htmlPages++;
    const relative = path.relative(siteDir, file).split(path.sep).join('/');
    if (relative.startsWith('pagefind/')) continue;
    if (isIssuePage(relative)) {
      issuePages++;
      if (bytes > 60 * 1024) over++;
      if (!largest || bytes > largest.bytes) largest = { path: relative, bytes };
    }
    if (!isSearchPage(relative) && otherScripts(readFileSync(file, 'utf8'))) withScript.push(relative);
  }
  return {
    totalBytes,
    files: files.length,
    htmlPages,
    issuePages,
    largestIssuePage: largest,
    issuePagesOver60KB: over,
    pagesWithScript: withScript.slice(0, 20),
    pagesWithScriptCount: withScript.length,
  };
}
